import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { conditionalGet } from '../http/etag.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
import { IsoDateSchema } from '../shared/calendar-date.js';
import { cachedSearchIndex, loadCategories, loadService, loadServiceSummaries } from '../services/catalog.js';
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
  const searchIndex = cachedSearchIndex(db, clock, MAX_AGE_SECONDS * 1000);
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
