/**
 * Writes a validated data set (town-data.ts) into the database, in one transaction, so that
 * importing the same files again leaves the same data: the town profile and each office are
 * upserted by key, an office's weekly hours and exceptions replaced by the file's. Offices the
 * files do not name stay (their appointments and finds refer to them).
 */
import type { Database, Queryable } from '../db/database.js';
import type { TownData } from './town-data.js';

type Office = TownData['offices'][number];

export interface ImportSummary {
  town: boolean;
  offices: number;
  openingHours: number;
  exceptions: number;
}

export async function importTownData(db: Database, data: TownData): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const summary: ImportSummary = { town: false, offices: 0, openingHours: 0, exceptions: 0 };
    if (data.town) {
      const t = data.town;
      await tx.query(
        `INSERT INTO town (id, name, official_name, state, state_code, time_zone, town_hall_name, street, postal_code, city, phone, email, website)
         VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET name = $1, official_name = $2, state = $3, state_code = $4, time_zone = $5, town_hall_name = $6,
           street = $7, postal_code = $8, city = $9, phone = $10, email = $11, website = $12`,
        [t.name, t.officialName, t.state, t.stateCode, t.timeZone, t.townHallName, t.street, t.postalCode, t.city, t.phone, t.email, t.website],
      );
      summary.town = true;
    }
    for (const [index, office] of data.offices.entries()) {
      await upsertOffice(tx, office, index + 1);
      summary.offices++;
      summary.openingHours += office.openingHours.length;
      summary.exceptions += office.exceptions.length;
    }
    return summary;
  });
}

async function upsertOffice(tx: Queryable, office: Office, sortOrder: number): Promise<void> {
  const a = office.accessibility;
  await tx.query(
    `INSERT INTO offices (id, name, description, sort_order, building, street, postal_code, city, room, phone, email,
                          step_free_access, accessible_toilet, induction_loop, accessible_parking, accessibility_notes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (id) DO UPDATE SET name = $2, description = $3, sort_order = $4, building = $5, street = $6, postal_code = $7,
       city = $8, room = $9, phone = $10, email = $11, step_free_access = $12, accessible_toilet = $13, induction_loop = $14,
       accessible_parking = $15, accessibility_notes = $16`,
    [office.id, office.name, office.description, sortOrder, office.building, office.street, office.postalCode, office.city, office.room ?? null,
      office.phone, office.email, a.stepFreeAccess, a.accessibleToilet, a.inductionLoop, a.accessibleParking, a.notes],
  );
  await tx.query('DELETE FROM office_opening_hours WHERE office_id = $1', [office.id]);
  for (const { weekday, opens, closes } of office.openingHours) {
    await tx.query('INSERT INTO office_opening_hours (office_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)', [office.id, weekday, opens, closes]);
  }
  await tx.query('DELETE FROM office_exceptions WHERE office_id = $1', [office.id]);
  for (const exception of office.exceptions) {
    const [row] = await tx.query<{ id: string }>(
      'INSERT INTO office_exceptions (office_id, starts_on, ends_on, reason) VALUES ($1, $2, $3, $4) RETURNING id::text AS id',
      [office.id, exception.from, exception.to, exception.reason],
    );
    for (const { opens, closes } of exception.hours) {
      await tx.query('INSERT INTO office_exception_hours (exception_id, opens, closes) VALUES ($1, $2, $3)', [row!.id, opens, closes]);
    }
  }
}
