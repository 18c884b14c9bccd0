import { s, type Infer, type Schema } from '@muni-widgets/core';
import type { OfficeAccessibility, OpeningInterval, RichText, ServiceDetail, ServiceForm, ServiceOffice, ServiceSummary, WeekdayHours } from '../model.js';
import { anchors, feesFromLines, htmlToLines, htmlToText, teaser } from './html-text.js';
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
 * The Berlin service database (DLDB) export as served to ZMS (it-at-m/eappointment,
 * `zmsdldb`): `services_de.json`, `locations_de.json` and optionally `topic_de.json`, each
 * `{ data: [...] }`. Field names follow `zmsdldb/schema/dldb_service.json`, the reduced export
 * in `zmsdldb/tests/Zmsdldb/fixtures/` and the full records embedded in `zmsadmin/tests/Zmsadmin/fixtures/`
 * (an extract: `demo/assets/berlin-dldb/`). Munich's SADB export, transformed by
 * `zmsdldb`'s Munich transformer, has the same shape.
 */
export interface DldbProviderOptions extends StaticCatalogOptions {
  /** `services_de.json`, absolute or relative to the page. */
  servicesUrl: string;
  /** `locations_de.json`: offices with address, contact and hours. Without it services list no offices. */
  locationsUrl?: string;
  /** `topic_de.json`: names for the services' `relation.root_topic`, which become the categories. */
  topicsUrl?: string;
}

// ---------------------------------------------------------------- export schemas

/** Ids that may be missing or empty ("root_topic": ""). */
const looseId: Schema<string | undefined> = (value, path) => (value === undefined || value === null || value === '' ? undefined : idString(value, path));

/** ZMS flags arrive as booleans, 0/1 or "0"/"1". */
const flag: Schema<boolean | undefined> = (value, path = '') => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1') return true;
  if (value === 0 || value === '0' || value === '') return false;
  throw new s.SchemaError(path, 'a boolean');
};

/**
 * Location accessibility, `{ elevator, access, parking, wc, note }`, coded as the zmsdldb README
 * (its "Format definitions") defines them: `wc` and `elevator` 0 missing, 1 partly wheelchair
 * suitable, 2 wheelchair suitable, 3 wheelchair accessible; `parking` 0 missing, 1 wheelchair
 * suitable; `access` unbekannt, nein, bedingt_rollstuhlgeeignet, rollstuhlgeeignet,
 * rollstuhlgerecht. "Partly" states neither yes nor no: the source's words go to the notes. The
 * elevator has no place in the model (a ground-floor office needs none) and is not shown.
 */
const accessibilityInfo: Schema<OfficeAccessibility | undefined> = (value) => {
  if (typeof value === 'string') return value.trim() ? { notes: htmlToText(value) } : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const raw = value as Record<string, unknown>;
  const code = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim().toLowerCase() : '');
  const suitable = (v: unknown, partly: string) => {
    const c = code(v);
    return { value: c === '0' ? false : c === '2' || c === '3' ? true : undefined, note: c === '1' ? partly : '' };
  };
  const access = code(raw['access']);
  const stepFree = {
    value: /^(nein|nicht|kein)/.test(access) ? false : /^(rollstuhlgerecht|rollstuhlgeeignet|barrierefrei|stufenlos|ja|1)$/.test(access) ? true : undefined,
    note: access.startsWith('bedingt') ? 'Zugang bedingt rollstuhlgeeignet' : '',
  };
  const wc = suitable(raw['wc'], 'WC bedingt rollstuhlgeeignet');
  const parking = code(raw['parking']);
  const notes = [stepFree.note, wc.note, typeof raw['note'] === 'string' ? htmlToText(raw['note']) : ''].filter(Boolean).join('. ');
  const info = compact({
    stepFreeAccess: stepFree.value,
    accessibleToilet: wc.value,
    accessibleParking: parking === '1' ? true : parking === '0' ? false : undefined,
    notes: notes || undefined,
  });
  return Object.keys(info).length > 0 ? info : undefined;
};

/** Optional extras that some exports write as `false` when empty. */
function extra<T>(schema: Schema<T>): Schema<T | undefined> {
  return (value, path) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? schema(value, path) : undefined);
}

/** prerequisites, requirements, forms, legal, links: `{ name, link, description }`. */
const entry = s.object({ name: looseText, link: looseText, description: looseText });
const entries = s.optional(s.array(entry));

