import { solveChallenge, type Challenge } from 'altcha-lib';
// The WebCrypto variant: the default one imports node:crypto, which a browser (and a strict CSP) refuses.
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import { ApiError } from './http/errors.js';
import type { BotChallenge } from './bot-proof.js';

/** Loaded by `solveBotChallenge` only; see bot-proof.ts. */
export async function solve(challenge: BotChallenge): Promise<string> {
  const solution = await solveChallenge({ challenge: challenge as unknown as Challenge, deriveKey, timeout: 30_000 });
  if (!solution) throw new ApiError('timeout', { message: 'proof-of-work not solved in time' });
  return btoa(JSON.stringify({ challenge, solution }));
}
