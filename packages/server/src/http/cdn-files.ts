/**
 * The widget bundles served as a CDN would (`--cdn /cdn/=dist/cdn`): the directory the build
 * wrote (scripts/build-cdn.mjs) is read into memory once, so a request never touches the disk
 * and no path can reach outside it.
 *
 * - Brotli or gzip from the build's `.br` / `.gz` files, as `Accept-Encoding` allows.
 * - Hashed chunks (`chunks/name-hash.js`) are `immutable` for a year; entry files carry an
 *   ETag and a short max-age, so a new release reaches pages within minutes.
 * - `/cdn/<version>/…` serves the same files for the version in `manifest.json`, so an editor
 *   can pin a release (with the `integrity` the build printed); another version is a 404.
 * - Every answer under the prefix, errors included, carries `Access-Control-Allow-Origin: *`:
 *   module scripts load in CORS mode, and a missing chunk must read as 404, not as a CORS error.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import { matches } from './etag.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const ENTRY_MAX_AGE_SECONDS = 300;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

interface CdnFile {
  type: string;
  cacheControl: string;
  /** Strong tag of the content; each encoding gets its own suffix (RFC 9110, 8.8.3). */
  tag: string;
  bodies: Partial<Record<Encoding | 'identity', Buffer>>;
}

export function mountCdnFiles(app: Hono<AppEnv>, urlPrefix: string, dir: string): void {
  const root = resolve(dir);
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`CDN mount ${urlPrefix}: ${root} is not a directory`);
  const files = readCdnDirectory(root);
  const version = (JSON.parse(files.get('manifest.json')?.bodies.identity?.toString('utf8') ?? '{}') as { version?: string }).version;
  const prefix = `/${urlPrefix.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

  app.use(`${prefix}*`, async (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      c.header('Allow', 'GET, HEAD');
      return c.text('Nur GET und HEAD.', 405);
    }
    let path = c.req.path.slice(prefix.length);
    if (version !== undefined && path.startsWith(`${version}/`)) path = path.slice(version.length + 1);
    const file = files.get(path);
    if (!file) {
      c.header('Cache-Control', 'no-store');
      return c.text('Nicht gefunden.', 404);
    }
    return answer(c, file);
  });
}

function answer(c: Context<AppEnv>, file: CdnFile): Response {
  const encoding = ENCODINGS.find(({ name }) => file.bodies[name] && accepts(c.req.header('Accept-Encoding'), name))?.name;
  const body = file.bodies[encoding ?? 'identity']!;
  const tag = encoding ? `${file.tag.slice(0, -1)}-${encoding}"` : file.tag;
  c.header('Cache-Control', file.cacheControl);
  c.header('ETag', tag);
  c.header('Vary', 'Accept-Encoding');
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch !== undefined && matches(ifNoneMatch, tag)) return c.body(null, 304);
  c.header('Content-Type', file.type);
  c.header('Content-Length', String(body.length));
  if (encoding) c.header('Content-Encoding', encoding);
  return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(new Uint8Array(body), 200);
}

/** `br` in `gzip, deflate, br, zstd`; not with `;q=0`. */
function accepts(header: string | undefined, encoding: Encoding): boolean {
  return (header ?? '').split(',').some((entry) => {
    const [name, ...params] = entry.trim().toLowerCase().split(';');
    return name === encoding && !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
  });
}

function readCdnDirectory(root: string): Map<string, CdnFile> {
  const files = new Map<string, CdnFile>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = relative(root, join(entry.parentPath, entry.name)).split('\\').join('/');
    const type = TYPES[extname(path)];
    if (!entry.isFile() || type === undefined) continue;
    const identity = readFileSync(join(root, path));
    const bodies: CdnFile['bodies'] = { identity };
    for (const { name, suffix } of ENCODINGS) {
      const compressed = statSync(join(root, path + suffix), { throwIfNoEntry: false });
      if (compressed?.isFile()) bodies[name] = readFileSync(join(root, path + suffix));
    }
    files.set(path, {
      type,
      // Rollup names every chunk after its content's hash: a changed chunk is a new URL.
      cacheControl: path.startsWith('chunks/') ? IMMUTABLE : `public, max-age=${ENTRY_MAX_AGE_SECONDS}`,
      tag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 32)}"`,
      bodies,
    });
  }
  return files;
}
