import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createServiceIndex, type ServiceIndex } from '@muni-widgets/service-finder/search';
import type { Queryable } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { conditionalGet } from '../http/etag.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
import { IsoDateSchema } from './common.js';
import type { Clock } from '../time.js';
import type { RouteDeps } from './deps.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_AGE_SECONDS = 300;

const ServiceSummarySchema = z
  .object({
    id: z.string().openapi({ description: 'Stabiler Schlüssel', example: 'personalausweis-beantragen' }),
    leika: z.string().regex(/^\d{14}$/).openapi({ description: 'Schlüssel im Leistungskatalog (LeiKa)', example: '99102013104000' }),
    name: z.string().openapi({ example: 'Personalausweis beantragen' }),
    shortDescription: z.string(),
    category: z.string().openapi({ description: 'Kennung der Lebenslage, siehe /services/categories', example: 'ausweise-dokumente' }),
    synonyms: z.array(z.string()).openapi({ description: 'Alltagswörter für die Suche', example: ['Perso', 'Ausweis'] }),
    officeIds: z.array(z.string()).openapi({ description: 'Zuständige Ämter, das erste ist das hauptzuständige', example: ['buergerbuero'] }),
    onlineServiceUrl: z.url().optional().openapi({ description: 'Online-Antrag, falls es einen gibt' }),
    appointmentServiceId: z
      .string()
      .optional()
      .openapi({ description: 'Dienstleistung der Terminbuchung (/appointments/services), falls ein Termin gebucht werden kann', example: 'personalausweis' }),
  })
  .openapi('ServiceSummary');

const FeeSchema = z
  .object({
    label: z.string().openapi({ example: 'Ab 24 Jahren' }),
    amountCents: z.number().int().min(0).optional().openapi({ description: 'Fester Betrag in Cent', example: 3700 }),
    minCents: z.number().int().min(0).optional().openapi({ description: 'Untergrenze, wenn der Betrag eine Spanne ist' }),
    maxCents: z.number().int().min(0).optional().openapi({ description: 'Obergrenze, wenn der Betrag eine Spanne ist' }),
  })
  .openapi('ServiceFee', { description: 'Ohne Betrag: der Text sagt alles (z. B. „nach Aufwand“).' });

const ServiceOfficeSchema = z
  .object({
    id: z.string().openapi({ description: 'Öffnungszeiten und Barrierefreiheit unter /offices/{id}', example: 'buergerbuero' }),
    name: z.string(),
    address: z.object({ building: z.string(), street: z.string(), postalCode: z.string(), city: z.string(), room: z.string().nullable() }),
    phone: z.string(),
    email: z.string(),
  })
  .openapi('ServiceOffice');

const ServiceSchema = ServiceSummarySchema.extend({
  categoryName: z.string().openapi({ example: 'Ausweise & Dokumente' }),
  description: z.string().openapi({ description: 'Klartext; Absätze durch Leerzeilen getrennt' }),
  prerequisites: z.array(z.string()),
  requiredDocuments: z.array(z.string()),
  fees: z.array(FeeSchema),
  processingTime: z.string().nullable(),
  legalBasis: z.string().nullable(),
  forms: z.array(z.object({ title: z.string(), url: z.url() }).openapi('ServiceForm')),
  offices: z.array(ServiceOfficeSchema),
  appointmentService: z
    .object({ id: z.string(), name: z.string(), durationMinutes: z.number().int() })
    .optional()
    .openapi({ description: 'Zum Buchen mit <muni-appointment-picker>' }),
  lastUpdated: IsoDateSchema,
}).openapi('Service');
export type Service = z.infer<typeof ServiceSchema>;

const CategorySchema = z
  .object({
    id: z.string().openapi({ example: 'familie-kinder' }),
    name: z.string().openapi({ example: 'Familie & Kinder' }),
    serviceCount: z.number().int().min(0),
  })
  .openapi('ServiceCategory');

const ConditionalHeaders = z.object({
  'If-None-Match': z
    .string()
    .max(1024)
    .optional()
    .openapi({ description: 'ETag einer früheren Antwort; stimmt er noch, kommt 304 ohne Inhalt.' }),
});

const CACHE_HEADERS = {
  ETag: { description: 'Starker Validator: Hash des Inhalts', schema: { type: 'string' as const } },
  'Cache-Control': { description: `public, max-age=${MAX_AGE_SECONDS}`, schema: { type: 'string' as const } },
};
const NOT_MODIFIED_NOTE = ' Mit `If-None-Match` und unverändertem Inhalt: 304 ohne Inhalt.';

/** What every catalogue route shares: its tag and the conditional GET behind the ETag. */
const CACHEABLE = { tags: [API_TAGS.services.name], middleware: [conditionalGet(MAX_AGE_SECONDS)] };

