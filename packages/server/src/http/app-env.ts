import type { HttpBindings } from '@hono/node-server';

/**
 * Hono environment shared by every middleware and route. Bindings are partial because
 * `app.request()` in tests runs without a Node socket behind it.
 */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { requestId: string };
}
