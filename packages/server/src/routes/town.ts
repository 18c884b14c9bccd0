import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
import { loadTown } from '../town/town.js';
import { cacheFor } from './common.js';
import type { RouteDeps } from './deps.js';

const AddressSchema = z
  .object({
    street: z.string().openapi({ example: 'Rathausplatz 1' }),
    postalCode: z.string().openapi({ example: '12345' }),
    city: z.string().openapi({ example: 'Musterstadt' }),
  })
  .openapi('Address');

const TownSchema = z
  .object({
    name: z.string().openapi({ example: 'Musterstadt' }),
    officialName: z.string().openapi({ example: 'Stadt Musterstadt' }),
    state: z.string().openapi({ example: 'Nordrhein-Westfalen' }),
    stateCode: z.string().openapi({ description: 'ISO 3166-2', example: 'DE-NW' }),
    timeZone: z.string().openapi({ description: 'IANA-Zeitzone aller Zeitangaben', example: 'Europe/Berlin' }),
    townHall: z.object({ name: z.string(), address: AddressSchema }),
    phone: z.string().openapi({ example: '+49 1234 5678-0' }),
    email: z.string().openapi({ example: 'info@musterstadt.example' }),
    website: z.string().openapi({ example: 'https://www.musterstadt.example' }),
  })
  .openapi('Town');

const getTown = createRoute({
  method: 'get',
  path: '/town',
  operationId: 'getTown',
  tags: [API_TAGS.town.name],
  summary: 'Stammdaten der Stadt',
  middleware: [cacheFor(300)] as const,
  responses: {
    200: { description: 'Die Stadt', content: { 'application/json': { schema: TownSchema } } },
    ...problemResponses('not_found'),
  },
});

export function townRoutes({ db }: RouteDeps) {
  return new OpenAPIHono<AppEnv>().openapi(getTown, async (c) => {
    const town = await loadTown(db);
    if (!town) throw new ProblemError('not_found', 'Es sind noch keine Stammdaten der Stadt hinterlegt.');
    return c.json(town, 200);
  });
}
