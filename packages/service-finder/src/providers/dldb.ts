import { s, type Infer, type Schema } from '@muni-widgets/core';
import type { OfficeAccessibility, OpeningInterval, RichText, ServiceDetail, ServiceOffice, ServiceSummary, WeekdayHours } from '../model.js';
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
 * The Berlin service database (DLDB) export as served to ZMS (it-at-m/eappointment,
 * `zmsdldb`): `services_de.json`, `locations_de.json` and optionally `topic_de.json`, each
 * `{ data: [...] }`. Field names follow `zmsdldb/schema/dldb_service.json` and the export
 * fixtures in `zmsdldb/tests/Dldb/fixtures/`. Munich's SADB export, transformed by
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
 * Location accessibility: a note, or an object whose keys (`access`, `wc`, `parking`,
 * `note`) are read leniently: yes/no as booleans, "1"/"0", "ja"/"nein" or "barrierefrei".
 * Anything else is left out rather than guessed.
 */
const accessibilityInfo: Schema<OfficeAccessibility | undefined> = (value) => {
  if (typeof value === 'string') return value.trim() ? { notes: htmlToText(value) } : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const raw = value as Record<string, unknown>;
  const yesNo = (v: unknown): boolean | undefined => {
    if (typeof v === 'boolean') return v;
    if (v === 1 || v === '1' || (typeof v === 'string' && /^(ja|yes|true|barrierefrei)$/i.test(v.trim()))) return true;
    if (v === 0 || v === '0' || (typeof v === 'string' && /^(nein|no|false|nicht barrierefrei)$/i.test(v.trim()))) return false;
    return undefined;
  };
  const info = compact({
    stepFreeAccess: yesNo(raw['access']),
    accessibleToilet: yesNo(raw['wc']),
    accessibleParking: yesNo(raw['parking']),
    notes: typeof raw['note'] === 'string' && raw['note'].trim() ? htmlToText(raw['note']) : undefined,
  });
  return Object.keys(info).length > 0 ? info : undefined;
};

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
  fees: looseText,
  // The schema says process_time; the importer maps processing_time. Exports carry either.
  process_time: looseText,
  processing_time: looseText,
  locations: s.optional(
    s.array(
      s.object({
        location: idString,
        appointment: s.optional(s.object({ allowed: flag, external: flag })),
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
  contact: s.optional(s.object({ phone: looseText, email: looseText })),
  opening_times: s.optional(s.object(Object.fromEntries(DAYS.map((day) => [day, looseText])) as Record<(typeof DAYS)[number], typeof looseText>)),
  accessibility: accessibilityInfo,
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

/** "Personalausweis – bei Minderjährigen zusätzlich …": name and note on one line. */
function entryLines(list: Entry[] | undefined): string[] {
  return (list ?? [])
    .map((e) => [htmlToText(e.name), htmlToText(e.description)].filter(Boolean).join(' – '))
    .filter(Boolean);
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

/**
 * DLDB opening times are prose per weekday. They become `WeekdayHours` only when every
 * weekday that says something says it as times; one "nach Vereinbarung" and the week stays
 * unknown rather than half right (a wrong "closed now" is worse than none).
 */
function weekdayHours(times: DldbLocation['opening_times']): WeekdayHours[] | undefined {
  if (!times) return undefined;
  const week: WeekdayHours[] = [];
  let saysAnything = false;
  for (const [index, day] of DAYS.entries()) {
    const text = htmlToText(times[day]);
    if (!text) continue;
    saysAnything = true;
    const intervals = intervalsOf(text);
    if (!intervals) return undefined;
    week.push({ weekday: index + 1, intervals });
  }
  return saysAnything ? week : undefined;
}

function office(raw: DldbLocation): ServiceOffice {
  const address = raw.address ?? {};
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
    openingHours: weekdayHours(raw.opening_times),
    accessibility: raw.accessibility,
  });
}

/** A service is bookable through ZMS when one of its locations allows booking inside ZMS; DLDB ids are ZMS ids. */
function bookable(raw: DldbService): boolean {
  return (raw.locations ?? []).some((l) => l.appointment?.allowed === true && l.appointment.external !== true);
}

function description(raw: string | undefined): RichText {
  if (!raw) return { format: 'text', text: '' };
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
        officeIds: unique((raw.locations ?? []).map((l) => l.location)),
        onlineServiceUrl: httpUrl(raw.onlineprocessing?.link),
        appointmentServiceId: bookable(raw) ? raw.id : undefined,
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
        const legal = entryLines(raw.legal);
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
          offices: summary.officeIds.map(officeById).filter((o): o is ServiceOffice => o !== undefined),
          appointment: summary.appointmentServiceId ? { serviceId: summary.appointmentServiceId, name: summary.name } : undefined,
          lastUpdated: isoDay(raw.meta?.lastupdate),
        });
      },
    };
  }
}
