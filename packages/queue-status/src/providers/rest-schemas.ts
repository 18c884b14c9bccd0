import { s, type Schema } from '@muni-widgets/core';
import type { QueueCall, QueueState, QueueTicket } from '../provider.js';

/** The events of `GET /v1/queue/{officeId}/events` (see /api/openapi.json), checked before the widget trusts them. */
export const call: Schema<QueueCall> = s.object({
  ticket: s.string,
  group: s.string,
  counter: s.integer,
  counterName: s.string,
  calledAt: s.string,
  recall: s.boolean,
  version: s.integer,
});

const interval = s.object({ opens: s.string, closes: s.string });

export const state: Schema<QueueState> = s.object({
  officeId: s.string,
  officeName: s.string,
  version: s.integer,
  open: s.boolean,
  hours: s.object({ intervals: s.array(interval), note: s.optional(s.string) }),
  nextOpening: s.optional(s.object({ date: s.string, opens: s.string })),
  groups: s.array(s.object({ code: s.string, name: s.string, waiting: s.integer, estimatedWaitMinutes: s.integer })),
  calls: s.array(call),
});

export const ticket: Schema<QueueTicket> = s.object({
  number: s.string,
  groupName: s.optional(s.string),
  status: s.literal('waiting', 'called', 'serving', 'done', 'no_show'),
  ahead: s.optional(s.integer),
  estimatedWaitMinutes: s.optional(s.integer),
  counter: s.optional(s.integer),
  counterName: s.optional(s.string),
});
