import type { Queryable } from '../db/database.js';
import { isStateCode, type StateCode } from './german-holidays.js';

/** The state of the town profile, whose holidays close the offices; undefined before a town is imported. */
export async function townState(db: Queryable): Promise<StateCode | undefined> {
  const [row] = await db.query<{ state_code: string }>('SELECT state_code FROM town LIMIT 1');
  return row && isStateCode(row.state_code) ? row.state_code : undefined;
}
