/**
 * The call system for <muni-queue-status>, public part: the office's state (open, hours,
 * waiting per group with an estimate, last calls), "my number", the live stream (SSE), and
 * numbers from the kiosk (with the kiosk or staff key) or by appointment check-in (with the
 * appointment's management token). No personal data anywhere: numbers, groups, times, counters.
 *
 * A number alone ("A-042") is easy to guess, so "my number" also needs the six-character code
 * printed with it and carried in the link (`#muni-queue=ticket:A-042.K7M2P9`): 31⁶ ≈ 887 million
 * codes per number, answered 404 alike for a wrong code and a wrong number.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { TOKEN_PATTERN, tokenHash } from '../shared/tokens.js';
import { requireApiKey } from '../http/api-key.js';
import type { AppEnv } from '../http/app-env.js';
import { IdempotencyKeyHeaders } from '../http/idempotency.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
import { QueueLive, type LiveSink } from '../queue/live.js';
import { findTicket, TICKET_NUMBER_PATTERN, ticketView } from '../queue/state.js';
import { QueueCallSchema, QueueGroupSchema, TicketViewSchema } from '../queue/schemas.js';
import { checkInAppointment, issueTicket, ownTicket, requireSnapshot, TICKET_CODE_PATTERN, ticketFragment, type IssuedTicket } from '../queue/tickets.js';
import { TimeOfDaySchema } from './common.js';
import { IsoDateSchema } from '../shared/calendar-date.js';
import type { RouteDeps } from './deps.js';

const TAG = API_TAGS.queue.name;
export const QUEUE_KIOSK_SECURITY_SCHEME = 'AufrufKioskApiKey';

export const OfficeParam = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .openapi({ param: { name: 'officeId', in: 'path' }, example: 'buergerbuero' });

export const NumberParam = z
  .string()
  .regex(TICKET_NUMBER_PATTERN)
  .openapi({ param: { name: 'number', in: 'path' }, description: 'Wartenummer von heute: Gruppe, Bindestrich, Zahl', example: 'A-042' });

const CodeSchema = z
  .string()
  .toUpperCase()
  .regex(TICKET_CODE_PATTERN)
  .openapi({ description: 'Sechsstelliger Code, der mit der Nummer gedruckt wird (A–Z ohne I, L, O; 2–9)', example: 'K7M2P9' });

const IntervalSchema = z.object({ opens: TimeOfDaySchema, closes: TimeOfDaySchema });

export const QueueStateSchema = z
  .object({
    officeId: z.string(),
    officeName: z.string(),
    version: z.number().int().openapi({ description: 'Wächst mit jeder Änderung; SSE-Ereignis-ID von `state`' }),
    date: IsoDateSchema,
    open: z.boolean().openapi({ description: 'Jetzt geöffnet (Öffnungszeiten inkl. Abweichungen und Feiertage, Europe/Berlin)' }),
    hours: z.object({
      intervals: z.array(IntervalSchema).openapi({ description: 'Heutige Öffnungszeiten; leer: heute geschlossen' }),
      note: z.string().optional().openapi({ description: 'Grund einer Abweichung, z. B. Feiertag oder Betriebsausflug' }),
    }),
    nextOpening: z.object({ date: IsoDateSchema, opens: TimeOfDaySchema }).optional().openapi({ description: 'Nur wenn geschlossen' }),
    groups: z.array(QueueGroupSchema),
    calls: z.array(QueueCallSchema).openapi({ description: `Letzte Aufrufe von heute, neueste zuerst` }),
  })
  .openapi('QueueState');

const IssueBody = z
  .union([
    z.object({ group: z.string().regex(/^[A-Z]$/).openapi({ description: 'Gruppe (Kiosk; braucht den Kiosk- oder Personalschlüssel)', example: 'A' }) }).strict(),
    z
      .object({
        appointmentManagementToken: z
          .string()
          .regex(TOKEN_PATTERN)
          .openapi({ description: 'Einchecken zu einem heutigen, bestätigten Termin bei diesem Amt (Token aus dem Verwaltungslink)' }),
      })
      .strict(),
  ])
  .openapi('QueueTicketRequest');

const IssuedSchema = TicketViewSchema.extend({
  code: CodeSchema,
  fragment: z.string().openapi({ description: 'Fragment für den Link zur Seite mit dem Widget', example: 'muni-queue=ticket:A-042.K7M2P9' }),
}).openapi('QueueIssuedTicket');

const getStateRoute = createRoute({
  method: 'get',
  path: '/queue/{officeId}',
  operationId: 'getQueueState',
  tags: [TAG],
  summary: 'Warteschlange eines Amtes: geöffnet, Wartende und Wartezeit je Gruppe, letzte Aufrufe',
  request: { params: z.object({ officeId: OfficeParam }) },
  responses: {
    200: { description: 'Der aktuelle Stand', content: { 'application/json': { schema: QueueStateSchema } } },
    ...problemResponses('validation', 'not_found'),
  },
});

const getTicketRoute = createRoute({
  method: 'get',
  path: '/queue/{officeId}/tickets/{number}',
  operationId: 'getQueueTicket',
  tags: [TAG],
  summary: 'Meine Nummer: Position, Wartezeit, Platz beim Aufruf',
  request: {
    params: z.object({ officeId: OfficeParam, number: NumberParam }),
    query: z.object({ code: CodeSchema.openapi({ param: { name: 'code', in: 'query' } }) }),
  },
  responses: {
    200: { description: 'Die Nummer', content: { 'application/json': { schema: TicketViewSchema } } },
    ...problemResponses('validation', 'not_found'),
  },
});

const eventsRoute = createRoute({
  method: 'get',
  path: '/queue/{officeId}/events',
  operationId: 'streamQueueEvents',
  tags: [TAG],
  summary: 'Live-Stand als Server-Sent Events',
  description:
    'text/event-stream. Ereignisse: `state` (QueueState, mit `id:` = version) beim Verbinden und nach jeder Änderung, ' +
    '`call` (QueueCall, `id:` = version) für jeden neuen Aufruf, `ticket` (QueueTicket) bei Änderungen der eigenen Nummer, ' +
    'wenn `number` und `code` angegeben sind, `heartbeat` (`{ version, at }`) alle 15 Sekunden. `retry:` 3000 ms. ' +
    'Mit `Last-Event-ID` (setzt EventSource beim Wiederverbinden selbst) kommen die seitdem verpassten Aufrufe der letzten ' +
    '5 Minuten als `call` vor dem aktuellen `state`. Der Stand erreicht die Clients aller Serverinstanzen.',
  request: {
    params: z.object({ officeId: OfficeParam }),
    query: z.object({
      number: NumberParam.optional().openapi({ param: { name: 'number', in: 'query' } }),
      code: CodeSchema.optional().openapi({ param: { name: 'code', in: 'query' } }),
    }),
    headers: z.object({ 'Last-Event-ID': z.string().max(20).optional().openapi({ description: 'Letzte empfangene Ereignis-ID' }) }),
  },
  responses: {
    200: {
      description: 'Ereignisstrom (bleibt offen)',
      content: { 'text/event-stream': { schema: z.string().openapi({ example: 'event: state\nid: 17\ndata: {"officeId":"buergerbuero",…}\n\n' }) } },
    },
    ...problemResponses('validation', 'not_found'),
  },
});

const issueRoute = (auth: MiddlewareHandler<AppEnv>, idempotent: MiddlewareHandler<AppEnv>) =>
  createRoute({
    method: 'post',
    path: '/queue/{officeId}/tickets',
    operationId: 'issueQueueTicket',
    tags: [TAG],
    summary: 'Nummer ziehen (Kiosk) oder zum Termin einchecken',
    description:
      'Mit `{ group }` zieht ein Kiosk eine Nummer; das braucht `Authorization: Bearer <QUEUE_KIOSK_API_KEY>` (oder den ' +
      'Personalschlüssel), sonst könnte jede Website die Warteschlange füllen. Mit `{ appointmentManagementToken }` checkt ' +
      'jemand mit heutigem Termin ein (der Token ist der Nachweis); die Nummer wird nach der Terminzeit eingereiht, ' +
      'ein zweites Einchecken gibt dieselbe Nummer mit neuem Code. Die Antwort enthält den Code für „Meine Nummer“.',
    security: [{ [QUEUE_KIOSK_SECURITY_SCHEME]: [] }],
    middleware: [auth, idempotent] as const,
    request: {
      params: z.object({ officeId: OfficeParam }),
      headers: IdempotencyKeyHeaders.extend({ Authorization: z.string().max(500).optional().openapi({ description: 'Bearer <QUEUE_KIOSK_API_KEY>' }) }),
      body: { required: true, content: { 'application/json': { schema: IssueBody } } },
    },
    responses: {
      201: { description: 'Die Nummer mit Code', content: { 'application/json': { schema: IssuedSchema } } },
      ...problemResponses('validation', 'unauthorized', 'not_found', 'conflict', 'idempotency_in_progress', 'idempotency_conflict', 'unavailable'),
    },
  });

export function queueRoutes({ db, clock, config, idempotent, queueEvents, queueLive }: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerComponent('securitySchemes', QUEUE_KIOSK_SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'Schlüssel der Nummernkioske (QUEUE_KIOSK_API_KEY); der Personalschlüssel (QUEUE_STAFF_API_KEY) gilt auch',
  });

  const snapshotOr404 = (officeId: string) => requireSnapshot(db, officeId, clock());

  // Before the idempotency middleware, so a refused request does not occupy its key.
  const kioskAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    if (!(body && typeof body === 'object' && 'appointmentManagementToken' in body)) {
      requireApiKey(c, {
        keys: [config.queue.kioskApiKey, config.queue.staffApiKey],
        realm: 'aufruf',
        missing: 'Nummernkioske sind nicht eingerichtet (QUEUE_KIOSK_API_KEY fehlt).',
        unauthorized: 'Nummern ziehen geht nur am Kiosk im Amt (API-Schlüssel fehlt oder ist falsch).',
      });
    }
    await next();
  };

  return app
    .openapi(getStateRoute, async (c) => {
      const { officeId } = c.req.valid('param');
      const snapshot = await snapshotOr404(officeId);
      c.header('Cache-Control', 'no-store');
      return c.json(snapshot.state, 200);
    })
    .openapi(getTicketRoute, async (c) => {
      const { officeId, number } = c.req.valid('param');
      const { code } = c.req.valid('query');
      const snapshot = await snapshotOr404(officeId);
      const ticket = ownTicket(snapshot, number, code);
      c.header('Cache-Control', 'no-store');
      return c.json(ticketView(snapshot, ticket), 200);
    })
    .openapi(eventsRoute, async (c) => {
      const { officeId } = c.req.valid('param');
      const { number, code } = c.req.valid('query');
      if ((number === undefined) !== (code === undefined)) {
        throw new ProblemError('validation', 'Nummer und Code gehören zusammen.', {
          errors: [{ field: number === undefined ? 'number' : 'code', code: 'required', message: 'Nummer und Code nur zusammen' }],
        });
      }
      // A thousand phones connecting at once must not mean a thousand snapshot reads: the
      // instance's current one answers "does it exist", unless the number is newer than it.
      const cached = queueLive.cached(officeId);
      const snapshot = cached && (number === undefined || findTicket(cached, number)) ? cached : await snapshotOr404(officeId);
      const ticketId = number !== undefined ? ownTicket(snapshot, number, code!).id : undefined;
      const lastEventId = Number(c.req.header('Last-Event-ID'));
      return eventStream(c, queueLive, officeId, {
        ...(ticketId ? { ticketId } : {}),
        ...(Number.isSafeInteger(lastEventId) && lastEventId >= 0 && c.req.header('Last-Event-ID') ? { lastEventId } : {}),
      });
    })
    .openapi(issueRoute(kioskAuth, idempotent), async (c) => {
      const { officeId } = c.req.valid('param');
      const body = c.req.valid('json');
      const now = clock();
      let issued: IssuedTicket;
      if ('group' in body) {
        await requireSnapshot(db, officeId, now);
        issued = await issueTicket(db, { officeId, group: body.group, now });
      } else {
        issued = await checkInAppointment(db, { officeId, tokenHash: tokenHash(body.appointmentManagementToken), now });
      }
      await queueEvents.publish(officeId);
      const snapshot = await snapshotOr404(officeId);
      const ticket = snapshot.tickets.get(issued.id)!;
      c.header('Cache-Control', 'no-store');
      return c.json({ ...ticketView(snapshot, ticket), code: issued.code, fragment: ticketFragment(issued) }, 201);
    });
}

/** The SSE response: a stream whose writes come from the instance's QueueLive. */
function eventStream(c: Context<AppEnv>, live: QueueLive, officeId: string, options: { ticketId?: string; lastEventId?: number }) {
  let disconnect: (() => void) | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const sink: LiveSink = {
        write(chunk) {
          if (!open) return false;
          if ((controller.desiredSize ?? 0) < -64) {
            sink.close();
            return false;
          }
          controller.enqueue(chunk);
          return true;
        },
        close() {
          if (!open) return;
          open = false;
          disconnect?.();
          try {
            controller.close();
          } catch {
            // already cancelled by the client
          }
        },
      };
      disconnect = live.connect(officeId, sink, options);
    },
    cancel() {
      disconnect?.();
    },
  });
  return c.body(body, 200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    // Reverse proxies (nginx) would otherwise buffer the stream.
    'X-Accel-Buffering': 'no',
  });
}
