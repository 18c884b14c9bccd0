/** The town itself: name, state, time zone, town hall and contact. */
import type { Queryable } from '../db/database.js';

export interface Address {
  street: string;
  postalCode: string;
  city: string;
}

export interface Town {
  name: string;
  officialName: string;
  state: string;
  stateCode: string;
  timeZone: string;
  townHall: { name: string; address: Address };
  phone: string;
  email: string;
  website: string;
}

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
