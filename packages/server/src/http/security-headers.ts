import type { MiddlewareHandler } from 'hono';

/** For server-rendered pages (docs, outbox): styles from our own origin only, no script at all. */
export const HTML_PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * For hosted HTML files (the demo city website): the strict policy a careful city CMS sends,
 * Trusted Types included, so every page served here proves the widgets work under it.
 */
export const HOSTED_PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
  "base-uri 'self'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'";

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    // The widgets promise host pages "no cookies"; enforced here so no route can break it.
    c.res.headers.delete('Set-Cookie');
  };
}
