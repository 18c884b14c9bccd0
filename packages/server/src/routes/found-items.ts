/**
 * Public lost-and-found API for <muni-found-item-search>: search the register, categories,
 * colours, pickup information, one find, and "Das gehört mir" (claims). Every find that leaves
 * through here is the public projection (src/found-items/public-projection.ts).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { categoryName, COLOUR_IDS, COLOURS, loadCategories, REFERENCE_PATTERNS } from '../found-items/catalog.js';
import { claimFoundItem } from '../found-items/claims.js';
import { FeeSchema, loadPickupInfo } from '../found-items/pickup.js';
import { FoundItemSchema } from '../found-items/public-projection.js';
import { purgeFoundItemData } from '../found-items/purge.js';
import { findPublicFoundItem, searchFoundItems } from '../found-items/search.js';
import type { AppEnv } from '../http/app-env.js';
import { conditionalGet } from '../http/etag.js';
import { IdempotencyKeyHeaders } from '../http/idempotency.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { multilineText } from '../http/safe-text.js';
import { onTheSide } from '../logger.js';
import { API_TAGS } from '../openapi/document.js';
import { isoDateInTimeZone, TOWN_TIME_ZONE } from '../time.js';
import { cacheFor } from './common.js';
import { IsoDateSchema } from '../shared/calendar-date.js';
import type { RouteDeps } from './deps.js';
import { OfficeSchema } from './offices.js';

const TAG = API_TAGS.foundItems.name;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const ReferenceParams = z.object({
  reference: z
    .string()
    .regex(REFERENCE_PATTERNS.F)
    .openapi({ param: { name: 'reference', in: 'path' }, description: 'Aktenzeichen der Fundsache', example: 'F-2026-00123' }),
});

export const ContactSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    email: z.email().max(254),
    phone: z.string().trim().max(40).optional(),
  })
  .strict()
  .openapi('FoundItemContact');

export const BotProofSchema = z
  .string()
  .max(5000)
  .optional()
  .openapi({ description: 'Gelöste Aufgabe von GET /api/v1/bot-challenge; Pflicht, solange BOT_PROTECTION an ist' });

export const PickupInfoSchema = z
  .object({
    office: OfficeSchema,
    requiredDocuments: z.array(z.string()).openapi({ description: 'Was zur Abholung mitzubringen ist' }),
    fees: z.array(FeeSchema).openapi({ description: 'Gebührentabelle der Stadt' }),
    retention: z.object({ months: z.number().int(), text: z.string() }),
    finderReward: z.string().openapi({ description: 'Hinweis zum Finderlohn (§ 971 BGB)' }),
    legalBasis: z.string(),
  })
  .openapi('PickupInfo');

const SearchQuery = z.object({
  q: z.string().max(200).optional().openapi({ param: { name: 'q', in: 'query' }, description: 'Suchwörter in den öffentlichen Angaben; Umlaute egal', example: 'schwarze Börse' }),
  category: z.string().max(64).regex(SLUG).optional().openapi({ param: { name: 'category', in: 'query' }, example: 'geldboerse' }),
  colour: z.enum(COLOUR_IDS).optional().openapi({ param: { name: 'colour', in: 'query' } }),
  from: IsoDateSchema.optional().openapi({ param: { name: 'from', in: 'query' }, description: 'Gefunden frühestens am' }),
  to: IsoDateSchema.optional().openapi({ param: { name: 'to', in: 'query' }, description: 'Gefunden spätestens am' }),
  place: z.string().max(100).optional().openapi({ param: { name: 'place', in: 'query' }, description: 'Wörter im Fundort', example: 'Bahnhof' }),
  page: z.coerce.number().int().min(1).max(10_000).default(1).openapi({ param: { name: 'page', in: 'query' } }),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).openapi({ param: { name: 'pageSize', in: 'query' } }),
});

const searchRoute = createRoute({
  method: 'get',
  path: '/found-items',
  operationId: 'searchFoundItems',
  tags: [TAG],
  summary: 'Fundsachen suchen (neueste zuerst)',
  description:
    'Nur Fundsachen, die beim Fundbüro liegen (status open); sortiert nach Funddatum, dann Abgabe, neueste zuerst. ' +
    'Alle Wörter von `q` müssen in Kategorie, Farbe, freigegebener Marke, Beschreibung oder Fundort vorkommen (auch als Wortteil).',
  middleware: [cacheFor(60)] as const,
  request: { query: SearchQuery },
  responses: {
    200: {
      description: 'Eine Seite der Treffer',
      content: {
        'application/json': {
          schema: z
            .object({
              items: z.array(FoundItemSchema),
              total: z.number().int().openapi({ description: 'Zahl aller Treffer (zum Ansagen)' }),
              page: z.number().int(),
              pageSize: z.number().int(),
              pageCount: z.number().int(),
            })
            .openapi('FoundItemPage'),
        },
      },
    },
    ...problemResponses('validation'),
  },
});

const categoriesRoute = createRoute({
  method: 'get',
  path: '/found-items/categories',
  operationId: 'listFoundItemCategories',
  tags: [TAG],
  summary: 'Kategorien mit der Zahl der vorliegenden Fundsachen',
  middleware: [conditionalGet(300)] as const,
  responses: {
    200: {
      description: 'In Anzeigereihenfolge',
      content: {
        'application/json': {
          schema: z.object({
            categories: z.array(
              z.object({ id: z.string(), name: z.string(), openCount: z.number().int() }).openapi('FoundItemCategory'),
            ),
          }),
        },
      },
    },
  },
});

const coloursRoute = createRoute({
  method: 'get',
  path: '/found-items/colours',
  operationId: 'listFoundItemColours',
  tags: [TAG],
  summary: 'Farben für Suche und Verlustanzeige',
  middleware: [conditionalGet(3600)] as const,
  responses: {
    200: {
      description: 'Feste Liste',
      content: {
        'application/json': {
          schema: z.object({ colours: z.array(z.object({ id: z.enum(COLOUR_IDS), name: z.string() }).openapi('FoundItemColour')) }),
        },
      },
    },
  },
});

const pickupRoute = createRoute({
  method: 'get',
  path: '/found-items/pickup-info',
  operationId: 'getFoundItemPickupInfo',
  tags: [TAG],
  summary: 'Abholung: Fundbüro, Öffnungszeiten, Ausweis, Gebühren, Aufbewahrung, Finderlohn',
  middleware: [conditionalGet(300)] as const,
  responses: {
    200: { description: 'Die Angaben', content: { 'application/json': { schema: PickupInfoSchema } } },
    ...problemResponses('unavailable'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/found-items/{reference}',
  operationId: 'getFoundItem',
  tags: [TAG],
  summary: 'Eine Fundsache (öffentliche Angaben)',
  description: 'Auch nach der Abholung abrufbar; dann zeigt `status`, dass sie nicht mehr angefragt werden kann.',
  middleware: [cacheFor(60)] as const,
  request: { params: ReferenceParams },
  responses: {
    200: { description: 'Die Fundsache', content: { 'application/json': { schema: FoundItemSchema } } },
    ...problemResponses('validation', 'not_found'),
  },
});

const ClaimBody = z
  .object({
    contact: ContactSchema,
    identifyingFeatures: multilineText(
      z.string().trim().min(20).max(2000).openapi({
        description: 'Merkmale, die nicht in der Anzeige stehen: Inhalt, Beträge, Seriennummer, Namen, Aufkleber …',
      }),
    ),
    lostOn: IsoDateSchema.optional().openapi({ description: 'Wann verloren' }),
    lostPlace: z.string().trim().max(200).optional().openapi({ description: 'Wo verloren' }),
    consent: z.literal(true).openapi({ description: 'Einwilligung in die Verarbeitung der Angaben; muss true sein' }),
    botProof: BotProofSchema,
  })
  .strict();

const claimRoute = (idempotent: MiddlewareHandler<AppEnv>) =>
  createRoute({
    method: 'post',
    path: '/found-items/{reference}/claims',
    operationId: 'claimFoundItem',
    tags: [TAG],
    summary: '„Das gehört mir“: Anfrage zu einer Fundsache',
    description:
      'Speichert die Anfrage für das Fundbüro, schickt eine Eingangsbestätigung und antwortet mit dem Aktenzeichen der ' +
      'Anfrage und den Angaben zur Abholung. 409, wenn die Fundsache nicht mehr angefragt werden kann.',
    middleware: [idempotent] as const,
    request: {
      params: ReferenceParams,
      headers: IdempotencyKeyHeaders,
      body: { required: true, content: { 'application/json': { schema: ClaimBody } } },
    },
    responses: {
      201: {
        description: 'Anfrage gespeichert',
        content: {
          'application/json': {
            schema: z
              .object({
                reference: z.string().openapi({ example: 'A-2026-00042' }),
                createdAt: z.string().openapi({ format: 'date-time' }),
                foundItem: FoundItemSchema,
                pickup: PickupInfoSchema,
              })
              .openapi('FoundItemClaimReceipt'),
          },
        },
      },
      ...problemResponses('validation', 'not_found', 'conflict', 'idempotency_conflict', 'idempotency_in_progress'),
    },
  });

export function foundItemRoutes({ db, clock, config, logger, idempotent, botProtection }: RouteDeps) {
  const today = () => isoDateInTimeZone(clock(), TOWN_TIME_ZONE);
  return new OpenAPIHono<AppEnv>()
    .openapi(searchRoute, async (c) => {
      const query = c.req.valid('query');
      if (query.from && query.to && query.from > query.to) {
        const message = '„to“ darf nicht vor „from“ liegen.';
        throw new ProblemError('validation', message, { errors: [{ field: 'to', code: 'before_from', message }] });
      }
      if (query.category) {
        await categoryName(db, query.category);
      }
      const result = await searchFoundItems(db, query);
      return c.json(
        { ...result, page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(result.total / query.pageSize) },
        200,
      );
    })
    .openapi(categoriesRoute, async (c) => {
      return c.json({ categories: await loadCategories(db) }, 200);
    })
    .openapi(coloursRoute, (c) => c.json({ colours: COLOURS.map((col) => ({ id: col.id, name: col.name })) }, 200))
    .openapi(pickupRoute, async (c) => c.json(await loadPickupInfo(db, today()), 200))
    .openapi(getRoute, async (c) => {
      const { reference } = c.req.valid('param');
      const item = await findPublicFoundItem(db, reference);
      if (!item) throw new ProblemError('not_found', `Eine Fundsache mit dem Aktenzeichen „${reference}“ gibt es nicht.`);
      return c.json(item, 200);
    })
    .openapi(claimRoute(idempotent), async (c) => {
      const { reference } = c.req.valid('param');
      const body = c.req.valid('json');
      const now = clock();
      if (config.botProtection.enabled) await botProtection.verify(body.botProof);
      await onTheSide(logger, 'found item purge', purgeFoundItemData(db, clock, { claimRetentionDays: config.foundItems.claimRetentionDays }));
      const { claimReference, foundItem, pickup } = await claimFoundItem(db, reference, body, now, today());
      return c.json({ reference: claimReference, createdAt: now.toISOString(), foundItem, pickup }, 201);
    });
}