/** A 200 answer with the cache headers and one JSON body. */
function cachedJson<S extends z.ZodType>(description: string, schema: S) {
  return { description, headers: CACHE_HEADERS, content: { 'application/json': { schema } } };
}

const listServices = createRoute({
  method: 'get',
  path: '/services',
  operationId: 'listServices',
  ...CACHEABLE,
  summary: 'Alle Dienstleistungen (kompakt, für die Suche im Browser)',
  description: 'Der vollständige Katalog in Anzeigereihenfolge, mit den Feldern für Liste und Suche.' + NOT_MODIFIED_NOTE,
  request: { headers: ConditionalHeaders },
  responses: {
    200: cachedJson('Der Katalog', z.object({ services: z.array(ServiceSummarySchema) })),
  },
});

const listCategories = createRoute({
  method: 'get',
  path: '/services/categories',
  operationId: 'listServiceCategories',
  ...CACHEABLE,
  summary: 'Lebenslagen mit der Zahl ihrer Dienstleistungen',
  description: 'In Anzeigereihenfolge.' + NOT_MODIFIED_NOTE,
  request: { headers: ConditionalHeaders },
  responses: {
    200: cachedJson('Die Lebenslagen', z.object({ categories: z.array(CategorySchema) })),
  },
});

const getService = createRoute({
  method: 'get',
  path: '/services/{id}',
  operationId: 'getService',
  ...CACHEABLE,
  summary: 'Eine Dienstleistung mit allen Angaben',
  description: 'Mit Unterlagen, Gebühren, Formularen und den zuständigen Ämtern.' + NOT_MODIFIED_NOTE,
  request: {
    headers: ConditionalHeaders,
    params: z.object({
      id: z
        .string()
        .max(64)
        .regex(SLUG)
        .openapi({ param: { name: 'id', in: 'path' }, example: 'personalausweis-beantragen' }),
    }),
  },
  responses: {
    200: cachedJson('Die Dienstleistung', ServiceSchema),
    ...problemResponses('validation', 'not_found'),
  },
});

