import { s, type Infer, type Schema } from '@muni-widgets/core';
import type { OpeningException, OpeningInterval, RichText, ServiceDetail, ServiceFee, ServiceOffice, ServiceSummary, WeekdayHours } from '../model.js';
import { feesFromLines, htmlToLines, htmlToText, teaser } from './html-text.js';
import {
  StaticCatalogProvider,
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
 * XZuFi 2.2 content as the PVOG hands it out (Bereitstelldienst, `schreibe` objects), written
 * as JSON: one document with the four object kinds a service page needs:
 *
 *   { "leistungen": [Leistung], "organisationseinheiten": [Organisationseinheit],
 *     "zustaendigkeiten": [ZustaendigkeitTransferObjekt], "onlinedienste": [Onlinedienst] }
 *
 * XML elements become keys of the same name, repeated elements arrays, element text with
 * attributes `{ "text", "languageCode" }`. Leistung (id, referenzLeiKa, modulText with
 * leikaTextmodul/inhalt/weiterfuehrenderLink, modulKosten, modulBearbeitungsdauer,
 * modulBegriffImKontext, kategorie, versionsinformation), Zuständigkeit (uebergeordnetesObjektID,
 * zustaendigkeit.leistungID, rolle), Onlinedienst (bezeichnung, link) and the Organisationseinheit
 * name/anschrift follow converters of real PVOG data. The structured parts of `kosten` and the
 * Organisationseinheit's `kommunikation` and `oeffnungszeiten` are this adapter's reading of
 * XZuFi; the adapter falls back to the modules' prose where they are missing.
 */
export interface XzufiProviderOptions extends StaticCatalogOptions {
  /** The JSON document, absolute or relative to the page. */
  url: string;
  /** Content language to pick from multilingual texts; German when absent. */
  language?: string;
}

/**
 * LeiKa text modules (code list "LeiKa-Textmodul"): the codes this adapter reads.
 * 02 is the official name and 03 the citizen-friendly one (PVOG consumers prefer 03).
 */
export const TEXTMODUL = {
  leistungsbezeichnung: '02',
  leistungsbezeichnungII: '03',
  volltext: '04',
  erforderlicheUnterlagen: '05',
  voraussetzungen: '06',
  kosten: '07',
  bearbeitungsdauer: '09',
  frist: '10',
  rechtsgrundlagen: '13',
  kurztext: '15',
  formulare: '18',
} as const;

// ---------------------------------------------------------------- document schemas

const mlText = s.object({ text: looseText, languageCode: s.optional(s.string) });
const mlTexts = s.optional(s.array(mlText));
type MlText = Infer<typeof mlText>;

/** An XZuFi Identifikator: `{ "text": "…", "schemeAgencyID": … }`, or just the string. */
const identifikator: Schema<string> = (value, path = '') =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? idString((value as Record<string, unknown>)['text'], `${path}.text`) : idString(value, path);

const code = s.object({ code: idString, name: looseText });

/** An amount in euros as XML decimal: a number or a numeric string. */
const decimal: Schema<number | undefined> = (value, path = '') => {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' ? Number(value.replace(',', '.')) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new s.SchemaError(path, 'an amount');
  return n;
};

const link = s.object({ uri: looseText, link: looseText, titel: looseText, languageCode: s.optional(s.string) });

const leistung = s.object({
  id: identifikator,
  referenzLeiKa: s.optional(s.array(code)),
  modulText: s.optional(
    s.array(
      s.object({
        leikaTextmodul: code,
        inhalt: mlTexts,
        weiterfuehrenderLink: s.optional(s.array(link)),
      }),
    ),
  ),
  modulKosten: s.optional(
    s.object({
      kosten: s.optional(
        s.array(
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
  modulBegriffImKontext: s.optional(s.object({ begriffImKontext: s.optional(s.array(s.object({ begriff: mlText, typ: s.optional(code) }))) })),
  kategorie: s.optional(s.array(s.object({ id: s.optional(identifikator), bezeichnung: mlTexts }))),
  versionsinformation: s.optional(s.object({ geaendertDatumZeit: looseText })),
});
type Leistung = Infer<typeof leistung>;

const zeitraum = s.array(s.object({ beginn: s.string, ende: s.string }));

const organisationseinheit = s.object({
  id: identifikator,
  name: s.object({ name: s.array(mlText) }),
  anschrift: s.optional(
    s.array(
      s.object({
        typ: s.optional(code),
        strasse: looseText,
        hausnummer: looseText,
        postleitzahl: looseText,
        ort: looseText,
        zusatz: looseText,
      }),
    ),
  ),
  kommunikation: s.optional(s.array(s.object({ kanal: code, kennung: s.string }))),
  oeffnungszeiten: s.optional(s.array(s.object({ wochentag: code, zeitraum: s.optional(zeitraum) }))),
  sonderoeffnungszeiten: s.optional(
    s.array(s.object({ datumVon: s.string, datumBis: looseText, beschreibung: mlTexts, zeitraum: s.optional(zeitraum) })),
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
  link: s.optional(s.array(link)),
});

const xzufiDocument = s.object({
  leistungen: s.array(leistung),
  organisationseinheiten: s.optional(s.array(organisationseinheit)),
  zustaendigkeiten: s.optional(s.array(zustaendigkeit)),
  onlinedienste: s.optional(s.array(onlinedienst)),
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
    const short = htmlToText(this.text(l, TEXTMODUL.kurztext)) || htmlToText(this.text(l, TEXTMODUL.volltext));
    const synonyms = (l.modulBegriffImKontext?.begriffImKontext ?? [])
      .filter((b) => (b.begriff.languageCode ?? 'de').startsWith(this.language) || (!b.begriff.languageCode && this.language === 'de'))
      .map((b) => htmlToText(b.begriff.text))
      .filter((b) => b && b !== name);
    return compact({
      id: l.id,
      leika: l.referenzLeiKa?.[0]?.code,
      name,
      shortDescription: teaser(short),
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
    return feesFromLines(htmlToLines(pick(l.modulKosten?.beschreibung, this.language) ?? this.text(l, TEXTMODUL.kosten)));
  }

  private office(id: string): ServiceOffice | undefined {
    const cached = this.officeCache.get(id);
    if (cached) return cached;
    const oe = this.oes.get(id);
    if (!oe) return undefined;
    const anschrift = (oe.anschrift ?? []).find((a) => VISITOR_ADDRESS.test(`${a.typ?.name ?? ''} ${a.typ?.code ?? ''}`)) ?? oe.anschrift?.[0];
    const channel = (pattern: RegExp) => oe.kommunikation?.find((k) => pattern.test(`${k.kanal.name ?? ''} ${k.kanal.code}`))?.kennung.trim();
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
    const forms = (l.modulText ?? [])
      .filter((t) => t.leikaTextmodul.code === TEXTMODUL.formulare)
      .flatMap((t) => t.weiterfuehrenderLink ?? [])
      .flatMap((f) => {
        const url = httpUrl(f.uri ?? f.link);
        return url ? [{ title: htmlToText(f.titel) || url, url }] : [];
      });
    return compact({
      ...summary,
      categoryName: this.category(l).name,
      description,
      prerequisites: htmlToLines(this.text(l, TEXTMODUL.voraussetzungen)),
      requiredDocuments: htmlToLines(this.text(l, TEXTMODUL.erforderlicheUnterlagen)),
      fees: this.fees(l),
      processingTime: htmlToText(pick(l.modulBearbeitungsdauer?.beschreibung, this.language) ?? this.text(l, TEXTMODUL.bearbeitungsdauer)) || undefined,
      legalBasis: legal.length > 0 ? legal.join('; ') : undefined,
      forms,
      offices: summary.officeIds.map((officeId) => this.office(officeId)).filter((o): o is ServiceOffice => o !== undefined),
      lastUpdated: isoDay(l.versionsinformation?.geaendertDatumZeit),
    });
  }
}

/**
 * Provider for XZuFi content from the PVOG (or a municipal editorial system that exports
 * XZuFi), as one JSON document. No `search`: the catalog is local.
 */
export class XzufiServiceProvider extends StaticCatalogProvider {
  constructor(private readonly options: XzufiProviderOptions) {
    super(options);
  }

  protected async load(): Promise<LoadedCatalog> {
    const document = await this.fetchDocument(this.options.url, xzufiDocument);
    const catalog = new XzufiCatalog(document, (this.options.language ?? 'de').toLowerCase());
    return { catalog: catalog.catalog, detail: (id) => catalog.detail(id) };
  }
}
