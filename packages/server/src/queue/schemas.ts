/** Queue shapes of the open widget API: the schemas the routes publish, and the domain's types (`z.infer`). */
import { z } from '@hono/zod-openapi';
import { TICKET_STATUSES } from './state.js';

export const TicketViewSchema = z
  .object({
    number: z.string().openapi({ example: 'A-042' }),
    group: z.string().openapi({ example: 'A' }),
    groupName: z.string().openapi({ example: 'Ausweise und Pässe' }),
    status: z.enum(TICKET_STATUSES).openapi({
      description: '`waiting` wartet, `called` aufgerufen (zum Platz gehen), `serving` wird bedient, `done` erledigt, `no_show` nicht erschienen',
    }),
    issuedAt: z.string().openapi({ format: 'date-time' }),
    ahead: z.number().int().optional().openapi({ description: 'Nur `waiting`: so viele sind vor dieser Nummer' }),
    position: z.number().int().optional().openapi({ description: 'Nur `waiting`: ahead + 1' }),
    estimatedWaitMinutes: z.number().int().optional().openapi({ description: 'Nur `waiting`: geschätzte Wartezeit in Minuten' }),
    counter: z.number().int().optional().openapi({ description: 'Nur `called`/`serving`: Nummer des Platzes' }),
    counterName: z.string().optional().openapi({ example: 'Platz 3' }),
    calledAt: z.string().optional().openapi({ format: 'date-time' }),
  })
  .openapi('QueueTicket');

export const QueueCallSchema = z
  .object({
    ticket: z.string().openapi({ example: 'B-042' }),
    group: z.string(),
    counter: z.number().int(),
    counterName: z.string().openapi({ example: 'Platz 3' }),
    calledAt: z.string().openapi({ format: 'date-time' }),
    recall: z.boolean().openapi({ description: 'Erneuter Aufruf derselben Nummer' }),
    version: z.number().int().openapi({ description: 'Stand der Warteschlange nach diesem Aufruf (SSE-Ereignis-ID)' }),
  })
  .openapi('QueueCall');

export const QueueGroupSchema = z.object({
  code: z.string().openapi({ example: 'A' }),
  name: z.string(),
  waiting: z.number().int(),
  estimatedWaitMinutes: z.number().int().openapi({ description: 'Für eine jetzt gezogene Nummer' }),
  serviceMinutes: z.number().openapi({ description: 'Median der letzten Bedienzeiten, sonst Vorgabe der Gruppe' }),
  counters: z.number().int().openapi({ description: 'Besetzte Plätze, die diese Gruppe aufrufen' }),
});
