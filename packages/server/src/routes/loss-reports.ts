/**
 * Verlustanzeigen: a loss report shows matching finds at once and is kept as a saved search;
 * every new find is matched against it (src/routes/found-items-office.ts) and the citizen gets
 * a mail. Double opt-in: a new report is pending until the link in its first mail confirms the
 * address; pending reports neither match nor mail and are deleted after PENDING_HOURS. An active
 * report expires (LOSS_REPORT_RETENTION_DAYS), can be renewed, and deleted at once through the
 * link in each mail. Tokens are random and stored as SHA-256 hashes only.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { newToken, parsed, TOKEN_PATTERN, tokenHash } from '../appointments/bookings.js';
import { formatZoned } from '../appointments/zoned-time.js';
import type { Queryable } from '../db/database.js';
import { COLOUR_IDS, colourName, nextReference } from '../found-items/catalog.js';
import { lossReportActivationMail, lossReportCreatedMail } from '../found-items/mails.js';
import { publicMatchesForReport } from '../found-items/matching.js';
import { FoundItemSchema } from '../found-items/public-projection.js';
import { purgeFoundItemData } from '../found-items/purge.js';
import type { AppEnv } from '../http/app-env.js';
import { IdempotencyKeyHeaders } from '../http/idempotency.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { enqueueMail } from '../mail/queue.js';
import { multilineText } from '../http/safe-text.js';
import { API_TAGS } from '../openapi/document.js';
import { addDays, isoDateInTimeZone, TOWN_TIME_ZONE } from '../time.js';
import { checkReturnUrl } from './appointment-bookings.js';
import { IsoDateSchema } from './common.js';
import type { RouteDeps } from './deps.js';
import { BotProofSchema, ContactSchema } from './found-items.js';

const TAG = API_TAGS.foundItems.name;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Losses longer ago than this are not taken: the finds would be past their retention. */
const MAX_LOSS_AGE_DAYS = 365;
/** An unconfirmed report (and with it someone's address) is gone after this. */
export const PENDING_HOURS = 48;

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

interface LossReportRow {
  id: string;
  reference: string;
  category_id: string;
  category_name: string;
  description: string;
  colour: string | null;
  brand: string | null;
  lost_on: string;
  lost_place: string;
  contact: { name: string; email: string; phone?: string } | string;
  created_at: Date;
  expires_at: Date;
  activated_at: Date | null;
  return_url: string;
}

const COLUMNS = `r.id::text AS id, r.reference, r.category_id, c.name AS category_name, r.description, r.colour, r.brand,
  to_char(r.lost_on, 'YYYY-MM-DD') AS lost_on, r.lost_place, r.contact, r.created_at, r.expires_at, r.activated_at, r.return_url`;

/** The report a token opens; pending ones only with `pending: true` (activation). */
async function reportByToken(db: Queryable, token: string, now: Date, options: { pending?: boolean; forUpdate?: boolean } = {}): Promise<LossReportRow> {
  const [row] = await db.query<LossReportRow>(
    `SELECT ${COLUMNS} FROM loss_reports r JOIN found_item_categories c ON c.id = r.category_id
       JOIN loss_report_tokens t ON t.loss_report_id = r.id
      WHERE t.token_hash = $1 AND r.expires_at > $2 ${options.pending ? '' : 'AND r.activated_at IS NOT NULL'}
      ${options.forUpdate ? 'FOR UPDATE OF r' : ''}`,
    [tokenHash(token), now.toISOString()],
  );
  if (!row) throw new ProblemError('not_found', 'Diese Verlustanzeige gibt es nicht (mehr): Sie wurde gelöscht, ist abgelaufen oder wurde nicht rechtzeitig bestätigt.');
  return row;
}

async function reportView(db: Queryable, row: LossReportRow) {
  const colour = COLOUR_IDS.find((id) => id === row.colour);
  const matches = await publicMatchesForReport(db, {
    categoryId: row.category_id,
    lostOn: row.lost_on,
    description: row.description,
    colour: row.colour,
    brand: row.brand,
  });
  return {
    reference: row.reference,
    category: row.category_id,
    categoryName: row.category_name,
    description: row.description,
    ...(colour ? { colour, colourName: colourName(colour)! } : {}),
    ...(row.brand ? { brand: row.brand } : {}),
    lostOn: row.lost_on,
    lostPlace: row.lost_place,
    contact: parsed(row.contact),
    createdAt: formatZoned(new Date(row.created_at), TOWN_TIME_ZONE),
    expiresAt: formatZoned(new Date(row.expires_at), TOWN_TIME_ZONE),
    matches,
  };
}

