import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/**
 * For GET answers that change rarely (catalogues): a strong `ETag` from a hash of the body,
 * `Cache-Control: public, max-age=<seconds>`, and `304 Not Modified` without a body when
 * `If-None-Match` names the current tag. Unlike hono/etag, the 304 keeps every other header
 * (CORS, request id), so a widget that sends `If-None-Match` itself can read it cross-origin.
 * Errors pass through untouched (problems carry `no-store`).
 */
export function conditionalGet(maxAgeSeconds: number): MiddlewareHandler {
  return async (c, next) => {
    const ifNoneMatch = c.req.header('If-None-Match');
    await next();
    if (c.res.status !== 200 || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return;
    // Read once instead of Response#clone(), which undici sometimes leaves unreadable.
    const body = new Uint8Array(await c.res.arrayBuffer());
    const tag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    const headers = new Headers(c.res.headers);
    headers.set('ETag', tag);
    headers.set('Cache-Control', `public, max-age=${maxAgeSeconds}`);
    if (ifNoneMatch === undefined || !matches(ifNoneMatch, tag)) {
      c.res = new Response(body, { status: 200, headers });
      return;
    }
    headers.delete('Content-Type');
    headers.delete('Content-Length');
    c.res = new Response(null, { status: 304, headers });
  };
}

/** Weak comparison, as RFC 9110 prescribes for If-None-Match. */
export function matches(ifNoneMatch: string, tag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  return (ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []).some((candidate) => candidate.replace(/^W\//, '') === tag);
}
