/** The town's offices: address, accessibility, weekly hours and exceptions, as every domain reads them. */
import type { Queryable } from '../db/database.js';
import type { IsoDate } from '../time.js';

export interface TimeInterval {
  /** HH:MM in Europe/Berlin. */
  opens: string;
  closes: string;
}

export interface Office {
  id: string;
  name: string;
  description: string;
  address: { building: string; street: string; postalCode: string; city: string; room: string | null };
  phone: string;
  email: string;
  accessibility: {
    stepFreeAccess: boolean;
    accessibleToilet: boolean;
    inductionLoop: boolean;
    accessibleParking: boolean;
    notes: string;
  };
  /** Always seven entries, ISO weekday 1 (Monday) to 7; no intervals: closed that day. */
  openingHours: Array<{ weekday: number; intervals: TimeInterval[] }>;
  /** Closures and special hours not yet over; `closed` when there are no intervals. */
  exceptions: Array<{ from: IsoDate; to: IsoDate; reason: string; closed: boolean; intervals: TimeInterval[] }>;
}

/**
 * Offices with their hours and the exceptions not yet over on `today`; all offices, or the one
 * with `id`. Three queries for any number of offices, assembled here.
 */
export async function loadOffices(db: Queryable, filter: { id?: string; today: IsoDate }): Promise<Office[]> {
  const id = filter.id ?? null;
  const [offices, hours, exceptions] = await Promise.all([
    db.query<{
      id: string;
      name: string;
      description: string;
      building: string;
      street: string;
      postal_code: string;
      city: string;
      room: string | null;
      phone: string;
      email: string;
      step_free_access: boolean;
      accessible_toilet: boolean;
      induction_loop: boolean;
      accessible_parking: boolean;
      accessibility_notes: string;
    }>(
      `SELECT id, name, description, building, street, postal_code, city, room, phone, email,
              step_free_access, accessible_toilet, induction_loop, accessible_parking, accessibility_notes
         FROM offices
        WHERE $1::text IS NULL OR id = $1
        ORDER BY sort_order, name`,
      [id],
    ),
    db.query<{ office_id: string; weekday: number; opens: string; closes: string }>(
      `SELECT office_id, weekday, to_char(opens, 'HH24:MI') AS opens, to_char(closes, 'HH24:MI') AS closes
         FROM office_opening_hours
        WHERE $1::text IS NULL OR office_id = $1
        ORDER BY weekday, opens`,
      [id],
    ),
    db.query<{
      id: string;
      office_id: string;
      starts_on: string;
      ends_on: string;
      reason: string;
      opens: string | null;
      closes: string | null;
    }>(
      `SELECT e.id::text AS id, e.office_id, to_char(e.starts_on, 'YYYY-MM-DD') AS starts_on,
              to_char(e.ends_on, 'YYYY-MM-DD') AS ends_on, e.reason,
              to_char(h.opens, 'HH24:MI') AS opens, to_char(h.closes, 'HH24:MI') AS closes
         FROM office_exceptions e
         LEFT JOIN office_exception_hours h ON h.exception_id = e.id
        WHERE e.ends_on >= $2::date AND ($1::text IS NULL OR e.office_id = $1)
        ORDER BY e.starts_on, e.id, h.opens`,
      [id, filter.today],
    ),
  ]);

  return offices.map((office) => {
    const officeExceptions = new Map<string, Office['exceptions'][number]>();
    for (const row of exceptions.filter((e) => e.office_id === office.id)) {
      const exception = officeExceptions.get(row.id) ?? {
        from: row.starts_on,
        to: row.ends_on,
        reason: row.reason,
        closed: true,
        intervals: [],
      };
      if (row.opens !== null && row.closes !== null) {
        exception.intervals.push({ opens: row.opens, closes: row.closes });
        exception.closed = false;
      }
      officeExceptions.set(row.id, exception);
    }
    return {
      id: office.id,
      name: office.name,
      description: office.description,
      address: {
        building: office.building,
        street: office.street,
        postalCode: office.postal_code,
        city: office.city,
        room: office.room,
      },
      phone: office.phone,
      email: office.email,
      accessibility: {
        stepFreeAccess: office.step_free_access,
        accessibleToilet: office.accessible_toilet,
        inductionLoop: office.induction_loop,
        accessibleParking: office.accessible_parking,
        notes: office.accessibility_notes,
      },
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        intervals: hours
          .filter((h) => h.office_id === office.id && h.weekday === weekday)
          .map(({ opens, closes }) => ({ opens, closes })),
      })),
      exceptions: [...officeExceptions.values()],
    };
  });
}
