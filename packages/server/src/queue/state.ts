/**
 * What the call system looks like right now, as the public sees it: open or closed with
 * today's hours, per group how many wait and for about how long, the last calls with their
 * counter; and for one ticket ("my number") its position. Read in one go into a `QueueSnapshot`
 * so an instance computes each change once and derives every client's view from it in memory.
 */
import type { z } from '@hono/zod-openapi';
import { formatZoned, isoWeekday, minutesOfDay } from '../appointments/zoned-time.js';
import type { Queryable } from '../db/database.js';
import { germanHolidaysBetween, type StateCode } from '../holidays/german-holidays.js';
import { townState } from '../holidays/town-state.js';
import { loadOffices, type Office } from '../town/offices.js';
import { addDays, isoDateInTimeZone, TOWN_TIME_ZONE, type IsoDate } from '../time.js';
import type { QueueCallSchema, QueueGroupSchema, TicketViewSchema } from './schemas.js';

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Calls shown on the display and in the state. */
export const RECENT_CALLS = 8;
/** Service times the estimate looks at: the last N of a group within the window. */
export const ESTIMATE_SAMPLE = 20;
export const ESTIMATE_WINDOW_DAYS = 28;
/** Fewer recent service times than this: the group's default duration is used. */
export const ESTIMATE_MIN_SAMPLES = 3;

/** "A-042": group letter, at least three digits. */
export const TICKET_NUMBER_PATTERN = /^([A-Z])-(\d{3,4})$/;

export function ticketNumber(group: string, seq: number): string {
  return `${group}-${String(seq).padStart(3, '0')}`;
}

export function parseTicketNumber(number: string): { group: string; seq: number } | undefined {
  const match = TICKET_NUMBER_PATTERN.exec(number);
  return match ? { group: match[1]!, seq: Number(match[2]) } : undefined;
}

export interface Interval {
  opens: string;
  closes: string;
}

export type QueueGroupState = z.infer<typeof QueueGroupSchema>;

/** `version`: the queue's version after this call, the SSE event id of the `call` event. */
export type QueueCall = z.infer<typeof QueueCallSchema>;

export interface QueueState {
  officeId: string;
  officeName: string;
  /** Grows with every change; the SSE event id of `state`. */
  version: number;
  /** Service day in Europe/Berlin. */
  date: IsoDate;
  open: boolean;
  hours: { intervals: Interval[]; note?: string };
  /** When closed now: the next opening (later today or on a following day, within two weeks). */
  nextOpening?: { date: IsoDate; opens: string };
  groups: QueueGroupState[];
  /** Newest first. */
  calls: QueueCall[];
}

/** `ahead`, `position` (ahead + 1), `estimatedWaitMinutes`: waiting only; `counter`, `counterName`: where to go once called. */
export type TicketView = z.infer<typeof TicketViewSchema>;

export interface TicketRow {
  id: string;
  group_code: string;
  seq: number;
  status: TicketStatus;
  issued_at: Date;
  sort_at: Date;
  counter: number | null;
  called_at: Date | null;
  code_hash: string;
}

export interface QueueSnapshot {
  state: QueueState;
  /** Today's tickets of the office. */
  tickets: Map<string, TicketRow>;
  /** Waiting ticket ids per group, in call order. */
  waitingOrder: Map<string, string[]>;
  counterNames: Map<number, string>;
}

export interface QueueOfficeConfig {
  officeId: string;
  groups: Array<{ code: string; name: string; priority: number; forAppointments: boolean; defaultServiceMinutes: number }>;
  counters: Array<{ number: number; name: string; groups: string[]; active: boolean }>;
}

/** Groups and counters of an office with a call system; undefined when it has none. */
export async function loadQueueConfig(db: Queryable, officeId: string): Promise<QueueOfficeConfig | undefined> {
  const [groups, counters] = await Promise.all([
    db.query<{ code: string; name: string; priority: number; for_appointments: boolean; default_service_minutes: number }>(
      `SELECT code, name, priority, for_appointments, default_service_minutes FROM queue_groups WHERE office_id = $1 ORDER BY sort_order, code`,
      [officeId],
    ),
    db.query<{ number: number; name: string; groups: string[]; active: boolean }>(
      `SELECT number, name, groups, active FROM queue_counters WHERE office_id = $1 ORDER BY number`,
      [officeId],
    ),
  ]);
  if (groups.length === 0) return undefined;
  return {
    officeId,
    groups: groups.map((g) => ({ code: g.code, name: g.name, priority: g.priority, forAppointments: g.for_appointments, defaultServiceMinutes: g.default_service_minutes })),
    counters: counters.map((c) => ({ number: c.number, name: c.name, groups: c.groups, active: c.active })),
  };
}

