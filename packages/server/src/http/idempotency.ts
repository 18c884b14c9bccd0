/**
 * Idempotency-Key support for creating requests (bookings, payments): a client that retries
 * after a timeout gets the first answer again instead of booking twice.
 *
 * The guarantee rests on the primary key of `idempotency_keys`, not on anything in memory, so
 * it holds across server instances: the first request claims the key with
 * INSERT … ON CONFLICT DO NOTHING, every other request with that key sees the claim.
 *
 * Usage in a route file: add `deps.idempotent` to the route's `middleware` and
 * `IdempotencyKeyHeaders` to its `request.headers` (for the OpenAPI document).
 */
import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import type { Database } from '../db/database.js';
import type { Clock } from '../time.js';
import type { AppEnv } from './app-env.js';
import { ProblemError } from './problem.js';
import { routePattern } from './route-pattern.js';

const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * A request whose key is still "processing" this long after it was claimed is taken to belong
 * to a crashed instance and may be claimed again; shorter than any sane retry budget, longer
 * than any request should take.
 */
const PROCESSING_LEASE_MS = 60_000;

/** Headers a replay reproduces; everything else is per-response (request id, CORS, dates). */
const REPLAYED_HEADERS = ['content-type', 'location'];

export const IdempotencyKeyHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN)
    .optional()
    .openapi({
      description:
        'Zufälliger Schlüssel je Vorgang (8–128 Zeichen A–Z, a–z, 0–9, _ und -, z. B. eine UUID). ' +
        'Eine Wiederholung mit demselben Schlüssel und demselben Inhalt liefert die erste Antwort erneut ' +
        '(Kopfzeile `Idempotency-Replayed: true`) statt den Vorgang ein zweites Mal auszuführen.',
      example: '5f0c6c1e-8a4b-4d7e-9a57-1c2b3d4e5f60',
    }),
});

interface StoredKey {
  request_hash: string;
  state: 'processing' | 'completed';
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  created_at: Date;
}

export function idempotency(options: { db: Database; clock: Clock; ttlHours: number }): MiddlewareHandler<AppEnv> {
  const { db, clock } = options;
  const ttlMs = options.ttlHours * 3_600_000;

  return async (c, next) => {
    const key = c.req.header('Idempotency-Key');
    if (key === undefined) return next();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new ProblemError('validation', 'Kopfzeilen: „Idempotency-Key“ ist ungültig.', {
        errors: [
          {
            field: 'Idempotency-Key',
            code: 'invalid_format',
            message: 'Erwartet werden 8 bis 128 Zeichen aus A–Z, a–z, 0–9, _ und -.',
          },
        ],
      });
    }

    const url = new URL(c.req.url);
    const requestHash = createHash('sha256')
      .update(`${c.req.method} ${url.pathname}${url.search}\n`)
      .update(await c.req.text())
      .digest('hex');

    const claim = await claimKey(key, c.req.method, routePattern(c) ?? url.pathname, requestHash);
    if (!claim.owned) return answerFromStore(c, claim.row, requestHash);

    try {
      await next();
    } catch (error) {
      await release(key, claim.claimedAt);
      throw error;
    }
    if (changedNothing(c.res.status)) return release(key, claim.claimedAt);
    const { status, headers } = c.res;
    const replayedHeaders = Object.fromEntries(
      REPLAYED_HEADERS.flatMap((name) => {
        const value = headers.get(name);
        return value === null ? [] : [[name, value]];
      }),
    );
    // Read once and rebuild instead of Response#clone(): undici's clone intermittently leaves
    // the original unreadable ("Body has already been read") under concurrency.
    const body = await c.res.text();
    c.res = new Response(body, { status, headers });
    await db.query(
      `UPDATE idempotency_keys
          SET state = 'completed', response_status = $3, response_headers = $4, response_body = $5
        WHERE key = $1 AND state = 'processing' AND created_at = $2`,
      [key, claim.claimedAt, status, JSON.stringify(replayedHeaders), body],
    );
  };

  /**
   * Claims `key` for this request, or reports who holds it. The claim time doubles as an
   * ownership token: completing or releasing only touches the row this request claimed, not
   * one another instance took over after the lease ran out.
   */
  async function claimKey(
    key: string,
    method: string,
    route: string,
    requestHash: string,
  ): Promise<{ owned: true; claimedAt: Date } | { owned: false; row: StoredKey }> {
    // Bounded: each round either claims, finds a row, or lost a race with a concurrent release.
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = clock();
      // Opportunistic purge instead of a timer: cheap on the created_at index, and it lets an
      // expired key be used again.
      await db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [new Date(now.getTime() - ttlMs)]);
      const inserted = await db.query(
        `INSERT INTO idempotency_keys (key, method, route, request_hash, state, created_at)
         VALUES ($1, $2, $3, $4, 'processing', $5)
         ON CONFLICT (key) DO NOTHING
         RETURNING key`,
        [key, method, route, requestHash, now],
      );
      if (inserted.length === 1) return { owned: true, claimedAt: now };

      const [row] = await db.query<StoredKey>(
        `SELECT request_hash, state, response_status, response_headers, response_body, created_at
           FROM idempotency_keys WHERE key = $1`,
        [key],
      );
      if (!row) continue;
      const abandoned =
        row.state === 'processing' &&
        row.request_hash === requestHash &&
        now.getTime() - row.created_at.getTime() > PROCESSING_LEASE_MS;
      if (!abandoned) return { owned: false, row };
      // Compare-and-set on created_at: of several clients retrying an abandoned claim, one wins.
      const taken = await db.query(
        `UPDATE idempotency_keys SET created_at = $3
          WHERE key = $1 AND state = 'processing' AND created_at = $2
          RETURNING key`,
        [key, row.created_at, now],
      );
      if (taken.length === 1) return { owned: true, claimedAt: now };
    }
    throw new Error('Idempotency key claim did not settle');
  }

  async function release(key: string, claimedAt: Date): Promise<void> {
    await db.query(`DELETE FROM idempotency_keys WHERE key = $1 AND state = 'processing' AND created_at = $2`, [
      key,
      claimedAt,
    ]);
  }
}

/**
 * Answers after which the key is released instead of stored, so a corrected or later retry
 * with the same key runs: the request was rejected before the handler (validation, content
 * type, a route's own rate limit), or failed with a server error. Handlers keep their effects
 * in one transaction, so a 5xx means nothing was committed.
 */
function changedNothing(status: number): boolean {
  return status >= 500 || status === 400 || status === 415 || status === 429;
}

function answerFromStore(c: Context, row: StoredKey, requestHash: string): Response {
  if (row.request_hash !== requestHash) {
    throw new ProblemError(
      'idempotency_conflict',
      'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet. ' +
        'Bitte für jeden neuen Vorgang einen neuen Schlüssel erzeugen.',
    );
  }
  if (row.state === 'processing') {
    throw new ProblemError(
      'idempotency_in_progress',
      'Eine Anfrage mit diesem Idempotency-Key wird gerade bearbeitet. Bitte kurz warten und erneut senden.',
      { headers: { 'Retry-After': '1' } },
    );
  }
  return c.newResponse(row.response_body, row.response_status as StatusCode, {
    ...row.response_headers,
    'Idempotency-Replayed': 'true',
  });
}
