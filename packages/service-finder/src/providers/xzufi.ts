import { s, type Infer, type Schema } from '@muni-widgets/core';
import type { OpeningException, OpeningInterval, RichText, ServiceDetail, ServiceFee, ServiceForm, ServiceOffice, ServiceSummary, WeekdayHours } from '../model.js';
import { feesFromLines, htmlToLines, htmlToText, teaser } from './html-text.js';
import { XzufiCollector } from './xzufi-xml.js';
import {
  StaticCatalogProvider,
  absolute,
  compact,
  countCategories,
  httpUrl,
  idString,
  isoDay,
  looseText,
  type LoadedCatalog,
  type StaticCatalogOptions,
} from './static-catalog.js';

/**
 * XZuFi 2.2 content as a town can download it: the XML messages of its editorial system or
 * of the PVOG (see `xzufi-xml.ts`), one file or a feed directory whose `index.txt` lists the
 * files, or the same objects written as one JSON document:
 *
 *   { "leistungen": [Leistung], "organisationseinheiten": [Organisationseinheit],
 *     "zustaendigkeiten": [ZustaendigkeitTransferObjekt], "onlinedienste": [Onlinedienst] }
 *
 * Leistung (id, referenzLeiKa, modulText with leikaTextmodul/inhalt/weiterfuehrenderLink,
 * modulKosten, modulBearbeitungsdauer, modulBegriffImKontext, kategorie,
 * versionsinformation), Zuständigkeit (uebergeordnetesObjektID, zustaendigkeit.leistungID,
 * rolle), Onlinedienst (bezeichnung, link) and the Organisationseinheit name/anschrift follow
 * parsers of real PVOG and editorial-system exports. The structured parts of `kosten` and the
 * Organisationseinheit's `kommunikation` and `oeffnungszeiten` are this adapter's reading of
 * XZuFi; the adapter falls back to the modules' prose where they are missing.
 */
export interface XzufiProviderOptions extends StaticCatalogOptions {
  /** An XZuFi XML message, a feed's `index.txt` or a JSON document; absolute or relative to the page. */
  url: string;
  /** Content language to pick from multilingual texts; German when absent. */
  language?: string;
}

/**
 * LeiKa text modules, code list urn:de:xzufi:codeliste:leistungstextmodulleika (version
 * 20240216): the codes this adapter reads. 02 is the official name and 03 the citizen-friendly
 * one (PVOG consumers prefer 03). Costs, deadline and processing time are modules of their own
 * (modulKosten, modulFrist, modulBearbeitungsdauer), not text modules.
 */
export const TEXTMODUL = {
  leistungsbezeichnung: '02',
  leistungsbezeichnungII: '03',
  kurztext: '05',
  volltext: '06',
  rechtsgrundlagen: '07',
  erforderlicheUnterlagen: '08',
  voraussetzungen: '09',
  formulare: '14',
  weiterfuehrendeInformationen: '15',
  teaser: '24',
} as const;

// ---------------------------------------------------------------- document schemas

