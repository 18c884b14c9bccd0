import type { Context } from 'hono';

/**
 * The absolute base URL clients reach this server under: PUBLIC_BASE_URL when configured
 * (required behind a reverse proxy that rewrites the host), else the origin of the request.
 */
export function publicBaseUrl(c: Context, configured: string | undefined): string {
  return configured ?? new URL(c.req.url).origin;
}
