/**
 * Changes to the queue: issue a number (kiosk or appointment check-in), call the next one at a
 * counter, recall, start serving, done, no-show. Each runs in one transaction that ends by
 * bumping the office's version (row lock: changes of one office commit in version order); the
 * caller publishes the change after the commit.
 *
 * Lock order, the same in every change so none waits for another in a cycle: appointment (check-in),
 * counter row, tickets, office version.
 *
 * "Call next" and "recall" lock the counter's row first: a double-click at one desk, through one
 * instance or two, runs one after the other, so a desk never has two numbers (migration 014 makes
 * that a constraint). "Call next" picks with `FOR UPDATE SKIP LOCKED`: two counters calling at the
 * same moment lock different waiting tickets and never get the same one.
 */
import { createHash, randomInt } from 'node:crypto';
import { writeRoute } from '@muni-widgets/core/fragment';
import type { Database, Queryable } from '../db/database.js';
import { ProblemError } from '../http/problem.js';
import { isoDateInTimeZone, TOWN_TIME_ZONE } from '../time.js';
import { findTicket, loadSnapshot, parseTicketNumber, ticketNumber, type QueueSnapshot, type TicketRow, type TicketStatus } from './state.js';

/** Letters and digits that cannot be mistaken for each other on a printed ticket (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const TICKET_CODE_LENGTH = 6;
export const TICKET_CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${TICKET_CODE_LENGTH}}$`);

export function newTicketCode(): string {
  let code = '';
  for (let i = 0; i < TICKET_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function ticketCodeHash(code: string): string {
  return createHash('sha256').update(`muni-queue:${code.toUpperCase()}`, 'utf8').digest('hex');
}

export interface IssuedTicket {
  id: string;
  number: string;
  code: string;
  version: number;
}

/** `muni-queue=ticket:A-042.K7M2P9`: what the ticket's QR code appends to the page with the widget. */
export function ticketFragment(ticket: Pick<IssuedTicket, 'number' | 'code'>): string {
  return writeRoute('', 'muni-queue', { kind: 'ticket', arg: `${ticket.number}.${ticket.code}` }).slice(1);
}

async function bumpVersion(tx: Queryable, officeId: string): Promise<number> {
  const [row] = await tx.query<{ version: string }>(
    `UPDATE queue_offices SET version = version + 1 WHERE office_id = $1 RETURNING version::text AS version`,
    [officeId],
  );
  if (!row) throw new ProblemError('not_found', 'Dieses Amt hat kein Aufrufsystem.');
  return Number(row.version);
}

const today = (now: Date) => isoDateInTimeZone(now, TOWN_TIME_ZONE);

/** A walk-in number for `group`, or (with `appointment`) a check-in ordered by the appointment's start. */
export function issueTicket(db: Database, input: NewTicket): Promise<IssuedTicket> {
  return db.transaction((tx) => insertTicket(tx, input));
}

interface NewTicket {
  officeId: string;
  group: string;
  now: Date;
  appointment?: { id: string; startsAt: Date };
}