const searchServices = createRoute({
  method: 'get',
  path: '/services/search',
  operationId: 'searchServices',
  ...CACHEABLE,
  summary: 'Dienstleistungen suchen, beste Treffer zuerst',
  description:
    'Für Kataloge, die zu groß für die Suche im Browser sind. Rangfolge wie im Widget (dasselbe Modul): ' +
    'Umlaute und ß gleichwertig mit ae/oe/ue/ss, Alltagswörter, Tippfehler, das letzte Wort als Anfang.' +
    NOT_MODIFIED_NOTE,
  request: {
    headers: ConditionalHeaders,
    query: z.object({
      q: z.string().trim().min(1).max(100).openapi({ param: { name: 'q', in: 'query' }, description: 'Suchtext', example: 'Perso' }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(50)
        .default(10)
        .openapi({ param: { name: 'limit', in: 'query' }, description: 'Höchstzahl der Treffer', example: 10 }),
    }),
  },
  responses: {
    200: cachedJson('Die Treffer, bester zuerst', z.object({ services: z.array(ServiceSummarySchema) })),
    ...problemResponses('validation'),
  },
});

export function serviceRoutes({ db, clock }: RouteDeps) {
  const searchIndex = cachedSearchIndex(db, clock);
  return new OpenAPIHono<AppEnv>()
    .openapi(listServices, async (c) => c.json({ services: await loadServiceSummaries(db) }, 200))
    .openapi(listCategories, async (c) => c.json({ categories: await loadCategories(db) }, 200))
    // Before /services/{id}: "search" is a valid id.
    .openapi(searchServices, async (c) => {
      const { q, limit } = c.req.valid('query');
      const hits = (await searchIndex()).search(q, { limit });
      return c.json({ services: hits.map((hit) => hit.service) }, 200);
    })
    .openapi(getService, async (c) => {
      const { id } = c.req.valid('param');
      const service = await loadService(db, id);
      if (!service) throw new ProblemError('not_found', `Eine Dienstleistung mit der Kennung „${id}“ gibt es nicht.`);
      return c.json(service, 200);
    });
}

type ServiceSummary = z.infer<typeof ServiceSummarySchema>;

/**
 * The search index of the catalogue, built on first use and rebuilt once it is older than the
 * catalogue's cache lifetime, so that an edited catalogue is searchable no later than clients
 * see it in GET /services. One build at a time; a failed build is retried by the next request.
 */
function cachedSearchIndex(db: Queryable, clock: Clock): () => Promise<ServiceIndex<ServiceSummary>> {
  let cached: { builtAt: number; index: Promise<ServiceIndex<ServiceSummary>> } | undefined;
  return () => {
    const now = clock().getTime();
    if (!cached || now - cached.builtAt >= MAX_AGE_SECONDS * 1000 || now < cached.builtAt) {
      const entry = { builtAt: now, index: buildSearchIndex(db) };
      cached = entry;
      entry.index.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.index;
  };
}

export async function buildSearchIndex(db: Queryable): Promise<ServiceIndex<ServiceSummary>> {
  const [services, categories] = await Promise.all([loadServiceSummaries(db), loadCategories(db)]);
  return createServiceIndex(services, { categoryNames: Object.fromEntries(categories.map((c) => [c.id, c.name])) });
}

interface ServiceRow {
  id: string;
  leika: string;
  name: string;
  short_description: string;
  category_id: string;
  synonyms: string[];
  office_ids: string[] | null;
  online_service_url: string | null;
  appointment_service_id: string | null;
}

const SUMMARY_COLUMNS = `s.id, s.leika, s.name, s.short_description, s.category_id, s.synonyms, s.online_service_url,
       s.appointment_service_id,
       (SELECT array_agg(so.office_id ORDER BY so.sort_order, so.office_id) FROM service_offices so WHERE so.service_id = s.id) AS office_ids`;

function summary(row: ServiceRow): ServiceSummary {
  return {
    id: row.id,
    leika: row.leika,
    name: row.name,
    shortDescription: row.short_description,
    category: row.category_id,
    synonyms: row.synonyms,
    officeIds: row.office_ids ?? [],
    ...(row.online_service_url ? { onlineServiceUrl: row.online_service_url } : {}),
    ...(row.appointment_service_id ? { appointmentServiceId: row.appointment_service_id } : {}),
  };
}

export async function loadServiceSummaries(db: Queryable) {
  const rows = await db.query<ServiceRow>(`SELECT ${SUMMARY_COLUMNS} FROM services s ORDER BY s.sort_order, s.id`);
  return rows.map(summary);
}

export async function loadCategories(db: Queryable) {
  const rows = await db.query<{ id: string; name: string; service_count: number }>(
    `SELECT c.id, c.name, (SELECT count(*) FROM services s WHERE s.category_id = c.id)::int AS service_count
       FROM service_categories c
      ORDER BY c.sort_order, c.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, serviceCount: r.service_count }));
}

export async function loadService(db: Queryable, id: string): Promise<Service | undefined> {
  const [rows, offices] = await Promise.all([
    db.query<
      ServiceRow & {
        category_name: string;
        description: string;
        prerequisites: string[];
        required_documents: string[];
        fees: Service['fees'];
        processing_time: string | null;
        legal_basis: string | null;
        forms: Service['forms'];
        appointment_name: string | null;
        appointment_duration: number | null;
        last_updated: string;
      }
    >(
      `SELECT ${SUMMARY_COLUMNS}, c.name AS category_name, s.description, s.prerequisites, s.required_documents, s.fees,
              s.processing_time, s.legal_basis, s.forms, a.name AS appointment_name,
              a.duration_minutes AS appointment_duration, to_char(s.last_updated, 'YYYY-MM-DD') AS last_updated
         FROM services s
         JOIN service_categories c ON c.id = s.category_id
         LEFT JOIN appointment_services a ON a.id = s.appointment_service_id
        WHERE s.id = $1`,
      [id],
    ),
    db.query<{ id: string; name: string; building: string; street: string; postal_code: string; city: string; room: string | null; phone: string; email: string }>(
      `SELECT o.id, o.name, o.building, o.street, o.postal_code, o.city, o.room, o.phone, o.email
         FROM service_offices so JOIN offices o ON o.id = so.office_id
        WHERE so.service_id = $1
        ORDER BY so.sort_order, o.id`,
      [id],
    ),
  ]);
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...summary(row),
    categoryName: row.category_name,
    description: row.description,
    prerequisites: row.prerequisites,
    requiredDocuments: row.required_documents,
    fees: row.fees,
    processingTime: row.processing_time,
    legalBasis: row.legal_basis,
    forms: row.forms,
    offices: offices.map((o) => ({
      id: o.id,
      name: o.name,
      address: { building: o.building, street: o.street, postalCode: o.postal_code, city: o.city, room: o.room },
      phone: o.phone,
      email: o.email,
    })),
    ...(row.appointment_service_id && row.appointment_name !== null && row.appointment_duration !== null
      ? { appointmentService: { id: row.appointment_service_id, name: row.appointment_name, durationMinutes: row.appointment_duration } }
      : {}),
    lastUpdated: row.last_updated,
  };
}
