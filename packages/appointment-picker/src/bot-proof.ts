import { solveChallenge, type Challenge } from 'altcha-lib';
// The WebCrypto variant: the default one imports node:crypto, which a browser (and a strict CSP) refuses.
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import { ApiError } from '@muni-widgets/core';
import type { BotChallenge } from './provider.js';

/**
 * Solves the backend's proof-of-work challenge in the browser (a fraction of a
 * second) and encodes the answer as the API expects it. Loaded only when a
 * citizen sends a booking, so the picker's bundle does not carry it.
 */
export async function solveBotChallenge(challenge: BotChallenge): Promise<string> {
  const solution = await solveChallenge({ challenge: challenge as unknown as Challenge, deriveKey, timeout: 30_000 });
  if (!solution) throw new ApiError('timeout', { message: 'proof-of-work not solved in time' });
  return btoa(JSON.stringify({ challenge, solution }));
}
