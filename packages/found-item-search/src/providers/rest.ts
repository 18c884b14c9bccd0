import { ApiError, s, type BotChallenge, type HttpClient } from '@muni-widgets/core';
import type {
  CallOptions,
  ClaimReceipt,
  ClaimRequest,
  CreateOptions,
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
import * as schema from './rest-schemas.js';

const BASE = 'v1/found-items';

function signalOf(options?: CallOptions): { signal?: AbortSignal } {
  return options?.signal ? { signal: options.signal } : {};
}

function keyOf(options?: CreateOptions): { idempotencyKey?: string } {
  return options?.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {};
}

/**
 * The reference server's open widget API for lost and found (`/v1/found-items…`,
 * `/v1/loss-reports…`). Any backend implementing that part of the OpenAPI document works.
 */
export class RestFoundItemProvider implements FoundItemProvider {
  constructor(private readonly client: HttpClient) {}

  async categories(options?: CallOptions): Promise<FoundItemCategory[]> {
    return (await this.client.get(`${BASE}/categories`, { schema: schema.categories, ...signalOf(options) })).categories;
  }

  async colours(options?: CallOptions): Promise<FoundItemColour[]> {
    return (await this.client.get(`${BASE}/colours`, { schema: schema.colours, ...signalOf(options) })).colours;
  }

  search(filters: SearchFilters, page: { page: number; pageSize: number }, options?: CallOptions): Promise<SearchPage> {
    return this.client.get(BASE, { schema: schema.searchPage, query: { ...filters, ...page }, ...signalOf(options) });
  }

  async item(reference: string, options?: CallOptions): Promise<FoundItem | undefined> {
    try {
      return await this.client.get(`${BASE}/${encodeURIComponent(reference)}`, { schema: schema.foundItem, ...signalOf(options) });
    } catch (error) {
      // A malformed reference in an old link is a 400 here: to the citizen it is simply not there.
      if (error instanceof ApiError && (error.kind === 'not_found' || error.kind === 'validation')) return undefined;
      throw error;
    }
  }

  pickupInfo(options?: CallOptions): Promise<PickupInfo> {
    return this.client.get(`${BASE}/pickup-info`, { schema: schema.pickupInfo, ...signalOf(options) });
  }

  claim(reference: string, request: ClaimRequest, options?: CreateOptions): Promise<ClaimReceipt> {
    return this.client.post(`${BASE}/${encodeURIComponent(reference)}/claims`, request, { schema: schema.claimReceipt, ...keyOf(options), ...signalOf(options) });
  }

  reportLoss(request: LossReportRequest, options?: CreateOptions): Promise<LossReportReceipt> {
    return this.client.post('v1/loss-reports', request, { schema: schema.lossReportReceipt, ...keyOf(options), ...signalOf(options) });
  }

  activateLossReport(token: string): Promise<LossReport> {
    return this.client.post('v1/loss-reports/activate', { token }, { schema: schema.lossReport });
  }

  lossReport(token: string, options?: CallOptions): Promise<LossReport> {
    return this.client.get(`v1/loss-reports/manage/${encodeURIComponent(token)}`, { schema: schema.lossReport, ...signalOf(options) });
  }

  renewLossReport(token: string): Promise<LossReport> {
    return this.client.post(`v1/loss-reports/manage/${encodeURIComponent(token)}/renew`, {}, { schema: schema.lossReport });
  }

  async deleteLossReport(token: string): Promise<void> {
    await this.client.delete(`v1/loss-reports/manage/${encodeURIComponent(token)}`, { schema: s.nothing });
  }

  botChallenge(): Promise<BotChallenge> {
    return this.client.get('v1/bot-challenge', { schema: s.anyObject });
  }
}
