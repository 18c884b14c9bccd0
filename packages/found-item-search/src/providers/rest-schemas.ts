import { s } from '@muni-widgets/core';

/**
 * Response shapes of the open widget API's lost-and-found endpoints (see /api/openapi.json).
 * `s.object` keeps only the fields named here: anything else a backend sends, a held-back
 * detail included, is dropped before the widget sees the answer.
 */
const status = s.literal('open', 'claimed', 'handed_over', 'closed');

export const foundItem = s.object({
  reference: s.string,
  category: s.string,
  categoryName: s.string,
  colour: s.optional(s.string),
  colourName: s.optional(s.string),
  brand: s.optional(s.string),
  description: s.string,
  foundOn: s.string,
  foundPlace: s.string,
  status,
  keptUntil: s.string,
});

export const searchPage = s.object({
  items: s.array(foundItem),
  total: s.integer,
  page: s.integer,
  pageSize: s.integer,
  pageCount: s.integer,
});

export const categories = s.object({ categories: s.array(s.object({ id: s.string, name: s.string, openCount: s.integer })) });

export const colours = s.object({ colours: s.array(s.object({ id: s.string, name: s.string })) });

const interval = s.object({ opens: s.string, closes: s.string });

export const pickupInfo = s.object({
  office: s.object({
    id: s.string,
    name: s.string,
    address: s.object({ building: s.string, street: s.string, postalCode: s.string, city: s.string, room: s.optional(s.string) }),
    phone: s.string,
    email: s.string,
    openingHours: s.array(s.object({ weekday: s.integer, intervals: s.array(interval) })),
  }),
  requiredDocuments: s.array(s.string),
  fees: s.array(
    s.object({
      id: s.string,
      label: s.string,
      amountCents: s.optional(s.integer),
      minCents: s.optional(s.integer),
      maxCents: s.optional(s.integer),
      note: s.optional(s.string),
      category: s.optional(s.string),
    }),
  ),
  retention: s.object({ months: s.integer, text: s.string }),
  finderReward: s.string,
  legalBasis: s.string,
});

export const claimReceipt = s.object({ reference: s.string, createdAt: s.isoDate, foundItem, pickup: pickupInfo });

export const lossReportReceipt = s.object({ reference: s.string, createdAt: s.isoDate, expiresAt: s.isoDate, matches: s.array(foundItem) });

const contact = s.object({ name: s.string, email: s.string, phone: s.optional(s.string) });

export const lossReport = s.object({
  reference: s.string,
  category: s.string,
  categoryName: s.string,
  description: s.string,
  colour: s.optional(s.string),
  colourName: s.optional(s.string),
  brand: s.optional(s.string),
  lostOn: s.string,
  lostPlace: s.string,
  contact,
  createdAt: s.isoDate,
  expiresAt: s.isoDate,
  matches: s.array(foundItem),
});
