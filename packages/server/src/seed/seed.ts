/**
 * Demo data for the fictional town of Musterstadt, inserted on start into empty tables.
 *
 * Each step owns one table and runs only while that table is empty, so a step added for a new
 * widget also fills databases that were seeded before it existed, and data edited by an
 * operator is never overwritten.
 */
import { AdvisoryLock, lockForTransaction, type Database, type Queryable } from '../db/database.js';
import { isoDateInTimeZone, systemClock, TOWN_TIME_ZONE, type Clock, type IsoDate } from '../time.js';
import { appointmentCalendarsSeed, appointmentServicesSeed } from './appointments.js';
import { foundItemCategoriesSeed, foundItemFeesSeed, foundItemsSeed } from './found-items.js';
import { officesSeed } from './offices.js';
import { queueOfficesSeed, queueTicketsSeed } from './queue.js';
import { serviceCategoriesSeed, servicesSeed } from './services.js';
import { townSeed } from './town.js';

export interface SeedContext {
  /** Today in the town's time zone; seeds with dates (closures, …) are relative to it. */
  today: IsoDate;
  /** The seed's "now": data about today (the call system's morning) ends here. */
  now: Date;
}

export interface SeedStep {
  /** The table whose emptiness means "not seeded yet". */
  table: string;
  insert(tx: Queryable, context: SeedContext): Promise<void>;
}

/** In dependency order: a step may reference rows of the steps before it. */
const STEPS: readonly SeedStep[] = [townSeed, officesSeed, appointmentCalendarsSeed, appointmentServicesSeed, serviceCategoriesSeed, servicesSeed, foundItemCategoriesSeed, foundItemFeesSeed, foundItemsSeed, queueOfficesSeed, queueTicketsSeed];

/** Every table the demo town fills: a production database starts with all of them empty. */
export const SEEDED_TABLES: readonly string[] = STEPS.map((step) => step.table);

/** Runs the steps whose tables are empty; resolves to the tables filled now. */
export async function seed(db: Database, options: { clock?: Clock } = {}): Promise<string[]> {
  const now = (options.clock ?? systemClock)();
  const context: SeedContext = { today: isoDateInTimeZone(now, TOWN_TIME_ZONE), now };
  return db.transaction(async (tx) => {
    // Several instances starting together must not seed twice.
    await lockForTransaction(tx, AdvisoryLock.seed);
    const seeded: string[] = [];
    for (const step of STEPS) {
      // Table names come from the step list above, never from input.
      const [row] = await tx.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM ${step.table}) AS empty`);
      if (!row?.empty) continue;
      await step.insert(tx, context);
      seeded.push(step.table);
    }
    return seeded;
  });
}
