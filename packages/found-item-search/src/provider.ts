import type { BotChallenge, CallOptions, Contact } from '@muni-widgets/core';

export type { BotChallenge, CallOptions, Contact };

/**
 * The public face of a find, exactly the server's `FoundItem`. Held-back details (contents,
 * cash, serial numbers, names in documents, a brand the office keeps back) have no field here
 * on purpose: what is not in the model cannot reach the page.
 */
export interface FoundItem {
  /** The office's reference, "F-2026-00123". */
  reference: string;
  category: string;
  categoryName: string;
  colour?: string;
  colourName?: string;
  /** Only when the office made the brand public. */
  brand?: string;
  description: string;
  /** ISO date. */
  foundOn: string;
  foundPlace: string;
  /** open: can be claimed; claimed: owner known, waiting for pickup; handed_over, closed: gone. */
  status: 'open' | 'claimed' | 'handed_over' | 'closed';
  /** ISO date: kept at least until then (six months from the handing in, § 973 BGB). */
  keptUntil: string;
}

export interface FoundItemCategory {
  id: string;
  name: string;
  /** Open finds in this category. */
  openCount: number;
}

export interface FoundItemColour {
  id: string;
  name: string;
}

/** What the citizen filters by; every field optional, all of them AND-ed. */
export interface SearchFilters {
  /** Words in the public details; all must occur. */
  q?: string;
  category?: string;
  colour?: string;
  /** Found on or after (ISO date). */
  from?: string;
  /** Found on or before (ISO date). */
  to?: string;
  /** Words in the place where it was found. */
  place?: string;
}

export interface SearchPage {
  items: FoundItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export interface Interval {
  opens: string;
  closes: string;
}

export interface PickupOffice {
  id: string;
  name: string;
  address: { building: string; street: string; postalCode: string; city: string; room?: string };
  phone: string;
  email: string;
  /** ISO weekdays 1 (Monday) … 7; empty intervals: closed. */
  openingHours: { weekday: number; intervals: Interval[] }[];
}

/** One line of the town's fee table: a fixed amount, or a range with a note. */
export interface PickupFee {
  id: string;
  label: string;
  amountCents?: number;
  minCents?: number;
  maxCents?: number;
  note?: string;
  /** Applies only to this category. */
  category?: string;
}

export interface PickupInfo {
  office: PickupOffice;
  requiredDocuments: string[];
  fees: PickupFee[];
  retention: { months: number; text: string };
  finderReward: string;
  legalBasis: string;
}

/** "Das gehört mir". */
export interface ClaimRequest {
  contact: Contact;
  /** What only the owner knows (20–2000 characters). */
  identifyingFeatures: string;
  lostOn?: string;
  lostPlace?: string;
  consent: true;
  botProof?: string;
}

export interface ClaimReceipt {
  /** "A-2026-00042". */
  reference: string;
  createdAt: string;
  foundItem: FoundItem;
  pickup: PickupInfo;
}

export interface LossReportRequest {
  category: string;
  description: string;
  colour?: string;
  brand?: string;
  lostOn: string;
  lostPlace: string;
  contact: Contact;
  consent: true;
  /** The page with the widget: mail links lead back to it. */
  returnUrl: string;
  botProof?: string;
}

/** A loss report counts only once the link mailed to its address confirms it (double opt-in). */
export interface LossReportReceipt {
  /** "V-2026-00017". */
  reference: string;
  createdAt: string;
  /** Until then the confirmation link works; an unconfirmed report is deleted then. */
  expiresAt: string;
  /** Open finds that match now, best first. */
  matches: FoundItem[];
}

/** A loss report as its owner sees it through the link in the mail. */
export interface LossReport {
  reference: string;
  category: string;
  categoryName: string;
  description: string;
  colour?: string;
  colourName?: string;
  brand?: string;
  lostOn: string;
  lostPlace: string;
  contact: Contact;
  createdAt: string;
  expiresAt: string;
  matches: FoundItem[];
}

export interface CreateOptions extends CallOptions {
  /** The same key for a repeat of the same request, so a retry after a lost answer creates nothing twice. */
  idempotencyKey?: string;
}

/**
 * What `<muni-found-item-search>` needs from a lost-and-found backend. Failures reject with
 * core's `ApiError` (field complaints in `fieldErrors`), so the widget shows one message with a
 * retry for every source.
 */
export interface FoundItemProvider {
  categories(options?: CallOptions): Promise<FoundItemCategory[]>;
  colours(options?: CallOptions): Promise<FoundItemColour[]>;
  /** Open finds only, newest first (found date, then registration). */
  search(filters: SearchFilters, page: { page: number; pageSize: number }, options?: CallOptions): Promise<SearchPage>;
  /** One find in any status; `undefined` when there is none. */
  item(reference: string, options?: CallOptions): Promise<FoundItem | undefined>;
  pickupInfo(options?: CallOptions): Promise<PickupInfo>;
  /** Rejects with kind "conflict" when the find can no longer be claimed. */
  claim(reference: string, request: ClaimRequest, options?: CreateOptions): Promise<ClaimReceipt>;
  reportLoss(request: LossReportRequest, options?: CreateOptions): Promise<LossReportReceipt>;
  /** Confirms a report with the token from its first mail (`#muni-found-item=activate:<token>`); the token then manages it. Again: just shows it. */
  activateLossReport(token: string): Promise<LossReport>;
  /** Rejects with kind "not_found" when the report was deleted, has expired or was never confirmed. */
  lossReport(token: string, options?: CallOptions): Promise<LossReport>;
  renewLossReport(token: string): Promise<LossReport>;
  deleteLossReport(token: string): Promise<void>;
  /** The backend's proof-of-work challenge, when it asks for one before claims and loss reports. */
  botChallenge?(): Promise<BotChallenge>;
}