/** XML has no arrays: an element that occurs once arrives as itself, so every list takes one. */
function many<T>(item: Schema<T>): Schema<T[]> {
  const array = s.array(item);
  return (value, path) => array(Array.isArray(value) ? value : [value], path);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text that XML may carry with attributes (`{ "text", "languageCode" }`), read as the text. */
const text: Schema<string | undefined> = (value, path = '') => looseText(isRecord(value) ? value['text'] : value, path);

const mlTextObject = s.object({ text: looseText, languageCode: s.optional(s.string) });
/** A multilingual text; one without languageCode arrives from XML as a bare string. */
const mlText: Schema<Infer<typeof mlTextObject>> = (value, path) => mlTextObject(typeof value === 'string' ? { text: value } : value, path);
const mlTexts = s.optional(many(mlText));
type MlText = Infer<typeof mlText>;

/** An XZuFi Identifikator: `{ "text": "…", "schemeAgencyID": … }`, or just the string. */
const identifikator: Schema<string> = (value, path = '') => (isRecord(value) ? idString(value['text'], `${path}.text`) : idString(value, path));

const code = s.object({ code: idString, name: text });

/** An amount in euros as XML decimal: a number or a numeric string. */
const decimal: Schema<number | undefined> = (value, path = '') => {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' ? Number(value.replace(',', '.')) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new s.SchemaError(path, 'an amount');
  return n;
};

const link = s.object({ uri: text, link: text, titel: text, languageCode: s.optional(s.string) });

const leistung = s.object({
  id: identifikator,
  referenzLeiKa: s.optional(many(code)),
  modulText: s.optional(
    many(
      s.object({
        leikaTextmodul: code,
        inhalt: mlTexts,
        weiterfuehrenderLink: s.optional(many(link)),
      }),
    ),
  ),
  modulKosten: s.optional(
    s.object({
      kosten: s.optional(
        many(
          s.object({
            typ: s.optional(code),
            betragFix: decimal,
            betragMin: decimal,
            betragMax: decimal,
            beschreibung: mlTexts,
          }),
        ),
      ),
      beschreibung: mlTexts,
    }),
  ),
  modulBearbeitungsdauer: s.optional(s.object({ beschreibung: mlTexts })),
  modulBegriffImKontext: s.optional(s.object({ begriffImKontext: s.optional(many(s.object({ begriff: mlText, typ: s.optional(code) }))) })),
  kategorie: s.optional(many(s.object({ id: s.optional(identifikator), bezeichnung: mlTexts }))),
  versionsinformation: s.optional(s.object({ geaendertDatumZeit: text })),
});
type Leistung = Infer<typeof leistung>;

const zeitraum = many(s.object({ beginn: s.string, ende: s.string }));

const organisationseinheit = s.object({
  id: identifikator,
  name: s.object({ name: many(mlText) }),
  anschrift: s.optional(
    many(
      s.object({
        typ: s.optional(code),
        strasse: text,
        hausnummer: text,
        postleitzahl: text,
        ort: text,
        zusatz: text,
      }),
    ),
  ),
  kommunikation: s.optional(many(s.object({ kanal: code, kennung: text }))),
  oeffnungszeiten: s.optional(many(s.object({ wochentag: code, zeitraum: s.optional(zeitraum) }))),
  sonderoeffnungszeiten: s.optional(
    many(s.object({ datumVon: s.string, datumBis: text, beschreibung: mlTexts, zeitraum: s.optional(zeitraum) })),
  ),
  hinweisBarrierefreiheit: mlTexts,
});
type Organisationseinheit = Infer<typeof organisationseinheit>;

const zustaendigkeit = s.object({
  uebergeordnetesObjektID: identifikator,
  zustaendigkeit: s.object({ id: s.optional(identifikator), leistungID: identifikator, rolle: s.optional(code) }),
});

const onlinedienst = s.object({
  id: identifikator,
  bezeichnung: mlTexts,
  link: s.optional(many(link)),
});

const xzufiDocument = s.object({
  leistungen: many(leistung),
  organisationseinheiten: s.optional(many(organisationseinheit)),
  zustaendigkeiten: s.optional(many(zustaendigkeit)),
  onlinedienste: s.optional(many(onlinedienst)),
});

// ---------------------------------------------------------------- mapping

const ALL = { id: 'alle', name: 'Alle Leistungen' };

/** Anschrift types (code list "Anschrifttyp"): the visitor address wins over a post box. */
const VISITOR_ADDRESS = /besucher|haus/i;

/** The text in the wanted language, else German, else the first. */
function pick(texts: MlText[] | undefined, language: string): string | undefined {
  const list = (texts ?? []).filter((t) => t.text);
  const of = (lang: string) => list.find((t) => (t.languageCode ?? 'de').toLowerCase().startsWith(lang));
  return (of(language) ?? of('de') ?? list[0])?.text;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function weekday(raw: { code: string; name?: string | undefined }): number | undefined {
  const n = Number(raw.code);
  if (Number.isInteger(n) && n >= 1 && n <= 7) return n;
  const names = ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag'];
  const index = names.indexOf((raw.name ?? raw.code).toLowerCase());
  return index >= 0 ? index + 1 : undefined;
}

const HHMM = /^([01]?\d|2[0-4]):([0-5]\d)/;
function intervals(list: Array<{ beginn: string; ende: string }> | undefined): OpeningInterval[] {
  return (list ?? []).flatMap(({ beginn, ende }) => {
    const opens = HHMM.exec(beginn);
    const closes = HHMM.exec(ende);
    return opens && closes ? [{ opens: `${opens[1]!.padStart(2, '0')}:${opens[2]}`, closes: `${closes[1]!.padStart(2, '0')}:${closes[2]}` }] : [];
  });
}

/** The adapter's typed view of one loaded document. */
class XzufiCatalog {
  private readonly leistungen = new Map<string, Leistung>();
  private readonly oes = new Map<string, Organisationseinheit>();
  private readonly onlineUrls = new Map<string, string>();
  /** Leistung id -> responsible OE ids (main role first) and online service URL. */
  private readonly offices = new Map<string, Array<{ id: string; role: string }>>();
  private readonly online = new Map<string, string>();
  private readonly summaries: ServiceSummary[];
  private readonly categoryNames = new Map<string, string>();
  private readonly officeCache = new Map<string, ServiceOffice>();

  constructor(
    document: Infer<typeof xzufiDocument>,
    private readonly language: string,
  ) {
    for (const oe of document.organisationseinheiten ?? []) this.oes.set(oe.id, oe);
    for (const dienst of document.onlinedienste ?? []) {
      const links = (dienst.link ?? []).filter((l) => httpUrl(l.link ?? l.uri));
      const preferred = links.find((l) => (l.languageCode ?? 'de').startsWith(language)) ?? links[0];
      const url = httpUrl(preferred?.link ?? preferred?.uri);
      if (url) this.onlineUrls.set(dienst.id, url);
    }
    for (const { uebergeordnetesObjektID: parent, zustaendigkeit } of document.zustaendigkeiten ?? []) {
      const leistungId = zustaendigkeit.leistungID;
      if (this.oes.has(parent)) {
        const list = this.offices.get(leistungId) ?? [];
        if (!list.some((o) => o.id === parent)) list.push({ id: parent, role: zustaendigkeit.rolle?.code ?? '99' });
        this.offices.set(leistungId, list);
      } else if (this.onlineUrls.has(parent) && !this.online.has(leistungId)) {
        this.online.set(leistungId, this.onlineUrls.get(parent)!);
      }
    }
    for (const list of this.offices.values()) list.sort((a, b) => a.role.localeCompare(b.role));
    this.summaries = document.leistungen.map((l) => {
      this.leistungen.set(l.id, l);
      return this.summary(l);
    });
  }

  get catalog(): LoadedCatalog['catalog'] {
    return {
      services: this.summaries,
      categories: countCategories(this.summaries.map((summary) => ({ id: summary.category, name: this.categoryNames.get(summary.category)! }))),
    };
  }

  private text(l: Leistung, modul: string): string | undefined {
    const texts = (l.modulText ?? []).filter((t) => t.leikaTextmodul.code === modul);
    const joined = texts.map((t) => pick(t.inhalt, this.language)).filter(Boolean).join('\n');
    return joined || undefined;
  }

  /** The http(s) links of a text module in the wanted language (a link without language is for all). */
  private links(l: Leistung, modul: string): ServiceForm[] {
    return (l.modulText ?? [])
      .filter((t) => t.leikaTextmodul.code === modul)
      .flatMap((t) => t.weiterfuehrenderLink ?? [])
      .filter((f) => !f.languageCode || f.languageCode.toLowerCase().startsWith(this.language))
      .flatMap((f) => {
        const url = httpUrl(f.uri ?? f.link);
        return url ? [{ title: htmlToText(f.titel) || url, url }] : [];
      });
  }

  private category(l: Leistung): { id: string; name: string } {
    const kategorie = l.kategorie?.[0];
    const name = htmlToText(pick(kategorie?.bezeichnung, this.language));
    if (!kategorie || !name) return ALL;
    return { id: kategorie.id ?? slug(name), name };
  }

  private summary(l: Leistung): ServiceSummary {
    const name = htmlToText(this.text(l, TEXTMODUL.leistungsbezeichnungII) ?? this.text(l, TEXTMODUL.leistungsbezeichnung)) || l.id;
    const category = this.category(l);
    this.categoryNames.set(category.id, category.name);
    const short = [TEXTMODUL.teaser, TEXTMODUL.kurztext, TEXTMODUL.volltext].map((modul) => htmlToText(this.text(l, modul))).find(Boolean);
    const synonyms = (l.modulBegriffImKontext?.begriffImKontext ?? [])
      .filter((b) => (b.begriff.languageCode ?? 'de').startsWith(this.language) || (!b.begriff.languageCode && this.language === 'de'))
      .map((b) => htmlToText(b.begriff.text))
      .filter((b) => b && b !== name);
    return compact({
      id: l.id,
      leika: l.referenzLeiKa?.[0]?.code,
      name,
      shortDescription: teaser(short ?? ''),
      category: category.id,
      synonyms: [...new Set(synonyms)],
      officeIds: (this.offices.get(l.id) ?? []).map((o) => o.id),
      onlineServiceUrl: this.online.get(l.id),
    });
  }

  private fees(l: Leistung): ServiceFee[] {
    const structured = (l.modulKosten?.kosten ?? []).map((k): ServiceFee => {
      const label = htmlToText(pick(k.beschreibung, this.language)) || k.typ?.name || 'Gebühr';
      const cents = (euro: number | undefined) => (euro === undefined ? undefined : Math.round(euro * 100));
      return compact({ label, amountCents: cents(k.betragFix), minCents: cents(k.betragMin), maxCents: cents(k.betragMax) });
    });
    if (structured.length > 0) return structured;
    return feesFromLines(htmlToLines(pick(l.modulKosten?.beschreibung, this.language)));
  }

  private office(id: string): ServiceOffice | undefined {
    const cached = this.officeCache.get(id);
    if (cached) return cached;
    const oe = this.oes.get(id);
    if (!oe) return undefined;
    const anschrift = (oe.anschrift ?? []).find((a) => VISITOR_ADDRESS.test(`${a.typ?.name ?? ''} ${a.typ?.code ?? ''}`)) ?? oe.anschrift?.[0];
    const channel = (pattern: RegExp) => oe.kommunikation?.find((k) => pattern.test(`${k.kanal.name ?? ''} ${k.kanal.code}`))?.kennung?.trim();
    const week: WeekdayHours[] = (oe.oeffnungszeiten ?? []).flatMap((o) => {
      const day = weekday(o.wochentag);
      return day ? [{ weekday: day, intervals: intervals(o.zeitraum) }] : [];
    });
    const exceptions: OpeningException[] = (oe.sonderoeffnungszeiten ?? []).flatMap((sonder) => {
      const from = isoDay(sonder.datumVon);
      if (!from) return [];
      return [{ from, to: isoDay(sonder.datumBis) ?? from, reason: htmlToText(pick(sonder.beschreibung, this.language)), intervals: intervals(sonder.zeitraum) }];
    });
    const accessibilityNotes = htmlToText(pick(oe.hinweisBarrierefreiheit, this.language));
    const office = compact({
      id,
      name: htmlToText(pick(oe.name.name, this.language)) || id,
      address: compact({
        street: htmlToText([anschrift?.strasse, anschrift?.hausnummer].filter(Boolean).join(' ')),
        postalCode: anschrift?.postleitzahl?.trim() ?? '',
        city: anschrift?.ort?.trim() ?? '',
        building: htmlToText(anschrift?.zusatz) || undefined,
      }),
      phone: channel(/telefon|phone/i),
      email: channel(/mail/i),
      openingHours: week.length > 0 ? week : undefined,
      exceptions: exceptions.length > 0 ? exceptions : undefined,
      accessibility: accessibilityNotes ? { notes: accessibilityNotes } : undefined,
    });
    this.officeCache.set(id, office);
    return office;
  }

  detail(id: string): ServiceDetail | undefined {
    const l = this.leistungen.get(id);
    const summary = this.summaries.find((candidate) => candidate.id === id);
    if (!l || !summary) return undefined;
    const volltext = this.text(l, TEXTMODUL.volltext) ?? this.text(l, TEXTMODUL.kurztext);
    const description: RichText = volltext ? { format: 'html', html: volltext } : { format: 'text', text: '' };
    const legal = htmlToLines(this.text(l, TEXTMODUL.rechtsgrundlagen));
    const links = this.links(l, TEXTMODUL.weiterfuehrendeInformationen);
    return compact({
      ...summary,
      categoryName: this.category(l).name,
      description,
      prerequisites: htmlToLines(this.text(l, TEXTMODUL.voraussetzungen)),
      requiredDocuments: htmlToLines(this.text(l, TEXTMODUL.erforderlicheUnterlagen)),
      fees: this.fees(l),
      processingTime: htmlToText(pick(l.modulBearbeitungsdauer?.beschreibung, this.language)) || undefined,
      legalBasis: legal.length > 0 ? legal.join('; ') : undefined,
      forms: this.links(l, TEXTMODUL.formulare),
      links: links.length > 0 ? links : undefined,
      offices: summary.officeIds.map((officeId) => this.office(officeId)).filter((o): o is ServiceOffice => o !== undefined),
      lastUpdated: isoDay(l.versionsinformation?.geaendertDatumZeit),
    });
  }
}

/** Files fetched at once from a feed: enough to hide latency, few enough for a town's web server. */
const PARALLEL_FILES = 4;

/**
 * Provider for XZuFi content from the PVOG or a municipal editorial system. No `search`: the
 * catalog is local. What `url` names is told by its content: XML is one message, JSON the
 * document above, anything else a feed index (one file name per line, relative to the index).
 */
export class XzufiServiceProvider extends StaticCatalogProvider {
  constructor(private readonly options: XzufiProviderOptions) {
    super(options);
  }

  protected async load(): Promise<LoadedCatalog> {
    const url = absolute(this.options.url);
    const body = (await this.fetchText(url)).replace(/^\uFEFF/, '').trim();
    const document = xzufiDocument(body.startsWith('{') ? JSON.parse(body) : await this.messages(url, body));
    const catalog = new XzufiCatalog(document, (this.options.language ?? 'de').toLowerCase());
    return { catalog: catalog.catalog, detail: (id) => catalog.detail(id) };
  }

  /** One message, or every message a feed index lists, read in the index's order. */
  private async messages(url: string, body: string): Promise<unknown> {
    const collector = new XzufiCollector();
    if (body.startsWith('<')) {
      collector.add(body, url);
      return collector.document();
    }
    const files = body
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => new URL(line, url).href);
    if (files.length === 0) throw new s.SchemaError(url, 'an XZuFi message or a list of XZuFi files');
    const texts: string[] = [];
    for (let start = 0; start < files.length; start += PARALLEL_FILES) {
      texts.push(...(await Promise.all(files.slice(start, start + PARALLEL_FILES).map((file) => this.fetchText(file)))));
    }
    texts.forEach((text, i) => collector.add(text, files[i]!));
    return collector.document();
  }
}
