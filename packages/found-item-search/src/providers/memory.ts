import { ApiError, dayInZone, routeLink, type FieldError } from '@muni-widgets/core';
import { foldLoosely } from '@muni-widgets/core/text';
import { queryWords, stem, words } from '../search-text.js';
import type {
  CallOptions,
  ClaimReceipt,
  ClaimRequest,
  FoundItem,
  FoundItemCategory,
  FoundItemColour,
  FoundItemProvider,
  LossReport,
  LossReportReceipt,
  LossReportRequest,
  PickupInfo,
  SearchFilters,
  SearchPage,
} from '../provider.js';

/** A find as the office records it; `brand` is public only with `brandPublic`, `heldBack` never leaves. */
export interface MemoryFind {
  reference: string;
  category: string;
  colour?: string;
  brand?: string;
  brandPublic?: boolean;
  description: string;
  foundOn: string;
  foundPlace: string;
  status?: FoundItem['status'];
  /** ISO instant of the handing in; default: noon of `foundOn`. Orders finds of one day, starts retention. */
  registeredAt?: string;
  /** Contents, serial numbers, names: ownership proof for the office, never in an answer. */
  heldBack?: Record<string, unknown>;
}

/** A mail the memory "office" would have sent: what a test or story reads instead of an inbox. */
export interface MemoryMail {
  kind: 'loss-report-activation' | 'loss-report-created' | 'match-found' | 'claim-received';
  to: string;
  /** The loss report's or claim's reference. */
  reference: string;
  /** `returnUrl#muni-found-item=activate:<token>`: the first mail of a loss report. */
  activateLink?: string;
  /** `returnUrl#muni-found-item=manage:<token>` for loss-report mails once it is confirmed. */
  manageLink?: string;
  /** `returnUrl#muni-found-item=item:<reference>` for a matching find. */
  itemLink?: string;
}

export interface MemoryFoundItemData {
  categories: { id: string; name: string }[];
  colours: FoundItemColour[];
  finds: MemoryFind[];
  pickup: PickupInfo;
  /** Days a loss report is kept unless renewed. Default 180 (six months). */
  retentionDays?: number;
  /** The clock; tests pin it. */
  now?: () => Date;
}

interface StoredReport extends Omit<LossReportRequest, 'consent' | 'botProof'> {
  reference: string;
  tokens: Set<string>;
  createdAt: Date;
  expiresAt: Date;
  /** Unset until the address confirmed the report: no matching, no mails, gone after PENDING_MS. */
  activatedAt?: Date;
  notified: Set<string>;
}

const DAY_MS = 86_400_000;
const PENDING_MS = 2 * DAY_MS;
const MIN_SCORE = 2;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

function invalid(field: string, message: string): ApiError {
  const errors: FieldError[] = [{ field, code: 'invalid', message }];
  return new ApiError('validation', { status: 400, problem: { status: 400, detail: message, code: 'validation', errors } });
}