/** Minutes for `ahead` people, shared among `counters`; whole minutes, rounded up. */
export function estimateMinutes(ahead: number, serviceMinutes: number, counters: number): number {
  if (ahead <= 0) return 0;
  return Math.ceil((ahead * serviceMinutes) / Math.max(1, counters));
}

/** Median of the recent service times per group (rounded to 0.1 min) and how many there were. */
export async function recentServiceMinutes(db: Queryable, officeId: string, now: Date): Promise<Map<string, { median: number; samples: number }>> {
  const rows = await db.query<{ group_code: string; median: number; samples: number }>(
    `SELECT group_code, percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes)::float8 AS median, count(*)::int AS samples
       FROM (SELECT group_code,
                    extract(epoch FROM finished_at - coalesce(serving_at, called_at)) / 60 AS minutes,
                    row_number() OVER (PARTITION BY group_code ORDER BY finished_at DESC) AS recent
               FROM queue_tickets
              WHERE office_id = $1 AND status = 'done' AND called_at IS NOT NULL
                -- A ticket left open overnight is no service time.
                AND finished_at - coalesce(serving_at, called_at) < interval '3 hours'
                AND finished_at > $2::timestamptz - make_interval(days => $3) AND finished_at <= $2::timestamptz) AS durations
      WHERE recent <= $4
      GROUP BY group_code`,
    [officeId, now.toISOString(), ESTIMATE_WINDOW_DAYS, ESTIMATE_SAMPLE],
  );
  return new Map(rows.map((r) => [r.group_code, { median: Math.round(r.median * 10) / 10, samples: r.samples }]));
}

/** Today's hours (exception, else closed on the state's holiday, else weekly) and a note when they differ. */
export function hoursOn(office: Pick<Office, 'openingHours' | 'exceptions'>, date: IsoDate, state: StateCode | undefined): { intervals: Interval[]; note?: string } {
  const exception = office.exceptions.find((e) => e.from <= date && date <= e.to);
  if (exception) return { intervals: exception.intervals, note: exception.reason };
  const holiday = germanHolidaysBetween(date, date, state)[0];
  if (holiday) return { intervals: [], note: holiday.name };
  return { intervals: office.openingHours.find((d) => d.weekday === isoWeekday(date))?.intervals ?? [] };
}

/** Minute of the day of `instant` in Europe/Berlin. */
export function berlinMinute(instant: Date): number {
  return minutesOfDay(formatZoned(instant, TOWN_TIME_ZONE).slice(11, 16));
}

export function openingStatus(office: Pick<Office, 'openingHours' | 'exceptions'>, now: Date, state: StateCode | undefined) {
  const date = isoDateInTimeZone(now, TOWN_TIME_ZONE);
  const minute = berlinMinute(now);
  const hours = hoursOn(office, date, state);
  const open = hours.intervals.some((i) => minutesOfDay(i.opens) <= minute && minute < minutesOfDay(i.closes));
  let nextOpening: { date: IsoDate; opens: string } | undefined;
  if (!open) {
    for (let day = 0; day <= 14 && !nextOpening; day++) {
      const candidate = addDays(date, day);
      const later = hoursOn(office, candidate, state).intervals.find((i) => day > 0 || minutesOfDay(i.opens) > minute);
      if (later) nextOpening = { date: candidate, opens: later.opens };
    }
  }
  return { date, open, hours, ...(nextOpening ? { nextOpening } : {}) };
}

/**
 * Everything a change needs to be shown: four queries plus the office's hours. Undefined when
 * the office has no call system.
 */