const service = s.object({
  id: idString,
  name: s.string,
  leika: looseText,
  description: looseText,
  prerequisites: entries,
  requirements: entries,
  forms: entries,
  legal: entries,
  links: entries,
  publications: entries,
  fees: looseText,
  responsibility: looseText,
  appointment: extra(s.object({ link: looseText })),
  // The schema says process_time; the importer maps processing_time. Exports carry either.
  process_time: looseText,
  processing_time: looseText,
  locations: s.optional(
    s.array(
      s.object({
        location: idString,
        appointment: s.optional(s.object({ allowed: flag, external: flag, link: looseText })),
        /** "Hinweis zur Zuständigkeit des Standortes": what this office does or does not do for the service. */
        hint: looseText,
      }),
    ),
  ),
  onlineprocessing: s.optional(s.object({ link: looseText })),
  meta: s.optional(s.object({ lastupdate: looseText, keywords: looseText })),
  relation: s.optional(s.object({ root_topic: looseId })),
});
type DldbService = Infer<typeof service>;

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const location = s.object({
  id: idString,
  name: s.string,
  address: s.optional(s.object({ street: looseText, house_number: looseText, postal_code: looseText, city: looseText })),
  contact: s.optional(s.object({ phone: looseText, email: looseText, webinfo: looseText })),
  opening_times: s.optional(
    s.object({ ...(Object.fromEntries(DAYS.map((day) => [day, looseText])) as Record<(typeof DAYS)[number], typeof looseText>), special: looseText }),
  ),
  accessibility: accessibilityInfo,
  note: looseText,
  payment: looseText,
  transit: extra(s.object({ bus: looseText, ubahn: looseText, sbahn: looseText, tram: looseText })),
  appointment: extra(s.object({ note: looseText })),
  urgent: extra(s.object({ note: looseText })),
});
type DldbLocation = Infer<typeof location>;

const topic = s.object({ id: idString, name: s.string });

const servicesDocument = s.object({ data: s.array(service) });
const locationsDocument = s.object({ data: s.array(location) });
const topicsDocument = s.object({ data: s.array(topic) });

// ---------------------------------------------------------------- mapping

/** When the export brings no topics, every service sits in one category. */
const ALL = { id: 'alle', name: 'Alle Leistungen' };
/** With topics, services without a known root topic go here. */
const OTHER = { id: 'weitere', name: 'Weitere Leistungen' };

type Entry = Infer<typeof entry>;

/**
 * "Personalausweis – bei Minderjährigen …": the name, then the note's own lines, so a list in
 * the note stays a list (the view keeps the line breaks).
 */
function entryLines(list: Entry[] | undefined): string[] {
  return (list ?? [])
    .map((e) => {
      const [first, ...more] = htmlToLines(e.description);
      return [[htmlToText(e.name), first].filter(Boolean).join(' – '), ...more].join('\n');
    })
    .filter(Boolean);
}

/** The entries' own links and the links inside their notes, for "Weitere Informationen". */
function entryLinks(list: Entry[] | undefined): ServiceForm[] {
  return (list ?? []).flatMap((e) => {
    const url = httpUrl(htmlToText(e.link));
    return [...(url ? [{ title: htmlToText(e.name) || url, url }] : []), ...htmlLinks(e.description)];
  });
}

function htmlLinks(html: string | undefined): ServiceForm[] {
  return anchors(html).flatMap(({ text, href }) => {
    const url = httpUrl(href);
    return url ? [{ title: text || url, url }] : [];
  });
}

function uniqueLinks(links: ServiceForm[]): ServiceForm[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.url) && seen.add(l.url));
}

function time(hours: string, minutes: string | undefined): string | undefined {
  const h = Number(hours);
  const m = Number(minutes ?? '0');
  return h <= 24 && m < 60 ? `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}` : undefined;
}

const INTERVAL = /(\d{1,2})(?:[:.](\d{2}))?\s*(?:-|–|bis)\s*(\d{1,2})(?:[:.](\d{2}))?/g;

/** "07:30 - 13:00 Uhr, 14:00-18:00 Uhr" -> intervals; `undefined` when the text says something else. */
function intervalsOf(text: string): OpeningInterval[] | undefined {
  const intervals: OpeningInterval[] = [];
  for (const match of text.matchAll(INTERVAL)) {
    const opens = time(match[1]!, match[2]);
    const closes = time(match[3]!, match[4]);
    if (!opens || !closes || closes <= opens) return undefined;
    intervals.push({ opens, closes });
  }
  return intervals.length > 0 ? intervals : undefined;
}

const APPOINTMENT_ONLY = /nur mit termin/i;

