import { s, type Schema } from '@muni-widgets/core';
import type { ClaimReceipt, FoundItem, FoundItemCategory, FoundItemColour, LossReport, LossReportReceipt, PickupInfo, SearchPage } from '../provider.js';

/**
 * Response shapes of the open widget API's lost-and-found endpoints (see /api/openapi.json).
 * `s.object` keeps only the fields named here: anything else a backend sends, a held-back
 * detail included, is dropped before the widget sees the answer.
 */
const status = s.literal('open', 'claimed', 'handed_over', 'closed');

export const foundItem: Schema<FoundItem> = s.object({
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

export const searchPage: Schema<SearchPage> = s.object({
  items: s.array(foundItem),
  total: s.integer,
  page: s.integer,
  pageSize: s.integer,
  pageCount: s.integer,
});

export const categories: Schema<{ categories: FoundItemCategory[] }> = s.object({ categories: s.array(s.object({ id: s.string, name: s.string, openCount: s.integer })) });

export const colours: Schema<{ colours: FoundItemColour[] }> = s.object({ colours: s.array(s.object({ id: s.string, name: s.string })) });

const interval = s.object({ opens: s.string, closes: s.string });

export const pickupInfo: Schema<PickupInfo> = s.object({
  office: s.object({
    id: s.string,
    name: s.string,
    address: s.object({ building: s.string, street: s.string, postalCode: s.string, city: s.string, room: s.nullable(s.string) }),
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

export const claimReceipt: Schema<ClaimReceipt> = s.object({ reference: s.string, createdAt: s.isoDate, foundItem, pickup: pickupInfo });

export const lossReportReceipt: Schema<LossReportReceipt> = s.object({ reference: s.string, createdAt: s.isoDate, expiresAt: s.isoDate, matches: s.array(foundItem) });

const contact = s.object({ name: s.string, email: s.string, phone: s.optional(s.string) });

export const lossReport: Schema<LossReport> = s.object({
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
