/**
 * The Bürgerbüro's call system: four groups, six counters (five staffed), two weeks of served
 * numbers (so the estimate has service times to work with) and today's morning up to the seed's
 * "now": served numbers, some at the counters, some waiting. Deterministic per day.
 *
 * Demo only: every seeded number of today has the code MUSTER, so "my number" can be tried on
 * the demo page with any of them. Numbers drawn later get random codes.
 */
import { minutesOfDay, zonedInstant } from '../appointments/zoned-time.js';
import type { Queryable } from '../db/database.js';
import { hoursOn, type Interval } from '../queue/state.js';
import { ticketCodeHash } from '../queue/tickets.js';
import { loadOffices } from '../town/offices.js';
import { addDays, TOWN_TIME_ZONE, type IsoDate } from '../time.js';
import type { SeedStep } from './seed.js';

export const DEMO_TICKET_CODE = 'MUSTER';
const OFFICE = 'buergerbuero';
const HISTORY_DAYS = 14;

const GROUPS = [
  { code: 'T', name: 'Termine', priority: 1, forAppointments: true, minutes: 10, share: 0.15 },
  { code: 'A', name: 'Ausweise und Pässe', priority: 0, forAppointments: false, minutes: 8, share: 0.35 },
  { code: 'M', name: 'An-, Um- und Abmeldung', priority: 0, forAppointments: false, minutes: 6, share: 0.3 },
  { code: 'S', name: 'Führungszeugnis, Beglaubigung, Parkausweis', priority: 0, forAppointments: false, minutes: 5, share: 0.2 },
] as const;

const COUNTERS = [
  { number: 1, groups: ['T', 'A'], active: true },
  { number: 2, groups: ['A', 'T'], active: true },
  { number: 3, groups: ['A', 'M'], active: true },
  { number: 4, groups: ['M', 'S'], active: true },
  { number: 5, groups: ['M', 'S', 'A'], active: true },
  { number: 6, groups: ['S', 'M'], active: false },
] as const;