/** What a day's text says besides its times: "08.00-16.00 Uhr - nur mit Termin*" -> "nur mit Termin". */
function qualifier(text: string): string {
  return text
    .replace(INTERVAL, ' ')
    .replace(/\bUhr\b/gi, ' ')
    .replace(/^[\s,;:–*-]+|[\s,;:–*-]+$/g, '')
    .trim();
}

interface Hours {
  week?: WeekdayHours[];
  appointmentOnly?: boolean;
  notes: string[];
}

/**
 * DLDB opening times are prose per weekday plus `special`. They become `WeekdayHours` only when
 * every weekday that says something says it as times; one "nach Vereinbarung" and the week
 * stays unknown rather than half right (a wrong "closed now" is worse than none). A qualifier
 * on every open day ("nur mit Termin") marks the office appointment-only; other qualifiers and
 * `special` are kept as notes.
 */
function hoursOf(times: DldbLocation['opening_times']): Hours {
  if (!times) return { notes: [] };
  const special = htmlToLines(times.special);
  const week: WeekdayHours[] = [];
  const qualifiers: string[] = [];
  let readable = true;
  for (const [index, day] of DAYS.entries()) {
    const text = htmlToText(times[day]);
    if (!text) continue;
    const intervals = intervalsOf(text);
    if (!intervals) readable = false;
    else week.push({ weekday: index + 1, intervals });
    qualifiers.push(qualifier(text));
  }
  if (qualifiers.length === 0) return { notes: special };
  const appointmentOnly = qualifiers.every((q) => APPOINTMENT_ONLY.test(q));
  const otherQualifiers = unique(qualifiers.filter((q) => q && !APPOINTMENT_ONLY.test(q)));
  return {
    week: readable ? week : undefined,
    appointmentOnly: appointmentOnly || undefined,
    notes: [...(readable ? otherQualifiers : []), ...special],
  };
}

function transitLines(transit: DldbLocation['transit']): string[] {
  if (!transit) return [];
  const lines: Array<[string, string | undefined]> = [
    ['U-Bahn', transit.ubahn],
    ['S-Bahn', transit.sbahn],
    ['Tram', transit.tram],
    ['Bus', transit.bus],
  ];
  return lines.flatMap(([mode, text]) => {
    const value = htmlToText(text);
    return value ? [`${mode}: ${value}`] : [];
  });
}

/** The office as every service shows it; what differs per service (booking) is added by `forService`. */
function office(raw: DldbLocation): ServiceOffice {
  const address = raw.address ?? {};
  const hours = hoursOf(raw.opening_times);
  const notes = [
    ...htmlToLines(raw.urgent?.note),
    ...htmlToLines(raw.note),
    ...htmlToLines(raw.appointment?.note),
    ...htmlToLines(raw.payment),
    ...transitLines(raw.transit),
  ];
  return compact({
    id: raw.id,
    name: htmlToText(raw.name),
    address: {
      street: htmlToText([address.street, address.house_number].filter(Boolean).join(' ')),
      postalCode: address.postal_code?.trim() ?? '',
      city: address.city?.trim() ?? '',
    },
    phone: raw.contact?.phone?.trim() || undefined,
    email: raw.contact?.email?.trim() || undefined,
    website: httpUrl(raw.contact?.webinfo),
    openingHours: hours.week,
    appointmentOnly: hours.appointmentOnly,
    hoursNotes: hours.notes.length > 0 ? hours.notes : undefined,
    notes: notes.length > 0 ? notes : undefined,
    accessibility: raw.accessibility,
  });
}

type ServiceLocation = NonNullable<DldbService['locations']>[number];

/** ZMS books the service here itself: allowed, and not through an outside system. */
function zmsBookable(l: ServiceLocation): boolean {
  return l.appointment?.allowed === true && l.appointment.external !== true;
}

/** Offices that take bookings for the service first: the one a citizen would go to. */
function bookableFirst(locations: ServiceLocation[]): ServiceLocation[] {
  const rank = (l: ServiceLocation) => (l.appointment?.allowed === true ? 0 : l.appointment?.allowed === false ? 2 : 1);
  return [...locations].sort((a, b) => rank(a) - rank(b));
}

function forService(o: ServiceOffice, l: ServiceLocation): ServiceOffice {
  const allowed = l.appointment?.allowed;
  const hint = htmlToText(l.hint);
  return compact({
    ...o,
    bookable: allowed,
    bookingUrl: allowed === false ? undefined : httpUrl(htmlToText(l.appointment?.link)),
    notes: hint ? [hint, ...(o.notes ?? [])] : o.notes,
  });
}