async function insertTicket(tx: Queryable, input: NewTicket): Promise<IssuedTicket> {
  const { officeId, group, now } = input;
  // The version lock first: numbers of one office are handed out one after another. The new row
  // is locked by no one else, so this does not break the lock order.
  const version = await bumpVersion(tx, officeId);
  const [known] = await tx.query(`SELECT 1 FROM queue_groups WHERE office_id = $1 AND code = $2`, [officeId, group]);
  if (!known) {
    throw new ProblemError('validation', `Die Gruppe „${group}“ gibt es hier nicht.`, {
      errors: [{ field: 'group', code: 'unknown', message: 'Unbekannte Gruppe' }],
    });
  }
  const day = today(now);
  const [next] = await tx.query<{ seq: number }>(
    `SELECT coalesce(max(seq), 0) + 1 AS seq FROM queue_tickets WHERE office_id = $1 AND service_day = $2 AND group_code = $3`,
    [officeId, day, group],
  );
  if (next!.seq > 9999) throw new ProblemError('conflict', 'Für heute sind in dieser Gruppe keine Nummern mehr frei.');
  const code = newTicketCode();
  const sortAt = input.appointment ? input.appointment.startsAt : now;
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO queue_tickets (office_id, group_code, service_day, seq, code_hash, status, issued_at, sort_at, appointment_id)
     VALUES ($1, $2, $3, $4, $5, 'waiting', $6, $7, $8) RETURNING id::text AS id`,
    [officeId, group, day, next!.seq, ticketCodeHash(code), now.toISOString(), sortAt.toISOString(), input.appointment?.id ?? null],
  );
  return { id: row!.id, number: ticketNumber(group, next!.seq), code, version };
}

/**
 * Check-in with an appointment's management token: the appointment must be confirmed, at this
 * office and today. A second check-in of the same appointment gives the same number with a new
 * code (the old link stops working), as long as it has not been called yet.
 */
export function checkInAppointment(db: Database, input: { officeId: string; tokenHash: string; now: Date }): Promise<IssuedTicket> {
  const { officeId, now } = input;
  return db.transaction(async (tx) => {
    // The appointment's row lock makes two check-ins at once (a double tap, two instances) wait
    // for each other, so the second finds the first one's number instead of drawing another.
    const [appointment] = await tx.query<{ id: string; office_id: string; starts_at: Date; status: string }>(
      `SELECT id::text AS id, office_id, starts_at, status FROM appointments WHERE management_token_hash = $1 FOR UPDATE`,
      [input.tokenHash],
    );
    if (!appointment || appointment.status !== 'confirmed') throw new ProblemError('not_found', 'Zu diesem Link gibt es keinen bestätigten Termin.');
    if (appointment.office_id !== officeId) throw new ProblemError('conflict', 'Dieser Termin ist bei einem anderen Amt.');
    if (today(new Date(appointment.starts_at)) !== today(now)) throw new ProblemError('conflict', 'Einchecken geht nur am Tag des Termins.');
    const [group] = await tx.query<{ code: string }>(`SELECT code FROM queue_groups WHERE office_id = $1 AND for_appointments`, [officeId]);
    if (!group) throw new ProblemError('conflict', 'Dieses Amt nimmt keine Termine über das Aufrufsystem an.');

    const [existing] = await tx.query<{ id: string; group_code: string; seq: number; status: TicketStatus }>(
      `SELECT id::text AS id, group_code, seq, status FROM queue_tickets WHERE appointment_id = $1 FOR UPDATE`,
      [appointment.id],
    );
    if (!existing) return insertTicket(tx, { officeId, group: group.code, now, appointment: { id: appointment.id, startsAt: new Date(appointment.starts_at) } });
    if (existing.status !== 'waiting') throw new ProblemError('conflict', 'Sie wurden zu diesem Termin schon aufgerufen.');
    const code = newTicketCode();
    await tx.query(`UPDATE queue_tickets SET code_hash = $2 WHERE id = $1`, [existing.id, ticketCodeHash(code)]);
    const version = await bumpVersion(tx, officeId);
    return { id: existing.id, number: ticketNumber(existing.group_code, existing.seq), code, version };
  });
}

export interface CallResult {
  /** Undefined when nobody was waiting in the counter's groups. */
  called?: { id: string; number: string };
  /** The ticket the counter had before, now done. */
  finished?: string;
  version: number;
}

/** Locks the counter for the rest of the transaction: one change at a time per desk, across instances. */
async function lockCounter(tx: Queryable, officeId: string, counter: number) {
  const [row] = await tx.query<{ groups: string[] }>(`SELECT groups FROM queue_counters WHERE office_id = $1 AND number = $2 FOR UPDATE`, [
    officeId,
    counter,
  ]);
  if (!row) throw new ProblemError('not_found', `Platz ${counter} gibt es hier nicht.`);
  return row;
}

/**
 * The counter's current ticket (called or serving) is done; the first waiting ticket of its
 * groups (or of `groups`) is called: higher group priority first, then sort time, then number.
 * With `current` (the number the desk shows, null for none) nothing changes unless the counter
 * still has that number: a double-click then calls one number, not two in a row.
 */
export async function callNext(
  db: Database,
  input: { officeId: string; counter: number; groups?: string[]; current?: string | null; now: Date },
): Promise<CallResult> {
  const { officeId, counter, now } = input;
  return db.transaction(async (tx) => {
    const row = await lockCounter(tx, officeId, counter);
    const groups = input.groups?.length ? input.groups : row.groups;
    const [finished] = await tx.query<{ group_code: string; seq: number }>(
      `UPDATE queue_tickets SET status = 'done', finished_at = $3
        WHERE office_id = $1 AND counter = $2 AND status IN ('called', 'serving') AND service_day = $4
        RETURNING group_code, seq`,
      [officeId, counter, now.toISOString(), today(now)],
    );
    const current = finished ? ticketNumber(finished.group_code, finished.seq) : null;
    if (input.current !== undefined && input.current !== current) {
      throw new ProblemError('conflict', `An Platz ${counter} ist inzwischen ${current ?? 'keine Nummer'} aufgerufen, nicht ${input.current ?? 'keine'}.`);
    }
    const [next] = await tx.query<{ id: string; group_code: string; seq: number }>(
      `SELECT t.id::text AS id, t.group_code, t.seq
         FROM queue_tickets t JOIN queue_groups g ON g.office_id = t.office_id AND g.code = t.group_code
        WHERE t.office_id = $1 AND t.service_day = $2 AND t.status = 'waiting' AND t.group_code = ANY($3::text[])
        ORDER BY g.priority DESC, t.sort_at, t.id
        LIMIT 1
        FOR UPDATE OF t SKIP LOCKED`,
      [officeId, today(now), groups],
    );
    if (next) {
      await tx.query(`UPDATE queue_tickets SET status = 'called', counter = $2, called_at = $3, call_count = 1 WHERE id = $1`, [
        next.id,
        counter,
        now.toISOString(),
      ]);
    }
    const version = await bumpVersion(tx, officeId);
    if (next) {
      await tx.query(`INSERT INTO queue_calls (office_id, ticket_id, counter, called_at, recall, version) VALUES ($1, $2, $3, $4, false, $5)`, [
        officeId,
        next.id,
        counter,
        now.toISOString(),
        version,
      ]);
    }
    return {
      ...(next ? { called: { id: next.id, number: ticketNumber(next.group_code, next.seq) } } : {}),
      ...(current ? { finished: current } : {}),
      version,
    };
  });
}

/** Calls the counter's current (called, not yet serving) ticket again. */
export async function recall(db: Database, input: { officeId: string; counter: number; now: Date }): Promise<CallResult> {
  const { officeId, counter, now } = input;
  return db.transaction(async (tx) => {
    await lockCounter(tx, officeId, counter);
    const [ticket] = await tx.query<{ id: string; group_code: string; seq: number }>(
      `UPDATE queue_tickets SET call_count = call_count + 1
        WHERE office_id = $1 AND counter = $2 AND status = 'called' AND service_day = $3
        RETURNING id::text AS id, group_code, seq`,
      [officeId, counter, today(now)],
    );
    if (!ticket) throw new ProblemError('conflict', `An Platz ${counter} ist gerade niemand aufgerufen.`);
    const version = await bumpVersion(tx, officeId);
    await tx.query(`INSERT INTO queue_calls (office_id, ticket_id, counter, called_at, recall, version) VALUES ($1, $2, $3, $4, true, $5)`, [
      officeId,
      ticket.id,
      counter,
      now.toISOString(),
      version,
    ]);
    return { called: { id: ticket.id, number: ticketNumber(ticket.group_code, ticket.seq) }, version };
  });
}

const TRANSITIONS = {
  serving: { from: ['called'], set: 'serving_at' },
  done: { from: ['called', 'serving'], set: 'finished_at' },
  no_show: { from: ['waiting', 'called'], set: 'finished_at' },
} as const;

/** Moves today's ticket `number` on: start serving, done, or no-show. */
export async function moveTicket(
  db: Database,
  input: { officeId: string; number: string; to: keyof typeof TRANSITIONS; now: Date },
): Promise<{ number: string; status: TicketStatus; version: number }> {
  const { officeId, number, to, now } = input;
  const parsed = parseTicketNumber(number)!;
  const transition = TRANSITIONS[to];
  return db.transaction(async (tx) => {
    const [ticket] = await tx.query<{ id: string; status: TicketStatus }>(
      `SELECT id::text AS id, status FROM queue_tickets WHERE office_id = $1 AND service_day = $2 AND group_code = $3 AND seq = $4 FOR UPDATE`,
      [officeId, today(now), parsed.group, parsed.seq],
    );
    if (!ticket) throw new ProblemError('not_found', `Die Nummer ${number} gibt es heute nicht.`);
    if (!(transition.from as readonly string[]).includes(ticket.status)) {
      throw new ProblemError('conflict', `Die Nummer ${number} ist im Zustand „${ticket.status}“.`);
    }
    // Column name from the fixed table above, never from input.
    await tx.query(`UPDATE queue_tickets SET status = $2, ${transition.set} = $3 WHERE id = $1`, [ticket.id, to, now.toISOString()]);
    const version = await bumpVersion(tx, officeId);
    return { number, status: to, version };
  });
}

/** The office's queue now; 404 when the office has no call system. */
export async function requireSnapshot(db: Queryable, officeId: string, now: Date): Promise<QueueSnapshot> {
  const snapshot = await loadSnapshot(db, officeId, now);
  if (!snapshot) throw new ProblemError('not_found', `Das Amt „${officeId}“ hat kein Aufrufsystem.`);
  return snapshot;
}

/** Today's ticket `number`, for the holder of its `code` only. */
export function ownTicket(snapshot: QueueSnapshot, number: string, code: string): TicketRow {
  const ticket = findTicket(snapshot, number);
  // Same answer for an unknown number and a wrong code: the endpoint tells nothing about either.
  if (!ticket || ticket.code_hash !== ticketCodeHash(code)) {
    throw new ProblemError('not_found', 'Diese Wartenummer gibt es heute nicht, oder der Code passt nicht dazu.');
  }
  return ticket;
}
