/**
 * Static file mounts, so one process can serve the demo page and the widget bundles next to
 * the API. Path handling (traversal, encoded separators, index.html) is @hono/node-server's
 * serveStatic; this adds prefix mapping, GET/HEAD only, and headers for development.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import { mountCdnFiles } from './cdn-files.js';
import { HOSTED_PAGE_CSP } from './security-headers.js';

export interface StaticMount {
  /** URL path the directory appears under, e.g. "/" or "/cdn/". */
  urlPrefix: string;
  /** Directory on disk; relative paths resolve against the working directory. */
  dir: string;
  /** The build's CDN directory, served with compression, caching and versions (cdn-files.ts). */
  cdn?: boolean;
}

export function mountStaticFiles(app: Hono<AppEnv>, mounts: readonly StaticMount[]): void {
  const normalised = mounts.map(({ urlPrefix, dir, cdn = false }) => {
    const root = resolve(dir);
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
      throw new Error(`Static mount ${urlPrefix}: ${root} is not a directory`);
    }
    return { prefix: `/${urlPrefix.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/'), root, cdn };
  });
  // Longest prefix first, so "/cdn/x.js" is looked up in the /cdn/ mount before the "/" mount.
  normalised.sort((a, b) => b.prefix.length - a.prefix.length);

  for (const { prefix, root, cdn } of normalised) {
    if (cdn) {
      mountCdnFiles(app, prefix, root);
      continue;
    }
    const serve = serveStatic<AppEnv>({ root, rewriteRequestPath: (path) => path.slice(prefix.length - 1) });
    app.use(`${prefix}*`, async (c, next) => {
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
      const response = await serve(c, next);
      if (response instanceof Response) {
        // Development server: always revalidate so a rebuilt bundle shows up on reload.
        response.headers.set('Cache-Control', 'no-cache');
        // Public files without credentials: any page may load the bundles (module scripts
        // from another origin are fetched in CORS mode).
        response.headers.set('Access-Control-Allow-Origin', '*');
        if (response.headers.get('Content-Type')?.startsWith('text/html')) {
          response.headers.set('Content-Security-Policy', HOSTED_PAGE_CSP);
        }
      }
      return response;
    });
  }
}
