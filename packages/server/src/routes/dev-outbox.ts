/**
 * The development outbox: GET /dev/outbox (page) and GET /api/dev/outbox (JSON for end-to-end
 * tests), a view of the mail queue with every message, queued or sent. Registered only in
 * development mode with DEV_OUTBOX not off; otherwise both paths are plain 404s.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { problemResponses } from '../http/problem.js';
import { htmlResponse } from '../html/page.js';
import { listMailQueue, purgeMailQueue } from '../mail/queue.js';
import { renderOutboxPage } from '../mail/outbox-page.js';
import { API_TAGS } from '../openapi/document.js';
import type { RouteDeps } from './deps.js';

export const OUTBOX_PAGE_PATH = '/dev/outbox';

const OutboxEntrySchema = z
  .object({
    id: z.string(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    status: z.enum(['queued', 'sent', 'failed']).openapi({ description: 'queued: noch nicht zugestellt (SMTP fehlt oder ist gestört)' }),
    attempts: z.number().int(),
  })
  .openapi('OutboxEntry');

const listOutboxRoute = createRoute({
  method: 'get',
  path: '/dev/outbox',
  operationId: 'listOutbox',
  tags: [API_TAGS.development.name],
  summary: 'E-Mails der Warteschlange, gesendet oder nicht (nur Entwicklung)',
  request: {
    query: z.object({
      to: z.email().optional().openapi({ param: { name: 'to', in: 'query' }, description: 'Nur E-Mails an diese Adresse' }),
      limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ param: { name: 'limit', in: 'query' } }),
    }),
  },
  responses: {
    200: {
      description: 'Neueste zuerst',
      content: { 'application/json': { schema: z.object({ items: z.array(OutboxEntrySchema) }) } },
    },
    ...problemResponses('validation'),
  },
});

/** Mounted under /api; the JSON list. */
export function outboxApiRoutes({ db, clock, config }: RouteDeps) {
  return new OpenAPIHono<AppEnv>().openapi(listOutboxRoute, async (c) => {
    const { to, limit } = c.req.valid('query');
    await purgeMailQueue(db, clock(), config.mail.outboxRetentionDays);
    c.header('Cache-Control', 'no-store');
    return c.json({ items: await listMailQueue(db, { to, limit }) }, 200);
  });
}

/** Mounted at the root; the page for people, not part of the API document. */
export function outboxPageRoutes({ db, clock, config }: RouteDeps) {
  return new OpenAPIHono<AppEnv>().get(OUTBOX_PAGE_PATH, async (c) => {
    await purgeMailQueue(db, clock(), config.mail.outboxRetentionDays);
    const entries = await listMailQueue(db, { limit: 100 });
    return htmlResponse(c, renderOutboxPage(entries, config.mail.outboxRetentionDays));
  });
}
