/**
 * The call system's staff API (not for widgets): call the next number at a counter, call it
 * again, start serving, done, no-show. `Authorization: Bearer <QUEUE_STAFF_API_KEY>`. Every
 * change is published to the live streams of all instances after its commit.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { apiKeyAuth } from '../http/api-key.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponses } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
import { TICKET_NUMBER_PATTERN, TICKET_STATUSES } from '../queue/state.js';
import { callNext, moveTicket, recall } from '../queue/tickets.js';
import type { RouteDeps } from './deps.js';
import { NumberParam, OfficeParam } from './queue.js';

const TAG = API_TAGS.queueStaff.name;
export const QUEUE_STAFF_SECURITY_SCHEME = 'AufrufPersonalApiKey';
const SECURITY = [{ [QUEUE_STAFF_SECURITY_SCHEME]: [] }];
const AUTH_PROBLEMS = ['unauthorized', 'unavailable'] as const;

const AuthHeaders = z.object({
  Authorization: z.string().max(500).optional().openapi({ description: 'Bearer <QUEUE_STAFF_API_KEY>' }),
});

const CounterParams = z.object({
  officeId: OfficeParam,
  counter: z.coerce
    .number()
    .int()
    .min(1)
    .max(99)
    .openapi({ param: { name: 'counter', in: 'path' }, description: 'Nummer des Platzes', example: 3 }),
});

const CallResultSchema = z
  .object({
    called: z.string().nullable().openapi({ description: 'Aufgerufene Nummer; null, wenn niemand wartet', example: 'A-042' }),
    counter: z.number().int(),
    finished: z.string().optional().openapi({ description: 'Die vorher an diesem Platz aufgerufene Nummer, jetzt erledigt' }),
    version: z.number().int(),
  })
  .openapi('QueueCallResult');

const MoveResultSchema = z
  .object({ number: z.string(), status: z.enum(TICKET_STATUSES), version: z.number().int() })
  .openapi('QueueTicketMoved');

const callNextRoute = createRoute({
  method: 'post',
  path: '/queue/{officeId}/counters/{counter}/call-next',
  operationId: 'callNextQueueTicket',
  tags: [TAG],
  summary: 'Nächste Nummer an diesen Platz aufrufen',
  description:
    'Schließt die bisher an diesem Platz aufgerufene Nummer ab (erledigt; ihre Dauer geht in die Wartezeitschätzung ein) und ruft ' +
    'die nächste wartende Nummer der Gruppen des Platzes auf (oder der angegebenen `groups`): höhere Gruppenpriorität zuerst ' +
    '(Termine), dann nach Reihenfolge. Zwei Plätze, die gleichzeitig aufrufen, bekommen nie dieselbe Nummer. Aufrufe an ' +
    'einem Platz laufen nacheinander (auch über mehrere Serverinstanzen): ein Doppelklick schließt die eben aufgerufene Nummer ' +
    'ab und ruft die nächste auf; an einem Platz ist nie mehr als eine Nummer aufgerufen.',
  security: SECURITY,
  request: {
    params: CounterParams,
    headers: AuthHeaders,
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z
            .object({
              groups: z.array(z.string().regex(/^[A-Z]$/)).min(1).max(26).optional(),
              current: z
                .string()
                .regex(TICKET_NUMBER_PATTERN)
                .nullable()
                .optional()
                .openapi({
                  description:
                    'Die Nummer, die der Platz gerade anzeigt (null: keine). Hat der Platz inzwischen eine andere, ändert sich nichts ' +
                    'und die Antwort ist 409: so ruft ein Doppelklick nur eine Nummer auf.',
                  example: 'A-041',
                }),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: { description: 'Aufgerufen (oder niemand wartet)', content: { 'application/json': { schema: CallResultSchema } } },
    ...problemResponses('validation', ...AUTH_PROBLEMS, 'not_found', 'conflict'),
  },
});

const recallRoute = createRoute({
  method: 'post',
  path: '/queue/{officeId}/counters/{counter}/recall',
  operationId: 'recallQueueTicket',
  tags: [TAG],
  summary: 'Die an diesem Platz aufgerufene Nummer erneut aufrufen',
  security: SECURITY,
  request: { params: CounterParams, headers: AuthHeaders },
  responses: {
    200: { description: 'Erneut aufgerufen', content: { 'application/json': { schema: CallResultSchema } } },
    ...problemResponses('validation', ...AUTH_PROBLEMS, 'not_found', 'conflict'),
  },
});

const moveRoute = (action: 'serve' | 'done' | 'no-show', summary: string) =>
  createRoute({
    method: 'post',
    path: `/queue/{officeId}/tickets/{number}/${action}`,
    operationId: { serve: 'serveQueueTicket', done: 'finishQueueTicket', 'no-show': 'noShowQueueTicket' }[action],
    tags: [TAG],
    summary,
    security: SECURITY,
    request: { params: z.object({ officeId: OfficeParam, number: NumberParam }), headers: AuthHeaders },
    responses: {
      200: { description: 'Neuer Zustand', content: { 'application/json': { schema: MoveResultSchema } } },
      ...problemResponses('validation', ...AUTH_PROBLEMS, 'not_found', 'conflict'),
    },
  });

export function queueStaffRoutes({ db, clock, config, queueEvents }: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerComponent('securitySchemes', QUEUE_STAFF_SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'Schlüssel des Personals am Aufrufsystem (QUEUE_STAFF_API_KEY)',
  });
  const auth = apiKeyAuth({
    keys: [config.queue.staffApiKey],
    realm: 'aufruf',
    missing: 'Das Aufrufsystem ist nicht eingerichtet (QUEUE_STAFF_API_KEY fehlt).',
    unauthorized: 'Für diese Schnittstelle ist der API-Schlüssel des Personals nötig.',
  });
  app.use('/queue/:officeId/counters/*', auth);
  for (const action of ['serve', 'done', 'no-show']) app.use(`/queue/:officeId/tickets/:number/${action}`, auth);

  const moved = { serve: 'serving', done: 'done', 'no-show': 'no_show' } as const;
  const routes = [
    [moveRoute('serve', 'Bedienung dieser Nummer beginnt'), 'serve'],
    [moveRoute('done', 'Diese Nummer ist erledigt'), 'done'],
    [moveRoute('no-show', 'Diese Nummer ist nicht erschienen'), 'no-show'],
  ] as const;

  app
    .openapi(callNextRoute, async (c) => {
      const { officeId, counter } = c.req.valid('param');
      // The body is optional: no body means the counter's own groups and no check of the current number.
      const { groups, current } = c.req.header('Content-Type')?.includes('json') ? (c.req.valid('json') ?? {}) : {};
      const result = await callNext(db, { officeId, counter, now: clock(), ...(groups ? { groups } : {}), ...(current !== undefined ? { current } : {}) });
      await queueEvents.publish(officeId);
      return c.json({ called: result.called?.number ?? null, counter, ...(result.finished ? { finished: result.finished } : {}), version: result.version }, 200);
    })
    .openapi(recallRoute, async (c) => {
      const { officeId, counter } = c.req.valid('param');
      const result = await recall(db, { officeId, counter, now: clock() });
      await queueEvents.publish(officeId);
      return c.json({ called: result.called!.number, counter, version: result.version }, 200);
    });
  for (const [route, action] of routes) {
    app.openapi(route, async (c) => {
      const { officeId, number } = c.req.valid('param');
      const result = await moveTicket(db, { officeId, number, to: moved[action], now: clock() });
      await queueEvents.publish(officeId);
      return c.json(result, 200);
    });
  }
  return app;
}
