import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Queryable } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
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
export type Town = z.infer<typeof TownSchema>;

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

export async function loadTown(db: Queryable): Promise<Town | undefined> {
  const [row] = await db.query<{
    name: string;
    official_name: string;
    state: string;
    state_code: string;
    time_zone: string;
    town_hall_name: string;
    street: string;
    postal_code: string;
    city: string;
    phone: string;
    email: string;
    website: string;
  }>(
    `SELECT name, official_name, state, state_code, time_zone, town_hall_name, street, postal_code, city, phone, email, website
       FROM town`,
  );
  if (!row) return undefined;
  return {
    name: row.name,
    officialName: row.official_name,
    state: row.state,
    stateCode: row.state_code,
    timeZone: row.time_zone,
    townHall: { name: row.town_hall_name, address: { street: row.street, postalCode: row.postal_code, city: row.city } },
    phone: row.phone,
    email: row.email,
    website: row.website,
  };
}

export function townRoutes({ db }: RouteDeps) {
  return new OpenAPIHono<AppEnv>().openapi(getTown, async (c) => {
    const town = await loadTown(db);
    if (!town) throw new ProblemError('not_found', 'Es sind noch keine Stammdaten der Stadt hinterlegt.');
    return c.json(town, 200);
  });
}
