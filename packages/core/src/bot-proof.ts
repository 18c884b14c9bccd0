/** An ALTCHA proof-of-work challenge as the backend sends it; altcha-lib checks its shape when solving. */
export type BotChallenge = Record<string, unknown>;

/**
 * Solves the backend's proof-of-work challenge in the browser (a fraction of a second) and
 * encodes the answer as the open widget API expects it: `base64(JSON.stringify({ challenge,
 * solution }))`. The solver and altcha-lib are one lazily loaded chunk, fetched only when a
 * citizen sends a form, so no widget bundle carries them.
 */
export async function solveBotChallenge(challenge: BotChallenge): Promise<string> {
  return (await import('./bot-proof-solver.js')).solve(challenge);
}
