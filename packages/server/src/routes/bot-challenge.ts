/** GET /api/v1/bot-challenge: a fresh proof-of-work challenge for forms that create something. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { problemResponses } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
import type { RouteDeps } from './deps.js';

const ChallengeSchema = z
  .object({
    parameters: z.object({ algorithm: z.string(), nonce: z.string(), salt: z.string(), cost: z.number(), keyLength: z.number(), keyPrefix: z.string() }).loose(),
    signature: z.string(),
  })
  .openapi('BotChallenge');

const route = createRoute({
  method: 'get',
  path: '/bot-challenge',
  operationId: 'getBotChallenge',
  tags: [API_TAGS.security.name],
  summary: 'Rechenaufgabe zum Schutz vor Bots (ALTCHA)',
  description:
    'Der Browser löst die Aufgabe (altcha-lib solveChallenge) und schickt `base64(JSON.stringify({ challenge, solution }))` als `botProof` mit der Buchung. Jede Lösung gilt einmal.',
  responses: {
    200: { description: 'Aufgabe', content: { 'application/json': { schema: ChallengeSchema } } },
    ...problemResponses('rate_limited'),
  },
});

export function botChallengeRoutes({ botProtection }: RouteDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json((await botProtection.challenge()) as z.infer<typeof ChallengeSchema>, 200);
  });
}
