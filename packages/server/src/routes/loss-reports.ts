/** The HTTP side of Verlustanzeigen; the rules are in found-items/loss-reports.ts. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { formatZoned } from '../appointments/zoned-time.js';
import { COLOUR_IDS } from '../found-items/catalog.js';
import { activateLossReport, createLossReport, deleteLossReport, PENDING_HOURS, renewLossReport, reportByToken, reportView } from '../found-items/loss-reports.js';
import { publicMatchesForReport } from '../found-items/matching.js';
import { FoundItemSchema } from '../found-items/public-projection.js';
import { purgeFoundItemData } from '../found-items/purge.js';
import type { AppEnv } from '../http/app-env.js';
import { IdempotencyKeyHeaders } from '../http/idempotency.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { checkReturnUrl } from '../http/return-url.js';
import { multilineText } from '../http/safe-text.js';
import { onTheSide } from '../logger.js';
import { API_TAGS } from '../openapi/document.js';
import { IsoDateSchema } from '../shared/calendar-date.js';
import { TOKEN_PATTERN } from '../shared/tokens.js';
import { addDays, isoDateInTimeZone, TOWN_TIME_ZONE } from '../time.js';
import type { RouteDeps } from './deps.js';
import { BotProofSchema, ContactSchema } from './found-items.js';

const TAG = API_TAGS.foundItems.name;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Losses longer ago than this are not taken: the finds would be past their retention. */
const MAX_LOSS_AGE_DAYS = 365;

const TokenParams = z.object({
  token: z
    .string()
    .regex(TOKEN_PATTERN)
    .openapi({ param: { name: 'token', in: 'path' }, description: 'Token aus dem Link der E-Mail (#muni-found-item=manage:<token>)' }),
});

const LossReportSchema = z
  .object({
    reference: z.string().openapi({ example: 'V-2026-00017' }),
    category: z.string(),
    categoryName: z.string(),
    description: z.string(),
    colour: z.enum(COLOUR_IDS).optional(),
    colourName: z.string().optional(),
    brand: z.string().optional(),
    lostOn: IsoDateSchema,
    lostPlace: z.string(),
    contact: ContactSchema,
    createdAt: z.string().openapi({ format: 'date-time', description: 'Zeitpunkt mit Versatz von Europe/Berlin' }),
    expiresAt: z.string().openapi({ format: 'date-time', description: 'Dann wird die Anzeige mit allen Angaben gelöscht, wenn sie nicht verlängert wird' }),
    matches: z.array(FoundItemSchema).openapi({ description: 'Vorliegende Fundsachen, die jetzt passen, beste zuerst' }),
  })
  .openapi('LossReport');

const LossReportBody = z
  .object({
    category: z.string().max(64).regex(SLUG).openapi({ example: 'geldboerse' }),
    description: multilineText(z.string().trim().min(10).max(1000).openapi({ description: 'Wie sieht es aus, was war darin?' })),
    colour: z.enum(COLOUR_IDS).optional(),
    brand: z.string().trim().max(100).optional(),
    lostOn: IsoDateSchema.openapi({ description: 'Wann verloren (ungefähr); nicht in der Zukunft, höchstens ein Jahr her' }),
    lostPlace: z.string().trim().min(2).max(200),
    contact: ContactSchema,
    consent: z.literal(true).openapi({ description: 'Einwilligung in Speicherung und Benachrichtigung; muss true sein' }),
    returnUrl: z.url().max(2000).openapi({ description: 'Seite mit dem Widget; Ursprung muss erlaubt sein (CORS_ORIGINS oder dieser Server)' }),
    botProof: BotProofSchema,
  })
  .strict();

const createLossReportRoute = (idempotent: MiddlewareHandler<AppEnv>) =>
  createRoute({
    method: 'post',
    path: '/loss-reports',
    operationId: 'createLossReport',
    tags: [TAG],
    summary: 'Verlustanzeige aufgeben (zeigt passende Fundsachen sofort, gilt nach Bestätigung per E-Mail)',
    description:
      'Speichert die Anzeige vorläufig, schickt eine E-Mail mit dem Bestätigungslink (#muni-found-item=activate:<token>) und ' +
      `antwortet mit den jetzt passenden Fundsachen. Erst nach der Bestätigung (POST /loss-reports/activate) wird sie als ` +
      `Suchauftrag abgeglichen; jede neu erfasste passende Fundsache löst dann eine E-Mail aus. Unbestätigte Anzeigen werden ` +
      `nach ${PENDING_HOURS} Stunden gelöscht.`,
    middleware: [idempotent] as const,
    request: { headers: IdempotencyKeyHeaders, body: { required: true, content: { 'application/json': { schema: LossReportBody } } } },
    responses: {
      202: {
        description: 'Vorläufig gespeichert; der Bestätigungslink ist per E-Mail unterwegs',
        content: {
          'application/json': {
            schema: z
              .object({
                kind: z.literal('activation-sent'),
                reference: z.string().openapi({ example: 'V-2026-00017' }),
                createdAt: z.string().openapi({ format: 'date-time' }),
                expiresAt: z.string().openapi({ format: 'date-time', description: `Bis dahin gilt der Bestätigungslink (${PENDING_HOURS} Stunden); sonst wird die Anzeige gelöscht` }),
                matches: z.array(FoundItemSchema),
              })
              .openapi('LossReportReceipt'),
          },
        },
      },
      ...problemResponses('validation', 'idempotency_conflict', 'idempotency_in_progress'),
    },
  });

