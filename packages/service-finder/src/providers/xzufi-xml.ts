import { s } from '@muni-widgets/core';

/**
 * Reads XZuFi 2.2 messages (namespace http://xoev.de/schemata/xzufi/2_2_0) as editorial
 * systems and the PVOG export them: a root with `nachrichtenkopf`, then `schreibe` elements
 * holding one object each (`leistung`, `organisationseinheit`, `onlinedienst`,
 * `zustaendigkeitTransferObjekt`, `spezialisierung`) and `loesche` elements naming objects to
 * drop. Each object becomes the plain structure the adapter's schemas check: child elements
 * become keys (an element that occurs more than once an array), text-only elements strings,
 * text-only elements with attributes `{ text, languageCode, … }`.
 */

const XZUFI = /^http:\/\/xoev\.de\/schemata\/xzufi\/2_2/;

type Raw = Record<string, unknown>;

/** The plain structure of one element, namespace prefixes dropped. */
function plain(element: Element): unknown {
  const attributes = [...element.attributes].filter((a) => a.namespaceURI === null).map((a) => [a.localName, a.value]);
  if (element.children.length === 0) {
    const text = element.textContent ?? '';
    return attributes.length > 0 ? { text, ...Object.fromEntries(attributes) } : text;
  }
  const children = new Map<string, unknown[]>();
  for (const child of element.children) {
    const list = children.get(child.localName) ?? [];
    list.push(plain(child));
    children.set(child.localName, list);
  }
  return { ...Object.fromEntries(attributes), ...Object.fromEntries([...children].map(([name, list]) => [name, list.length === 1 ? list[0] : list])) };
}

/** An Identifikator as the id string; ids are compared after trimming, as `idString` keeps them. */
function idOf(value: unknown): string {
  const text = typeof value === 'object' && value !== null ? (value as Raw)['text'] : value;
  return typeof text === 'string' ? text.trim() : '';
}

/** XML has no arrays: one occurrence arrives as itself. */
function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Collects the objects of one or more messages in the order given, so a later `schreibe`
 * replaces an earlier object with the same id and a `loesche` removes it, as in a feed of
 * full and delta files.
 */
export class XzufiCollector {
  private readonly leistungen = new Map<string, unknown>();
  private readonly organisationseinheiten = new Map<string, unknown>();
  private readonly onlinedienste = new Map<string, unknown>();
  private readonly zustaendigkeiten = new Map<string, unknown>();
  /** The Zuständigkeiten nested in each office or online service, so a new version replaces them all. */
  private readonly nested = new Map<string, string[]>();
  /** `loesche` names its object by class (code list "Klasse" of the Bereitstelldienst). */
  private readonly byKlasse: Record<string, Map<string, unknown>> = {
    Leistung: this.leistungen,
    Organisationseinheit: this.organisationseinheiten,
    Onlinedienst: this.onlinedienste,
    Zustaendigkeit: this.zustaendigkeiten,
  };

  /** Parses one message; a file that is not well-formed XZuFi 2.2 throws and fails the load. */
  add(xml: string, file: string): void {
    // XZuFi never needs a DTD; refusing one keeps entity tricks out of any parser.
    if (/<!DOCTYPE/i.test(xml)) throw new s.SchemaError(file, 'XML without a DOCTYPE');
    const root = new DOMParser().parseFromString(xml, 'application/xml').documentElement;
    if (root.localName === 'parsererror' || root.querySelector('parsererror')) throw new s.SchemaError(file, 'well-formed XML');
    if (!XZUFI.test(root.namespaceURI ?? '')) throw new s.SchemaError(file, 'an XZuFi 2.2 message');
    for (const child of root.children) {
      if (child.namespaceURI !== root.namespaceURI) continue;
      if (child.localName === 'loesche') {
        this.remove(plain(child) as Raw);
        continue;
      }
      // Objects arrive wrapped in `schreibe`; a plain list of objects under the root reads the same.
      for (const object of child.localName === 'schreibe' ? child.children : [child]) this.write(object.localName, plain(object) as Raw);
    }
  }

  /** The collected objects in the shape of the adapter's document. */
  document(): Raw {
    return {
      leistungen: [...this.leistungen.values()],
      organisationseinheiten: [...this.organisationseinheiten.values()],
      onlinedienste: [...this.onlinedienste.values()],
      zustaendigkeiten: [...this.zustaendigkeiten.values()],
    };
  }

  private write(kind: string, object: Raw): void {
    if (kind === 'leistung') this.leistungen.set(idOf(object['id']), object);
    else if (kind === 'zustaendigkeitTransferObjekt') this.responsibility(object);
    else if (kind === 'organisationseinheit' || kind === 'onlinedienst') {
      const id = idOf(object['id']);
      (kind === 'onlinedienst' ? this.onlinedienste : this.organisationseinheiten).set(id, object);
      // Editorial systems nest the Zuständigkeiten in their object; the PVOG sends them as transfer
      // objects. A new version of the object brings its whole list: the old one goes.
      this.dropNested(kind, id);
      const keys = list(object['zustaendigkeit']).map((zustaendigkeit) => this.responsibility({ uebergeordnetesObjektID: object['id'], zustaendigkeit }));
      this.nested.set(`${kind}:${id}`, keys);
    }
    // A `spezialisierung` refines a Leistung for one region; the finder shows the Leistung itself.
  }

  private responsibility(transfer: Raw): string {
    const zustaendigkeit = (transfer['zustaendigkeit'] ?? {}) as Raw;
    const key = idOf(zustaendigkeit['id']) || `${idOf(transfer['uebergeordnetesObjektID'])}>${idOf(zustaendigkeit['leistungID'])}`;
    this.zustaendigkeiten.set(key, transfer);
    return key;
  }

  private dropNested(kind: string, id: string): void {
    for (const key of this.nested.get(`${kind}:${id}`) ?? []) this.zustaendigkeiten.delete(key);
    this.nested.delete(`${kind}:${id}`);
  }

  private remove(loesche: Raw): void {
    const klasse = String(loesche['klasse']);
    const target = this.byKlasse[klasse];
    for (const raw of list(loesche['id'])) {
      const id = idOf(raw);
      target?.delete(id);
      if (klasse === 'Organisationseinheit' || klasse === 'Onlinedienst') this.dropNested(klasse === 'Onlinedienst' ? 'onlinedienst' : 'organisationseinheit', id);
    }
  }
}
