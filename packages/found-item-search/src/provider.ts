import type { BotChallenge, CallOptions, Contact, Wire } from '@muni-widgets/core';

export type { BotChallenge, CallOptions, Contact };

/**
 * The public face of a find, exactly the server's `FoundItem`. Held-back details (contents,
 * cash, serial numbers, names in documents, a brand the office keeps back) have no field there
 * on purpose: what is not in the model cannot reach the page. The colour is any id, not the
 * server's list of today, so a colour the office adds later does not break a widget.
 */
export type FoundItem = Omit<Wire<'FoundItem'>, 'colour'> & { colour?: string };

export type FoundItemCategory = Wire<'FoundItemCategory'>;

export type FoundItemColour = Omit<Wire<'FoundItemColour'>, 'id'> & { id: string };

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

export type SearchPage = Omit<Wire<'FoundItemPage'>, 'items'> & { items: FoundItem[] };

export type Interval = Wire<'TimeInterval'>;

export type PickupOffice = Pick<Wire<'Office'>, 'id' | 'name' | 'address' | 'phone' | 'email' | 'openingHours'>;

/** One line of the town's fee table: a fixed amount, or a range with a note. */
export type PickupFee = Wire<'FoundItemFee'>;

export type PickupInfo = Omit<Wire<'PickupInfo'>, 'office'> & { office: PickupOffice };

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

export type ClaimReceipt = Omit<Wire<'FoundItemClaimReceipt'>, 'foundItem' | 'pickup'> & { foundItem: FoundItem; pickup: PickupInfo };

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

/**
 * A loss report counts only once the link mailed to its address confirms it (double opt-in):
 * until `expiresAt` the confirmation link works; `matches` are open finds that match now, best first.
 */
export type LossReportReceipt = Omit<Wire<'LossReportReceipt'>, 'kind' | 'matches'> & { matches: FoundItem[] };

/** A loss report as its owner sees it through the link in the mail. */
export type LossReport = Omit<Wire<'LossReport'>, 'colour' | 'matches'> & { colour?: string; matches: FoundItem[] };

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