function description(raw: string | undefined): RichText {
  if (!raw || !htmlToText(raw)) return { format: 'text', text: '' };
  // Markup stays markup for the widget's sanitizer; prose without tags stays text.
  return /<[a-z!/]/i.test(raw) ? { format: 'html', html: raw } : { format: 'text', text: raw.trim() };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Provider for a DLDB export: a few static JSON files, loaded once. No `search`: the whole
 * catalog is local and the widget's index searches it.
 */
export class DldbServiceProvider extends StaticCatalogProvider {
  constructor(private readonly options: DldbProviderOptions) {
    super(options);
  }

  protected async load(): Promise<LoadedCatalog> {
    const { servicesUrl, locationsUrl, topicsUrl } = this.options;
    const [services, locations, topics] = await Promise.all([
      this.fetchDocument(servicesUrl, servicesDocument),
      locationsUrl ? this.fetchDocument(locationsUrl, locationsDocument) : undefined,
      topicsUrl ? this.fetchDocument(topicsUrl, topicsDocument) : undefined,
    ]);

    const topicNames = new Map(topics?.data.map((t) => [t.id, htmlToText(t.name)]));
    const locationsById = new Map(locations?.data.map((l) => [l.id, l]));
    const categoryOf = (raw: DldbService) => {
      if (!topics) return ALL;
      const id = raw.relation?.root_topic;
      const name = id === undefined ? undefined : topicNames.get(id);
      return id !== undefined && name ? { id, name } : OTHER;
    };

    const rawById = new Map<string, DldbService>();
    const summaries: ServiceSummary[] = services.data.map((raw) => {
      rawById.set(raw.id, raw);
      const name = htmlToText(raw.name);
      return compact({
        id: raw.id,
        leika: raw.leika?.trim() || undefined,
        name,
        shortDescription: teaser(htmlToText(raw.description)),
        category: categoryOf(raw).id,
        synonyms: unique((raw.meta?.keywords ?? '').split(',').map((k) => htmlToText(k)).filter((k) => k && k !== name)),
        officeIds: unique(bookableFirst(raw.locations ?? []).map((l) => l.location)),
        onlineServiceUrl: httpUrl(raw.onlineprocessing?.link),
        appointmentServiceId: (raw.locations ?? []).some(zmsBookable) ? raw.id : undefined,
      });
    });
    const summaryById = new Map(summaries.map((summary) => [summary.id, summary]));
    const offices = new Map<string, ServiceOffice>();
    const officeById = (id: string) => {
      if (!offices.has(id)) {
        const raw = locationsById.get(id);
        if (raw) offices.set(id, office(raw));
      }
      return offices.get(id);
    };

    return {
      catalog: { services: summaries, categories: countCategories(services.data.map(categoryOf)) },
      detail: (id): ServiceDetail | undefined => {
        const raw = rawById.get(id);
        const summary = summaryById.get(id);
        if (!raw || !summary) return undefined;
        const legal = entryLines(raw.legal).map((line) => line.replace(/\n/g, ' '));
        const locations = new Map((raw.locations ?? []).map((l) => [l.location, l]));
        const offices = summary.officeIds.flatMap((officeId) => {
          const o = officeById(officeId);
          return o ? [forService(o, locations.get(officeId)!)] : [];
        });
        const links = uniqueLinks([
          ...entryLinks(raw.links),
          ...entryLinks(raw.publications),
          ...entryLinks(raw.prerequisites),
          ...entryLinks(raw.requirements),
          ...entryLinks(raw.legal),
          ...htmlLinks(raw.process_time ?? raw.processing_time),
        ]);
        return compact({
          ...summary,
          categoryName: categoryOf(raw).name,
          description: description(raw.description),
          prerequisites: entryLines(raw.prerequisites),
          requiredDocuments: entryLines(raw.requirements),
          fees: feesFromLines(htmlToLines(raw.fees)),
          processingTime: htmlToText(raw.process_time ?? raw.processing_time) || undefined,
          legalBasis: legal.length > 0 ? legal.join('; ') : undefined,
          forms: (raw.forms ?? []).flatMap((form) => {
            const url = httpUrl(form.link);
            return url ? [{ title: htmlToText(form.name) || url, url }] : [];
          }),
          links: links.length > 0 ? links : undefined,
          responsibility: htmlToText(raw.responsibility) || undefined,
          offices,
          unlistedOfficeCount: locationsUrl && offices.length < summary.officeIds.length ? summary.officeIds.length - offices.length : undefined,
          bookingUrl: httpUrl(htmlToText(raw.appointment?.link)),
          appointment: summary.appointmentServiceId ? { serviceId: summary.appointmentServiceId, name: summary.name } : undefined,
          lastUpdated: isoDay(raw.meta?.lastupdate),
        });
      },
    };
  }
}
