import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ping } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { describeError } from '../logger.js';
import { API_TAGS } from '../openapi/document.js';
import type { RouteDeps } from './deps.js';

const HealthSchema = z
  .object({
    status: z.literal('ok'),
    db: z.enum(['pglite', 'postgres']).openapi({ description: 'Welcher Datenspeicher angebunden ist.' }),
  })
  .openapi('Health');

const getHealth = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: [API_TAGS.operations.name],
  summary: 'Zustand des Servers',
  description: 'Prüft die Datenbank mit einer Abfrage. 200, wenn der Server Anfragen bedienen kann, sonst 503.',
  responses: {
    200: { description: 'Betriebsbereit', content: { 'application/json': { schema: HealthSchema } } },
    ...problemResponses('unavailable'),
  },
});

export function healthRoutes({ db, logger }: RouteDeps) {
  return new OpenAPIHono<AppEnv>().openapi(getHealth, async (c) => {
    try {
      await ping(db);
    } catch (error) {
      logger.error('health check failed', describeError(error));
      throw new ProblemError('unavailable', 'Die Datenbank ist nicht erreichbar.');
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' as const, db: db.kind }, 200);
  });
}
