/**
 * Privacy-friendly bot protection: an ALTCHA proof-of-work challenge that the citizen's
 * browser solves in a fraction of a second. No third party, no cookie, no tracking; a
 * script flooding bookings pays with CPU time for every single one.
 */
import { randomBytes } from 'node:crypto';
import { createChallenge, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Database } from '../db/database.js';
import { ProblemError } from '../http/problem.js';

/** About 65,000 SHA-256 rounds on average: ~0.1 s on a laptop, well under a second on a phone. */
const DIFFICULTY = { algorithm: 'SHA-256', cost: 1, keyPrefix: '0000' } as const;
const VALID_MINUTES = 20;

export interface BotProtection {
  challenge(): Promise<Challenge>;
  /** Throws a 400 problem unless `proof` is a fresh, unused solution of one of our challenges. */
  verify(proof: string | undefined): Promise<void>;
}

/** A secret shared by every instance on the database: the first instance to ask creates it. */
async function sharedSecret(db: Database): Promise<string> {
  await db.query("INSERT INTO server_secrets (name, value) VALUES ('altcha', $1) ON CONFLICT (name) DO NOTHING", [
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ value: string }>("SELECT value FROM server_secrets WHERE name = 'altcha'");
  return row!.value;
}

function rejected(message: string): ProblemError {
  return new ProblemError('validation', message, { errors: [{ field: 'botProof', code: 'bot_check_failed', message }] });
}

function decode(proof: string): Payload | undefined {
  try {
    const payload = JSON.parse(Buffer.from(proof, 'base64').toString('utf8')) as Payload;
    return typeof payload?.challenge?.parameters === 'object' && typeof payload.solution === 'object' ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** altcha-lib checks expiry against the system clock, so challenges are dated by it too. */
export function altchaProtection(options: { db: Database; secret?: string }): BotProtection {
  const { db } = options;
  let secret: Promise<string> | undefined;
  const hmacSignatureSecret = () => (secret ??= options.secret ? Promise.resolve(options.secret) : sharedSecret(db));

  return {
    async challenge() {
      return createChallenge({
        ...DIFFICULTY,
        deriveKey,
        hmacSignatureSecret: await hmacSignatureSecret(),
        expiresAt: new Date(Date.now() + VALID_MINUTES * 60_000),
      });
    },

    async verify(proof) {
      const payload = proof ? decode(proof) : undefined;
      if (!payload) throw rejected('Die Sicherheitsprüfung fehlt. Bitte laden Sie die Seite neu und versuchen Sie es erneut.');
      // A crafted payload may make the library throw; that is a failed check, not a server error.
      const result = await verifySolution({ ...payload, deriveKey, hmacSignatureSecret: await hmacSignatureSecret() }).catch(() => ({ verified: false }));
      if (!result.verified) throw rejected('Die Sicherheitsprüfung ist abgelaufen oder ungültig. Bitte versuchen Sie es erneut.');
      const now = new Date();
      await db.query('DELETE FROM used_bot_proofs WHERE expires_at < $1', [now.toISOString()]);
      const fresh = await db.query('INSERT INTO used_bot_proofs (signature, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING signature', [
        payload.challenge.signature ?? '',
        new Date(now.getTime() + VALID_MINUTES * 60_000).toISOString(),
      ]);
      if (fresh.length === 0) throw rejected('Diese Sicherheitsprüfung wurde schon verwendet. Bitte versuchen Sie es erneut.');
    },
  };
}
