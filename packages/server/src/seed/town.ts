import { TOWN_TIME_ZONE } from '../time.js';
import type { SeedStep } from './seed.js';

/**
 * Musterstadt, NRW. Contact data uses reserved or unassigned ranges: the .example domain
 * (RFC 2606), postal code 12345 and the 01234 area code, so nothing points at a real place.
 */
export const townSeed: SeedStep = {
  table: 'town',
  async insert(tx) {
    await tx.query(
      `INSERT INTO town (name, official_name, state, state_code, time_zone, town_hall_name,
                         street, postal_code, city, phone, email, website)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        'Musterstadt',
        'Stadt Musterstadt',
        'Nordrhein-Westfalen',
        'DE-NW',
        TOWN_TIME_ZONE,
        'Rathaus Musterstadt',
        'Rathausplatz 1',
        '12345',
        'Musterstadt',
        '+49 1234 5678-0',
        'info@musterstadt.example',
        'https://www.musterstadt.example',
      ],
    );
  },
};