const activateRoute = createRoute({
  method: 'post',
  path: '/loss-reports/activate',
  operationId: 'activateLossReport',
  tags: [TAG],
  summary: 'Verlustanzeige bestätigen (Link aus der ersten E-Mail)',
  description:
    'Macht die Anzeige zum Suchauftrag für LOSS_REPORT_RETENTION_DAYS Tage und schickt eine E-Mail mit dem Verwaltungslink. ' +
    'Ein zweiter Aufruf zeigt die Anzeige nur. Der Token ist danach auch der Verwaltungstoken (#muni-found-item=manage:<token>).',
  request: {
    body: { required: true, content: { 'application/json': { schema: z.object({ token: z.string().regex(TOKEN_PATTERN) }).strict() } } },
  },
  responses: {
    200: { description: 'Die bestätigte Anzeige', content: { 'application/json': { schema: LossReportSchema } } },
    ...problemResponses('validation', 'not_found'),
  },
});

const getManagedRoute = createRoute({
  method: 'get',
  path: '/loss-reports/manage/{token}',
  operationId: 'getLossReport',
  tags: [TAG],
  summary: 'Verlustanzeige ansehen (Link aus der E-Mail)',
  request: { params: TokenParams },
  responses: {
    200: { description: 'Die Anzeige mit den jetzt passenden Fundsachen', content: { 'application/json': { schema: LossReportSchema } } },
    ...problemResponses('validation', 'not_found'),
  },
});

const renewRoute = createRoute({
  method: 'post',
  path: '/loss-reports/manage/{token}/renew',
  operationId: 'renewLossReport',
  tags: [TAG],
  summary: 'Verlustanzeige verlängern',
  description: 'Die Anzeige läuft danach LOSS_REPORT_RETENTION_DAYS Tage ab jetzt (Standard 180).',
  request: { params: TokenParams },
  responses: {
    200: { description: 'Die verlängerte Anzeige', content: { 'application/json': { schema: LossReportSchema } } },
    ...problemResponses('validation', 'not_found'),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/loss-reports/manage/{token}',
  operationId: 'deleteLossReport',
  tags: [TAG],
  summary: 'Verlustanzeige mit allen Angaben sofort löschen',
  request: { params: TokenParams },
  responses: {
    204: { description: 'Gelöscht' },
    ...problemResponses('validation', 'not_found'),
  },
});

export function lossReportRoutes({ db, clock, config, logger, idempotent, botProtection }: RouteDeps) {
  const retentionMs = config.foundItems.lossReportRetentionDays * 86_400_000;
  const purge = () => onTheSide(logger, 'found item purge', purgeFoundItemData(db, clock, { claimRetentionDays: config.foundItems.claimRetentionDays }));

  return new OpenAPIHono<AppEnv>()
    .openapi(createLossReportRoute(idempotent), async (c) => {
      const body = c.req.valid('json');
      const now = clock();
      checkReturnUrl(c, body.returnUrl, config);
      const today = isoDateInTimeZone(now, TOWN_TIME_ZONE);
      if (body.lostOn > today || body.lostOn < addDays(today, -MAX_LOSS_AGE_DAYS)) {
        const message = 'Das Verlustdatum darf nicht in der Zukunft liegen und höchstens ein Jahr zurückliegen.';
        throw new ProblemError('validation', message, { errors: [{ field: 'lostOn', code: 'out_of_range', message }] });
      }
      if (config.botProtection.enabled) await botProtection.verify(body.botProof);
      await purge();
      const created = await createLossReport(db, body, now);
      const matches = await publicMatchesForReport(db, {
        categoryId: body.category,
        lostOn: body.lostOn,
        description: body.description,
        colour: body.colour ?? null,
        brand: body.brand || null,
      });
      return c.json(
        {
          kind: 'activation-sent' as const,
          reference: created.reference,
          createdAt: formatZoned(now, TOWN_TIME_ZONE),
          expiresAt: formatZoned(created.expiresAt, TOWN_TIME_ZONE),
          matches,
        },
        202,
      );
    })
    .openapi(activateRoute, async (c) => {
      const { token } = c.req.valid('json');
      const row = await activateLossReport(db, token, clock(), retentionMs);
      await purge();
      c.header('Cache-Control', 'no-store');
      return c.json(await reportView(db, row), 200);
    })
    .openapi(getManagedRoute, async (c) => {
      const { token } = c.req.valid('param');
      const row = await reportByToken(db, token, clock());
      c.header('Cache-Control', 'no-store');
      return c.json(await reportView(db, row), 200);
    })
    .openapi(renewRoute, async (c) => {
      const { token } = c.req.valid('param');
      const row = await renewLossReport(db, token, clock(), retentionMs);
      await purge();
      return c.json(await reportView(db, row), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const { token } = c.req.valid('param');
      await deleteLossReport(db, token, clock());
      await purge();
      return c.body(null, 204);
    });
}