function token(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The lost-and-found office in memory, with the reference server's public projection, search
 * and matching rule: for Storybook, tests, benchmarks and pages that try the widget without a
 * server. `registerFind` plays the office; `outbox` holds the mails it would have sent.
 */
export class MemoryFoundItemProvider implements FoundItemProvider {
  readonly outbox: MemoryMail[] = [];
  readonly claims: (ClaimRequest & { reference: string; foundItem: string })[] = [];
  private readonly finds: MemoryFind[];
  private readonly reports: StoredReport[] = [];
  private readonly counters = { F: 0, A: 0, V: 0 };
  /** Search text per find, folded once: searching 10,000 finds must not fold 10,000 strings per keystroke. */
  private readonly text = new WeakMap<MemoryFind, { all: string; place: string }>();

  constructor(private readonly data: MemoryFoundItemData) {
    this.finds = [...data.finds];
    this.sort();
  }

  private now(): Date {
    return this.data.now?.() ?? new Date();
  }

  private today(): string {
    return dayInZone(this.now());
  }

  private sort(): void {
    const key = (f: MemoryFind) => f.registeredAt ?? `${f.foundOn}T12:00:00Z`;
    this.finds.sort((a, b) => (a.foundOn === b.foundOn ? key(b).localeCompare(key(a)) : b.foundOn.localeCompare(a.foundOn)));
  }

  private categoryName(id: string): string {
    return this.data.categories.find((c) => c.id === id)?.name ?? id;
  }

  /** The only way a find leaves this provider: named public fields, copied. */
  private project(f: MemoryFind): FoundItem {
    const colourName = this.data.colours.find((c) => c.id === f.colour)?.name;
    const registeredOn = dayInZone(f.registeredAt ?? `${f.foundOn}T12:00:00Z`);
    return {
      reference: f.reference,
      category: f.category,
      categoryName: this.categoryName(f.category),
      ...(f.colour && colourName ? { colour: f.colour, colourName } : {}),
      ...(f.brand && f.brandPublic ? { brand: f.brand } : {}),
      description: f.description,
      foundOn: f.foundOn,
      foundPlace: f.foundPlace,
      status: f.status ?? 'open',
      keptUntil: addMonths(registeredOn, 6),
    };
  }

  private textOf(f: MemoryFind): { all: string; place: string } {
    let cached = this.text.get(f);
    if (!cached) {
      const colour = this.data.colours.find((c) => c.id === f.colour)?.name ?? '';
      const brand = f.brandPublic ? (f.brand ?? '') : '';
      cached = { all: foldLoosely([this.categoryName(f.category), colour, brand, f.description, f.foundPlace].join(' ')), place: foldLoosely(f.foundPlace) };
      this.text.set(f, cached);
    }
    return cached;
  }

  async categories(_options?: CallOptions): Promise<FoundItemCategory[]> {
    return this.data.categories.map((c) => ({ ...c, openCount: this.finds.filter((f) => f.category === c.id && (f.status ?? 'open') === 'open').length }));
  }

  async colours(_options?: CallOptions): Promise<FoundItemColour[]> {
    return this.data.colours.map((c) => ({ ...c }));
  }

  async search(filters: SearchFilters, page: { page: number; pageSize: number }, _options?: CallOptions): Promise<SearchPage> {
    if (filters.from && filters.to && filters.from > filters.to) throw invalid('to', '„bis“ darf nicht vor „von“ liegen.');
    const q = queryWords(filters.q);
    const place = queryWords(filters.place);
    const hits = this.finds.filter((f) => {
      if ((f.status ?? 'open') !== 'open') return false;
      if (filters.category && f.category !== filters.category) return false;
      if (filters.colour && f.colour !== filters.colour) return false;
      if (filters.from && f.foundOn < filters.from) return false;
      if (filters.to && f.foundOn > filters.to) return false;
      if (q.length === 0 && place.length === 0) return true;
      const text = this.textOf(f);
      return q.every((w) => text.all.includes(w)) && place.every((w) => text.place.includes(w));
    });
    const start = (page.page - 1) * page.pageSize;
    return {
      items: hits.slice(start, start + page.pageSize).map((f) => this.project(f)),
      total: hits.length,
      page: page.page,
      pageSize: page.pageSize,
      pageCount: Math.ceil(hits.length / page.pageSize),
    };
  }

  async item(reference: string, _options?: CallOptions): Promise<FoundItem | undefined> {
    const find = this.finds.find((f) => f.reference === reference);
    return find && this.project(find);
  }

  async pickupInfo(_options?: CallOptions): Promise<PickupInfo> {
    return structuredClone(this.data.pickup);
  }

  async claim(reference: string, request: ClaimRequest): Promise<ClaimReceipt> {
    const find = this.finds.find((f) => f.reference === reference);
    if (!find) throw new ApiError('not_found', { status: 404 });
    const features = request.identifyingFeatures.trim();
    if (features.length < 20) throw invalid('identifyingFeatures', 'Bitte mindestens 20 Zeichen.');
    if ((find.status ?? 'open') !== 'open') {
      throw new ApiError('conflict', { status: 409, problem: { status: 409, code: 'conflict', detail: 'Diese Fundsache kann nicht mehr angefragt werden.' } });
    }
    const claimReference = this.nextReference('A');
    this.claims.push({ ...structuredClone(request), reference: claimReference, foundItem: reference });
    this.outbox.push({ kind: 'claim-received', to: request.contact.email, reference: claimReference });
    return { reference: claimReference, createdAt: this.now().toISOString(), foundItem: this.project(find), pickup: structuredClone(this.data.pickup) };
  }

  async reportLoss(request: LossReportRequest): Promise<LossReportReceipt> {
    if (!this.data.categories.some((c) => c.id === request.category)) throw invalid('category', 'Diese Kategorie gibt es nicht.');
    if (request.description.trim().length < 10) throw invalid('description', 'Bitte mindestens 10 Zeichen.');
    const today = this.today();
    if (request.lostOn > today || request.lostOn < addDays(today, -365)) {
      throw invalid('lostOn', 'Das Verlustdatum darf nicht in der Zukunft liegen und höchstens ein Jahr zurückliegen.');
    }
    const { consent: _c, botProof: _b, ...rest } = structuredClone(request);
    const now = this.now();
    const report: StoredReport = {
      ...rest,
      reference: this.nextReference('V'),
      tokens: new Set([token()]),
      createdAt: now,
      expiresAt: new Date(now.getTime() + PENDING_MS),
      notified: new Set(),
    };
    this.reports.push(report);
    const matches = this.matchesFor(report);
    this.outbox.push({ kind: 'loss-report-activation', to: report.contact.email, reference: report.reference, activateLink: this.link(report.returnUrl, 'activate', [...report.tokens][0]!) });
    return { reference: report.reference, createdAt: now.toISOString(), expiresAt: report.expiresAt.toISOString(), matches };
  }

  async activateLossReport(token: string): Promise<LossReport> {
    const report = this.report(token, { pending: true });
    if (!report.activatedAt) {
      report.activatedAt = this.now();
      report.expiresAt = new Date(report.activatedAt.getTime() + (this.data.retentionDays ?? 180) * DAY_MS);
      this.outbox.push({ kind: 'loss-report-created', to: report.contact.email, reference: report.reference, manageLink: this.link(report.returnUrl, 'manage', token) });
    }
    return this.view(report);
  }

  async lossReport(token: string, _options?: CallOptions): Promise<LossReport> {
    return this.view(this.report(token));
  }

  async renewLossReport(token: string): Promise<LossReport> {
    const report = this.report(token);
    report.expiresAt = new Date(this.now().getTime() + (this.data.retentionDays ?? 180) * DAY_MS);
    return this.view(report);
  }

  async deleteLossReport(token: string): Promise<void> {
    this.reports.splice(this.reports.indexOf(this.report(token)), 1);
  }

  /**
   * The office registers a find: it is matched against every active loss report at once, and
   * each new match is "mailed" (see `outbox`) with a fresh management link.
   */
  registerFind(find: Omit<MemoryFind, 'reference'> & { reference?: string }): FoundItem {
    const stored: MemoryFind = { ...find, reference: find.reference ?? this.nextReference('F'), registeredAt: find.registeredAt ?? this.now().toISOString() };
    this.finds.push(stored);
    this.sort();
    const now = this.now().getTime();
    for (const report of this.reports) {
      if (!report.activatedAt || report.expiresAt.getTime() <= now || report.notified.has(stored.reference)) continue;
      if (!this.matchesFor(report).some((m) => m.reference === stored.reference)) continue;
      report.notified.add(stored.reference);
      const fresh = token();
      report.tokens.add(fresh);
      this.outbox.push({
        kind: 'match-found',
        to: report.contact.email,
        reference: report.reference,
        itemLink: this.link(report.returnUrl, 'item', stored.reference),
        manageLink: this.link(report.returnUrl, 'manage', fresh),
      });
    }
    return this.project(stored);
  }

  private link(returnUrl: string, action: 'item' | 'activate' | 'manage', value: string): string {
    return routeLink(returnUrl, 'muni-found-item', { kind: action, arg: value });
  }

  private nextReference(kind: 'F' | 'A' | 'V'): string {
    const year = this.today().slice(0, 4);
    let reference: string;
    do reference = `${kind}-${year}-${String(++this.counters[kind]).padStart(5, '0')}`;
    while (kind === 'F' && this.finds.some((f) => f.reference === reference));
    return reference;
  }

  private report(token: string, options: { pending?: boolean } = {}): StoredReport {
    const now = this.now().getTime();
    const report = this.reports.find((r) => r.tokens.has(token) && r.expiresAt.getTime() > now && (options.pending || r.activatedAt));
    if (!report) throw new ApiError('not_found', { status: 404 });
    return report;
  }

  private view(r: StoredReport): LossReport {
    const colourName = this.data.colours.find((c) => c.id === r.colour)?.name;
    return structuredClone({
      reference: r.reference,
      category: r.category,
      categoryName: this.categoryName(r.category),
      description: r.description,
      ...(r.colour && colourName ? { colour: r.colour, colourName } : {}),
      ...(r.brand ? { brand: r.brand } : {}),
      lostOn: r.lostOn,
      lostPlace: r.lostPlace,
      contact: r.contact,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      matches: this.matchesFor(r),
    });
  }

  /**
   * The server's rule on public details only: same category, found from one day before to 30
   * days after the loss, no contradicting colour; same colour +1, same brand +2, each report word
   * in the find's text +1 (at most 3); a match needs 2.
   */
  private matchesFor(report: Pick<LossReportRequest, 'category' | 'colour' | 'brand' | 'description' | 'lostOn'>): FoundItem[] {
    const earliest = addDays(report.lostOn, -1);
    const latest = addDays(report.lostOn, 30);
    const reportBrand = report.brand ? foldLoosely(report.brand) : '';
    const reportWords = words(`${report.description} ${report.brand ?? ''}`);
    return this.finds
      .filter((f) => (f.status ?? 'open') === 'open' && f.category === report.category && f.foundOn >= earliest && f.foundOn <= latest)
      .filter((f) => !report.colour || !f.colour || f.colour === report.colour)
      .map((f) => {
        const brand = f.brandPublic && f.brand ? foldLoosely(f.brand) : '';
        let score = report.colour && f.colour === report.colour ? 1 : 0;
        if (reportBrand && brand && (reportBrand.includes(brand) || brand.includes(reportBrand))) score += 2;
        const haystack = ` ${foldLoosely(`${f.description} ${f.brandPublic ? (f.brand ?? '') : ''}`)} `;
        score += Math.min(reportWords.filter((w) => haystack.includes(stem(w))).length, 3);
        return { f, score };
      })
      .filter((m) => m.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score)
      .slice(0, 20)
      .map((m) => this.project(m.f));
  }
}
