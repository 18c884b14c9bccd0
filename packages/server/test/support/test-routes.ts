/**
 * Routes that exist only in tests, to exercise request handling the product routes do not have
 * yet (JSON bodies) or must never have (a handler that crashes).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../src/app.js';

export const EchoBody = z
  .object({
    name: z.string().min(2).max(40),
    email: z.email(),
    count: z.number().int().min(1).max(10),
    address: z.object({ postalCode: z.string().regex(/^\d{5}$/) }).optional(),
  })
  .strict();

export function addEchoRoute(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/test-echo',
      hide: true,
      request: { body: { required: true, content: { 'application/json': { schema: EchoBody } } } },
      responses: { 200: { description: 'echo', content: { 'application/json': { schema: EchoBody } } } },
    }),
    (c) => c.json(c.req.valid('json'), 200),
  );
}

export function addFailingRoute(app: App): void {
  app.get('/api/v1/test-crash', () => {
    throw new Error('connection to 10.0.0.5 failed for user secret_admin');
  });
}
