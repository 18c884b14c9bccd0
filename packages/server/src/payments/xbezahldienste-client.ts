/**
 * A `PaymentPlatform` over the XBezahldienste REST interface as ePayBL and other platforms offer
 * it:
 *
 *   POST {base}/paymenttransaction/{originatorId}/{endPointId}                  PaymentRequest -> PaymentTransaction
 *   GET  {base}/paymenttransaction/{originatorId}/{endPointId}/{transactionId}  -> PaymentTransaction
 *
 * A PaymentTransaction is `{ paymentRequest, paymentInformation }`; paymentInformation carries
 * transactionId, transactionUrl, transactionRedirectUrl (the pay page, while INITIAL), status,
 * transactionReference, transactionTimestamp, paymentMethod, paymentMethodDetail, statusDetail.
 * Amounts are decimal euros. The same client talks to the sandbox, so switching to a real
 * platform is configuration only.
 */
import {
  centsToAmount,
  PLATFORM_STATUSES,
  PlatformError,
  type PaymentPlatform,
  type PlatformStatus,
  type TransactionInfo,
  type TransactionRequest,
} from './platform.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface XBezahldiensteClientOptions {
  /** Up to, not including, `/paymenttransaction`. */
  baseUrl: string;
  originatorId: string;
  endpointId: string;
  /** HTTP Basic credentials, when the platform wants them. */
  credentials?: { user: string; password: string };
  timeoutMs: number;
  fetch?: FetchLike;
}

export function xbezahldiensteClient(options: XBezahldiensteClientOptions): PaymentPlatform {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const collection = `${options.baseUrl.replace(/\/+$/, '')}/paymenttransaction/${encodeURIComponent(options.originatorId)}/${encodeURIComponent(options.endpointId)}`;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.credentials) {
    headers['Authorization'] = `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`;
  }

  async function call(url: string, init: RequestInit): Promise<unknown> {
    // A timer of our own rather than AbortSignal.timeout(), whose timer does not keep the process
    // alive; raced against the exchange, so a fetch that ignores the signal (in-process) still ends.
    const controller = new AbortController();
    const { signal } = controller;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new PlatformError('timeout', `no answer within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
    });
    const exchange = (async () => {
      let response: Response;
      try {
        response = await doFetch(url, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) }, signal, redirect: 'manual' });
      } catch (error) {
        if (signal.aborted) throw new PlatformError('timeout', `no answer within ${options.timeoutMs} ms`);
        throw new PlatformError('unavailable', `request failed: ${error instanceof Error ? error.name : 'unknown'}`);
      }
      const text = await response.text();
      if (response.status >= 500) throw new PlatformError('unavailable', `platform answered ${response.status}`, response.status);
      if (response.status < 200 || response.status >= 300) {
        throw new PlatformError('rejected', `platform answered ${response.status}: ${platformMessage(text)}`, response.status);
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new PlatformError('rejected', 'platform answered with something that is not JSON', response.status);
      }
    })();
    exchange.catch(() => undefined);
    timedOut.catch(() => undefined);
    try {
      return await Promise.race([exchange, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async createTransaction(request) {
      const body = await call(collection, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(paymentRequestJson(request)),
      });
      return transactionInfo(body);
    },
    async getTransaction(transactionId) {
      return transactionInfo(await call(`${collection}/${encodeURIComponent(transactionId)}`, { method: 'GET' }));
    },
  };
}

/** The XBezahldienste PaymentRequest for our request. */
export function paymentRequestJson(request: TransactionRequest): Record<string, unknown> {
  return {
    requestId: request.requestId,
    requestTimestamp: request.requestTimestamp.toISOString(),
    currency: request.currency,
    grosAmount: centsToAmount(request.amountCents),
    purpose: request.purpose,
    ...(request.description ? { description: request.description } : {}),
    redirectUrl: request.redirectUrl,
    items: request.items.map((item) => ({
      id: item.id,
      reference: item.reference,
      description: item.description,
      quantity: item.quantity,
      taxRate: item.taxRate,
      singleNetAmount: centsToAmount(Math.round(item.totalNetCents / item.quantity)),
      singleTaxAmount: centsToAmount(Math.round(item.totalTaxCents / item.quantity)),
      totalNetAmount: centsToAmount(item.totalNetCents),
      totalTaxAmount: centsToAmount(item.totalTaxCents),
    })),
  };
}

/** Reads paymentInformation out of a PaymentTransaction, refusing anything that does not fit. */
export function transactionInfo(body: unknown): TransactionInfo {
  const information = isObject(body) && isObject(body['paymentInformation']) ? body['paymentInformation'] : undefined;
  if (!information) throw new PlatformError('rejected', 'answer without paymentInformation');
  const transactionId = text(information['transactionId'], 100);
  const status = information['status'];
  if (!transactionId) throw new PlatformError('rejected', 'answer without transactionId');
  if (typeof status !== 'string' || !(PLATFORM_STATUSES as readonly string[]).includes(status)) {
    throw new PlatformError('rejected', `unknown transaction status ${JSON.stringify(String(status).slice(0, 20))}`);
  }
  const payUrl = text(information['transactionRedirectUrl'], 2000);
  const timestamp = text(information['transactionTimestamp'], 40);
  const when = timestamp ? new Date(timestamp) : undefined;
  const info: TransactionInfo = { transactionId, status: status as PlatformStatus };
  if (payUrl && /^https?:\/\//.test(payUrl) && URL.canParse(payUrl)) info.payUrl = payUrl;
  const reference = text(information['transactionReference'], 100);
  if (reference) info.transactionReference = reference;
  if (when && !Number.isNaN(when.getTime())) info.transactionTimestamp = when;
  const method = text(information['paymentMethod'], 40);
  if (method) info.paymentMethod = method;
  const methodDetail = text(information['paymentMethodDetail'], 200);
  if (methodDetail) info.paymentMethodDetail = methodDetail;
  const statusDetail = text(information['statusDetail'], 200);
  if (statusDetail) info.statusDetail = statusDetail;
  return info;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;
}

/** The platform's error text, short and on one line (problem+json `detail`, `message`, or the body). */
function platformMessage(body: string): string {
  let message = body;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (isObject(parsed)) {
      const candidate = parsed['detail'] ?? parsed['message'] ?? parsed['error'];
      if (typeof candidate === 'string') message = candidate;
    }
  } catch {
    // not JSON: the text itself
  }
  return message.replace(/\s+/g, ' ').trim().slice(0, 300) || '(no message)';
}