export const queueOfficesSeed: SeedStep = {
  table: 'queue_offices',
  async insert(tx) {
    await tx.query(`INSERT INTO queue_offices (office_id, version) VALUES ($1, 0)`, [OFFICE]);
    for (const [index, g] of GROUPS.entries()) {
      await tx.query(
        `INSERT INTO queue_groups (office_id, code, name, sort_order, priority, for_appointments, default_service_minutes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [OFFICE, g.code, g.name, index + 1, g.priority, g.forAppointments, g.minutes],
      );
    }
    for (const c of COUNTERS) {
      await tx.query(`INSERT INTO queue_counters (office_id, number, name, groups, active) VALUES ($1, $2, $3, $4, $5)`, [
        OFFICE,
        c.number,
        `Platz ${c.number}`,
        c.groups,
        c.active,
      ]);
    }
  },
};

/** mulberry32: a small deterministic generator, so a day's demo data is the same on every start. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface SeedTicket {
  group: string;
  seq: number;
  issuedAt: Date;
  status: 'waiting' | 'called' | 'serving' | 'done' | 'no_show';
  counter?: number;
  calledAt?: Date;
  servingAt?: Date;
  finishedAt?: Date;
}

/**
 * One day at the counters, simulated: arrivals every 0.6–2.8 minutes from opening, each active
 * counter takes the longest-waiting number of its groups (appointments first) when free,
 * service times scatter around the group's typical duration. Stops at `until`.
 */
function simulateDay(intervals: readonly Interval[], date: IsoDate, until: Date, rand: () => number): SeedTicket[] {
  const tickets: SeedTicket[] = [];
  const seqs = new Map<string, number>();
  const at = (minute: number) => zonedInstant(date, minute, TOWN_TIME_ZONE);
  const stop = until.getTime();
  for (const interval of intervals) {
    const opens = minutesOfDay(interval.opens);
    const closes = minutesOfDay(interval.closes);
    // Arrivals until closing (or now), a little queue at the door at opening time.
    const arrivals: SeedTicket[] = [];
    for (let minute = opens - 5 + rand() * 3; minute < closes - 10; minute += 0.6 + rand() * 2.2) {
      const issuedAt = at(minute);
      if (issuedAt.getTime() > stop) break;
      let pick = rand();
      const group = GROUPS.find((g) => (pick -= g.share) < 0) ?? GROUPS[1];
      const seq = (seqs.get(group.code) ?? 0) + 1;
      seqs.set(group.code, seq);
      arrivals.push({ group: group.code, seq, issuedAt, status: 'waiting' });
    }
    tickets.push(...arrivals);
    const free = new Map(COUNTERS.filter((c) => c.active).map((c) => [c.number, at(opens).getTime()]));
    const waiting = [...arrivals];
    for (;;) {
      // The counter that is free first calls next.
      const [counter, freeAt] = [...free.entries()].sort((a, b) => a[1] - b[1])[0]!;
      if (freeAt > stop || freeAt >= at(closes + 30).getTime()) break;
      const groups: readonly string[] = COUNTERS.find((c) => c.number === counter)!.groups;
      const candidates = waiting.filter((t) => groups.includes(t.group) && t.issuedAt.getTime() <= freeAt);
      candidates.sort((a, b) => (a.group === 'T' ? 0 : 1) - (b.group === 'T' ? 0 : 1) || a.issuedAt.getTime() - b.issuedAt.getTime());
      const next = candidates[0];
      if (!next) {
        const upcoming = waiting.filter((t) => groups.includes(t.group)).map((t) => t.issuedAt.getTime());
        if (upcoming.length === 0) {
          free.delete(counter);
          if (free.size === 0) break;
        } else free.set(counter, Math.min(...upcoming));
        continue;
      }
      waiting.splice(waiting.indexOf(next), 1);
      next.counter = counter;
      next.calledAt = new Date(freeAt);
      const typical = GROUPS.find((g) => g.code === next.group)!.minutes;
      const minutes = Math.max(1.5, typical * (0.55 + rand() * 0.7 + rand() * rand() * 0.3));
      const walk = 0.5 + rand();
      const finished = freeAt + (walk + minutes) * 60_000;
      if (rand() < 0.03) {
        next.status = 'no_show';
        next.finishedAt = new Date(freeAt + 3 * 60_000);
        free.set(counter, next.finishedAt.getTime());
        continue;
      }
      next.servingAt = new Date(freeAt + walk * 60_000);
      if (finished <= stop) {
        next.status = 'done';
        next.finishedAt = new Date(finished);
      } else {
        next.status = next.servingAt.getTime() <= stop ? 'serving' : 'called';
        if (next.status === 'called') delete next.servingAt;
      }
      free.set(counter, finished);
    }
  }
  return tickets;
}

export const queueTicketsSeed: SeedStep = {
  table: 'queue_tickets',
  async insert(tx: Queryable, { today, now }) {
    const [office] = await loadOffices(tx, { id: OFFICE, today: addDays(today, -HISTORY_DAYS) });
    const [known] = await tx.query(`SELECT 1 FROM queue_offices WHERE office_id = $1`, [OFFICE]);
    if (!office || !known) return;
    const codeHash = ticketCodeHash(DEMO_TICKET_CODE);
    let version = 0;
    for (let back = HISTORY_DAYS; back >= 0; back--) {
      const date = addDays(today, -back);
      const rand = random(Number(date.replaceAll('-', '')));
      const until = back === 0 ? now : zonedInstant(date, 24 * 60 - 1, TOWN_TIME_ZONE);
      const tickets = simulateDay(hoursOn(office, date, 'DE-NW').intervals, date, until, rand);
      // One statement per day: a few hundred rows in total.
      if (tickets.length === 0) continue;
      const values: unknown[] = [];
      const rows = tickets.map((t, i) => {
        // Left waiting at the end of a past day: gone home.
        values.push(t.group, date, t.seq, codeHash, back > 0 && t.status === 'waiting' ? 'no_show' : t.status, t.issuedAt, t.counter ?? null, t.calledAt ?? null, t.servingAt ?? null, t.finishedAt ?? null);
        const p = i * 10;
        return `($${p + 1}, $${p + 2}::date, $${p + 3}::int, $${p + 4}, $${p + 5}, $${p + 6}::timestamptz, $${p + 7}::smallint, $${p + 8}::timestamptz, $${p + 9}::timestamptz, $${p + 10}::timestamptz)`;
      });
      await tx.query(
        `INSERT INTO queue_tickets (office_id, group_code, service_day, seq, code_hash, status, issued_at, sort_at, counter, called_at, serving_at, finished_at, call_count)
         SELECT '${OFFICE}', g, d, s, h, st, i, i, c, ca, sa, fa, CASE WHEN ca IS NULL THEN 0 ELSE 1 END
           FROM (VALUES ${rows.join(', ')}) AS v (g, d, s, h, st, i, c, ca, sa, fa)`,
        values,
      );
    }
    // Every call in order; the queue's version is the number of calls.
    const [counted] = await tx.query<{ n: number }>(
      `WITH inserted AS (
         INSERT INTO queue_calls (office_id, ticket_id, counter, called_at, recall, version)
         SELECT office_id, id, counter, called_at, false, row_number() OVER (ORDER BY called_at, id)
           FROM queue_tickets WHERE office_id = $1 AND called_at IS NOT NULL
         RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [OFFICE],
    );
    version = counted!.n;
    await tx.query(`UPDATE queue_offices SET version = $2 WHERE office_id = $1`, [OFFICE, version]);
  },
};
