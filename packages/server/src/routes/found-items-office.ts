/**
 * The Fundbüro's API (not for widgets): register finds with their held-back details, change or
 * close them, read the full record with claims and possible owners. A new find is matched
 * against the active loss reports at once; each match gets one mail with public details only.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { COLOUR_IDS, REFERENCE_PATTERNS } from '../found-items/catalog.js';
import { OFFICE_SECURITY_SCHEME, officeApiKey } from '../found-items/office-auth.js';
import { FOUND_ITEM_STATUSES, FoundItemSchema } from '../found-items/public-projection.js';
import { purgeFoundItemData } from '../found-items/purge.js';
import { loadFoundItemRow, officeView, registerFoundItem, updateFoundItem } from '../found-items/register.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { multilineText } from '../http/safe-text.js';
import { API_TAGS } from '../openapi/document.js';
import { isoDateInTimeZone, TOWN_TIME_ZONE } from '../time.js';
import { IsoDateSchema } from '../shared/calendar-date.js';
import type { RouteDeps } from './deps.js';
import { ContactSchema } from './found-items.js';

const TAG = API_TAGS.foundItemsOffice.name;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SECURITY = [{ [OFFICE_SECURITY_SCHEME]: [] }];

const HeldBackSchema = z
  .object({
    contents: multilineText(z.string().trim().max(2000).openapi({ description: 'Inhalt, z. B. „Personalausweis, Bahncard, 35 € Bargeld“' })).nullable().optional(),
    cashCents: z.number().int().min(0).max(100_000_000).nullable().optional(),
    serialNumber: z.string().trim().max(100).nullable().optional().openapi({ description: 'Seriennummer, IMEI, Rahmennummer' }),
    documentNames: z.string().trim().max(500).nullable().optional().openapi({ description: 'Namen auf Ausweisen und Karten' }),
    valueCents: z.number().int().min(0).max(100_000_000).nullable().optional().openapi({ description: 'Geschätzter Wert (Gebühr, Finderlohn)' }),
    notes: multilineText(z.string().trim().max(2000).openapi({ description: 'Interne Notizen, Finder' })).nullable().optional(),
  })
  .strict()
  .openapi('FoundItemHeldBack', { description: 'Zurückgehalten: nur für das Fundbüro, nie in öffentlichen Antworten.' });

const RegisterBody = z
  .object({
    category: z.string().max(64).regex(SLUG),
    colour: z.enum(COLOUR_IDS).nullable().optional(),
    brand: z.string().trim().min(1).max(100).nullable().optional(),
    brandPublic: z.boolean().optional().openapi({ description: 'Marke öffentlich zeigen; Standard false' }),
    description: z.string().trim().min(3).max(200).openapi({ description: 'Öffentliche Kurzbeschreibung', example: 'Schwarze Lederbörse' }),
    foundOn: IsoDateSchema,
    foundPlace: z.string().trim().min(2).max(200),
    status: z.enum(FOUND_ITEM_STATUSES).optional(),
    heldBack: HeldBackSchema.optional(),
  })
  .strict();

const PatchBody = RegisterBody.partial().strict();

const OfficeRecordSchema = FoundItemSchema.extend({
  brand: z.string().optional().openapi({ description: 'Die Marke, auch wenn sie nicht öffentlich ist' }),
  brandPublic: z.boolean(),
  heldBack: z.object({
    contents: z.string().optional(),
    cashCents: z.number().int().optional(),
    serialNumber: z.string().optional(),
    documentNames: z.string().optional(),
    valueCents: z.number().int().optional(),
    notes: z.string().optional(),
  }),
  registeredAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().optional(),
  claims: z.array(
    z.object({
      reference: z.string(),
      status: z.enum(['received', 'accepted', 'rejected']),
      createdAt: z.string(),
      contact: ContactSchema.optional(),
      identifyingFeatures: z.string().optional(),
      lostOn: IsoDateSchema.optional(),
      lostPlace: z.string().optional(),
      personalDataDeleted: z.boolean(),
    }),
  ),
  possibleOwners: z
    .array(
      z.object({
        lossReport: z.string(),
        score: z.number().int(),
        reasons: z.array(z.string()),
        description: z.string(),
        lostOn: IsoDateSchema,
        lostPlace: z.string(),
        contact: ContactSchema,
      }),
    )
    .openapi({ description: 'Aktive Verlustanzeigen, die auch nach den zurückgehaltenen Merkmalen passen' }),
  notifiedLossReports: z.number().int().optional().openapi({ description: 'Nur bei der Erfassung: so viele Verlustanzeigen bekommen eine E-Mail (in der Warteschlange)' }),
}).openapi('FoundItemOfficeRecord');

const ReferenceParams = z.object({
  reference: z.string().regex(REFERENCE_PATTERNS.F).openapi({ param: { name: 'reference', in: 'path' }, example: 'F-2026-00123' }),
});

const AuthHeaders = z.object({
  Authorization: z.string().max(500).optional().openapi({ description: 'Bearer <FOUND_ITEMS_API_KEY>' }),
});

const AUTH_PROBLEMS = ['unauthorized', 'unavailable'] as const;

export function foundItemOfficeRoutes({ db, clock, config }: RouteDeps) {
  const auth = officeApiKey(config.foundItems.apiKey);
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerComponent('securitySchemes', OFFICE_SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'API-Schlüssel des Fundbüros (FOUND_ITEMS_API_KEY)',
  });

  const registerRoute = createRoute({
    method: 'post',
    path: '/office/found-items',
    operationId: 'registerFoundItem',
    tags: [TAG],
    summary: 'Fundsache erfassen (gleicht mit Verlustanzeigen ab)',
    security: SECURITY,
    middleware: [auth] as const,
    request: { headers: AuthHeaders, body: { required: true, content: { 'application/json': { schema: RegisterBody } } } },
    responses: {
      201: { description: 'Erfasst', content: { 'application/json': { schema: OfficeRecordSchema } } },
      ...problemResponses('validation', ...AUTH_PROBLEMS),
    },
  });
  const getRoute = createRoute({
    method: 'get',
    path: '/office/found-items/{reference}',
    operationId: 'getFoundItemRecord',
    tags: [TAG],
    summary: 'Fundsache mit allen Angaben, Anfragen und möglichen Eigentümern',
    security: SECURITY,
    middleware: [auth] as const,
    request: { headers: AuthHeaders, params: ReferenceParams },
    responses: {
      200: { description: 'Der Eintrag', content: { 'application/json': { schema: OfficeRecordSchema } } },
      ...problemResponses('validation', 'not_found', ...AUTH_PROBLEMS),
    },
  });
  const patchRoute = createRoute({
    method: 'patch',
    path: '/office/found-items/{reference}',
    operationId: 'updateFoundItem',
    tags: [TAG],
    summary: 'Fundsache ändern oder abschließen (status)',
    description: '`null` löscht eine optionale Angabe, ein fehlendes Feld bleibt. handed_over und closed setzen closedAt.',
    security: SECURITY,
    middleware: [auth] as const,
    request: { headers: AuthHeaders, params: ReferenceParams, body: { required: true, content: { 'application/json': { schema: PatchBody } } } },
    responses: {
      200: { description: 'Der geänderte Eintrag', content: { 'application/json': { schema: OfficeRecordSchema } } },
      ...problemResponses('validation', 'not_found', ...AUTH_PROBLEMS),
    },
  });

  const today = () => isoDateInTimeZone(clock(), TOWN_TIME_ZONE);
  const notFuture = (foundOn: string | undefined) => {
    if (foundOn && foundOn > today()) {
      const message = 'Das Funddatum darf nicht in der Zukunft liegen.';
      throw new ProblemError('validation', message, { errors: [{ field: 'foundOn', code: 'out_of_range', message }] });
    }
  };

  return app
    .openapi(registerRoute, async (c) => {
      const body = c.req.valid('json');
      notFuture(body.foundOn);
      const now = clock();
      await purgeFoundItemData(db, clock, { claimRetentionDays: config.foundItems.claimRetentionDays });
      const { row, notified } = await registerFoundItem(db, body, now);
      return c.json({ ...(await officeView(db, row, now)), notifiedLossReports: notified }, 201);
    })
    .openapi(getRoute, async (c) => {
      const { reference } = c.req.valid('param');
      const row = await loadFoundItemRow(db, reference);
      if (!row) throw new ProblemError('not_found', `Eine Fundsache mit dem Aktenzeichen „${reference}“ gibt es nicht.`);
      c.header('Cache-Control', 'no-store');
      return c.json(await officeView(db, row, clock()), 200);
    })
    .openapi(patchRoute, async (c) => {
      const { reference } = c.req.valid('param');
      const change = c.req.valid('json');
      notFuture(change.foundOn);
      const now = clock();
      const row = await updateFoundItem(db, reference, change, now);
      await purgeFoundItemData(db, clock, { claimRetentionDays: config.foundItems.claimRetentionDays });
      return c.json(await officeView(db, row, now), 200);
    });
}