export async function loadSnapshot(db: Queryable, officeId: string, now: Date): Promise<QueueSnapshot | undefined> {
  const config = await loadQueueConfig(db, officeId);
  if (!config) return undefined;
  const today = isoDateInTimeZone(now, TOWN_TIME_ZONE);
  const [[office], [versionRow], tickets, calls, service, townStateCode] = await Promise.all([
    loadOffices(db, { id: officeId, today }),
    db.query<{ version: string }>(`SELECT version::text AS version FROM queue_offices WHERE office_id = $1`, [officeId]),
    db.query<TicketRow>(
      `SELECT id::text AS id, group_code, seq, status, issued_at, sort_at, counter, called_at, code_hash
         FROM queue_tickets WHERE office_id = $1 AND service_day = $2 ORDER BY sort_at, id`,
      [officeId, today],
    ),
    db.query<{ group_code: string; seq: number; counter: number; called_at: Date; recall: boolean; version: string }>(
      `SELECT t.group_code, t.seq, c.counter, c.called_at, c.recall, c.version::text AS version
         FROM queue_calls c JOIN queue_tickets t ON t.id = c.ticket_id
        WHERE c.office_id = $1 AND t.service_day = $2
        ORDER BY c.id DESC LIMIT ${RECENT_CALLS}`,
      [officeId, today],
    ),
    recentServiceMinutes(db, officeId, now),
    townState(db),
  ]);
  if (!office) return undefined;

  const counterNames = new Map(config.counters.map((c) => [c.number, c.name]));
  const ticketMap = new Map<string, TicketRow>();
  const waitingOrder = new Map<string, string[]>(config.groups.map((g) => [g.code, []]));
  for (const ticket of tickets) {
    ticketMap.set(ticket.id, ticket);
    if (ticket.status === 'waiting') waitingOrder.get(ticket.group_code)?.push(ticket.id);
  }

  const groups = config.groups.map((group): QueueGroupState => {
    const recent = service.get(group.code);
    const serviceMinutes = recent && recent.samples >= ESTIMATE_MIN_SAMPLES ? recent.median : group.defaultServiceMinutes;
    const counters = config.counters.filter((c) => c.active && c.groups.includes(group.code)).length;
    const waiting = waitingOrder.get(group.code)!.length;
    return { code: group.code, name: group.name, waiting, estimatedWaitMinutes: estimateMinutes(waiting, serviceMinutes, counters), serviceMinutes, counters };
  });

  const opening = openingStatus(office, now, townStateCode);
  const state: QueueState = {
    officeId,
    officeName: office.name,
    version: Number(versionRow?.version ?? 0),
    date: opening.date,
    open: opening.open,
    hours: opening.hours,
    ...(opening.nextOpening ? { nextOpening: opening.nextOpening } : {}),
    groups,
    calls: calls.map((c) => ({
      ticket: ticketNumber(c.group_code, c.seq),
      group: c.group_code,
      counter: c.counter,
      counterName: counterNames.get(c.counter) ?? `Platz ${c.counter}`,
      calledAt: new Date(c.called_at).toISOString(),
      recall: c.recall,
      version: Number(c.version),
    })),
  };
  return { state, tickets: ticketMap, waitingOrder, counterNames };
}

/** Today's ticket with this number, if any. */
export function findTicket(snapshot: QueueSnapshot, number: string): TicketRow | undefined {
  const parsed = parseTicketNumber(number);
  if (!parsed) return undefined;
  for (const ticket of snapshot.tickets.values()) if (ticket.group_code === parsed.group && ticket.seq === parsed.seq) return ticket;
  return undefined;
}

export function ticketView(snapshot: QueueSnapshot, ticket: TicketRow): TicketView {
  const group = snapshot.state.groups.find((g) => g.code === ticket.group_code)!;
  const view: TicketView = {
    number: ticketNumber(ticket.group_code, ticket.seq),
    group: ticket.group_code,
    groupName: group.name,
    status: ticket.status,
    issuedAt: new Date(ticket.issued_at).toISOString(),
  };
  if (ticket.status === 'waiting') {
    const ahead = snapshot.waitingOrder.get(ticket.group_code)!.indexOf(ticket.id);
    view.ahead = ahead;
    view.position = ahead + 1;
    view.estimatedWaitMinutes = estimateMinutes(ahead, group.serviceMinutes, group.counters);
  }
  if ((ticket.status === 'called' || ticket.status === 'serving') && ticket.counter !== null) {
    view.counter = ticket.counter;
    view.counterName = snapshot.counterNames.get(ticket.counter) ?? `Platz ${ticket.counter}`;
  }
  if (ticket.called_at) view.calledAt = new Date(ticket.called_at).toISOString();
  return view;
}