export function lossReportRoutes({ db, clock, config, logger, idempotent, botProtection }: RouteDeps) {
  const retentionMs = config.foundItems.lossReportRetentionDays * 86_400_000;
  const purge = () =>
    purgeFoundItemData(db, clock, { claimRetentionDays: config.foundItems.claimRetentionDays }).catch((error: unknown) =>
      logger.warn('found item purge failed', { error: error instanceof Error ? error.name : 'unknown' }),
    );

  return new OpenAPIHono<AppEnv>()
    .openapi(createLossReportRoute(idempotent), async (c) => {
      const body = c.req.valid('json');
      const now = clock();
      checkReturnUrl(c, body.returnUrl, config.corsOrigins, config.publicBaseUrl, config.mail.devOutbox);
      const today = isoDateInTimeZone(now, TOWN_TIME_ZONE);
      if (body.lostOn > today || body.lostOn < addDays(today, -MAX_LOSS_AGE_DAYS)) {
        const message = 'Das Verlustdatum darf nicht in der Zukunft liegen und höchstens ein Jahr zurückliegen.';
        throw new ProblemError('validation', message, { errors: [{ field: 'lostOn', code: 'out_of_range', message }] });
      }
      if (config.botProtection.enabled) await botProtection.verify(body.botProof);
      await purge();
      const token = newToken();
      const expiresAt = new Date(now.getTime() + PENDING_HOURS * 3_600_000);
      const contact = { name: body.contact.name, email: body.contact.email, ...(body.contact.phone ? { phone: body.contact.phone } : {}) };
      const created = await db.transaction(async (tx) => {
        const [category] = await tx.query<{ name: string }>('SELECT name FROM found_item_categories WHERE id = $1', [body.category]);
        if (!category) {
          const message = `Eine Kategorie „${body.category}“ gibt es nicht; siehe /found-items/categories.`;
          throw new ProblemError('validation', message, { errors: [{ field: 'category', code: 'unknown', message }] });
        }
        const reference = await nextReference(tx, 'V', now);
        const [row] = await tx.query<{ id: string }>(
          `INSERT INTO loss_reports (reference, category_id, description, colour, brand, lost_on, lost_place, contact, return_url, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11) RETURNING id::text AS id`,
          [reference, body.category, body.description, body.colour ?? null, body.brand || null, body.lostOn, body.lostPlace,
            JSON.stringify(contact), body.returnUrl, now.toISOString(), expiresAt.toISOString()],
        );
        await tx.query('INSERT INTO loss_report_tokens (token_hash, loss_report_id, created_at) VALUES ($1, $2, $3)', [
          tokenHash(token),
          row!.id,
          now.toISOString(),
        ]);
        await enqueueMail(
          tx,
          lossReportActivationMail({
            to: contact.email,
            name: contact.name,
            reference,
            categoryName: category.name,
            lostOn: body.lostOn,
            expiresAt,
            returnUrl: body.returnUrl,
            token,
          }),
          now,
        );
        return { reference };
      });
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
          expiresAt: formatZoned(expiresAt, TOWN_TIME_ZONE),
          matches,
        },
        202,
      );
    })
    .openapi(activateRoute, async (c) => {
      const { token } = c.req.valid('json');
      const now = clock();
      const row = await db.transaction(async (tx) => {
        const row = await reportByToken(tx, token, now, { pending: true, forUpdate: true });
        if (row.activated_at) return row;
        const expiresAt = new Date(now.getTime() + retentionMs);
        await tx.query('UPDATE loss_reports SET activated_at = $2, expires_at = $3 WHERE id = $1', [row.id, now.toISOString(), expiresAt.toISOString()]);
        const matches = await publicMatchesForReport(tx, {
          categoryId: row.category_id,
          lostOn: row.lost_on,
          description: row.description,
          colour: row.colour,
          brand: row.brand,
        });
        const contact = parsed(row.contact);
        await enqueueMail(
          tx,
          lossReportCreatedMail({
            to: contact.email,
            name: contact.name,
            reference: row.reference,
            categoryName: row.category_name,
            lostOn: row.lost_on,
            expiresAt,
            matches,
            returnUrl: row.return_url,
            token,
          }),
          now,
        );
        return { ...row, activated_at: now, expires_at: expiresAt };
      });
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
      const now = clock();
      const row = await reportByToken(db, token, now);
      const expiresAt = new Date(now.getTime() + retentionMs);
      await db.query('UPDATE loss_reports SET expires_at = $2, renewed_at = $3 WHERE id = $1', [row.id, expiresAt.toISOString(), now.toISOString()]);
      await purge();
      return c.json(await reportView(db, { ...row, expires_at: expiresAt }), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const { token } = c.req.valid('param');
      const row = await reportByToken(db, token, clock());
      // Tokens and matches go with it (ON DELETE CASCADE).
      await db.query('DELETE FROM loss_reports WHERE id = $1', [row.id]);
      await purge();
      return c.body(null, 204);
    });
}
