import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PlatformError, type TransactionRequest } from '../src/payments/platform.js';
import { xbezahldiensteClient, type FetchLike } from '../src/payments/xbezahldienste-client.js';

const request: TransactionRequest = {
  requestId: '0b7d8f0e-6a43-4d2b-9f5e-2f4a1c3b5d6e',
  requestTimestamp: new Date('2026-03-02T09:00:00Z'),
  currency: 'EUR',
  amountCents: 1234,
  purpose: 'Hundesteuer 2026',
  description: 'Hundesteuer für das Jahr 2026',
  redirectUrl: 'https://www.musterstadt.example/steuer#muni-payment=x',
  items: [{ id: '1', reference: 'K-1', description: 'Hundesteuer', quantity: 1, totalNetCents: 1234, totalTaxCents: 0, taxRate: 0 }],
};

const transaction = (information: Record<string, unknown>) => ({
  paymentRequest: {},
  paymentInformation: {
    transactionUrl: 'https://pay.example/paymenttransaction/o/e/T-1',
    transactionId: 'T-1',
    status: 'INITIAL',
    transactionRedirectUrl: 'https://pay.example/paypage/T-1',
    ...information,
  },
});

function client(fetch: FetchLike, timeoutMs = 1000) {
  return xbezahldiensteClient({
    baseUrl: 'https://pay.example/api/',
    originatorId: 'musterstadt',
    endpointId: 'widgets',
    credentials: { user: 'stadt', password: 'geheim' },
    timeoutMs,
    fetch,
  });
}

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

async function rejectsWith(promise: Promise<unknown>, kind: string, message?: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof PlatformError, String(error));
    assert.equal(error.kind, kind);
    if (message) assert.match(error.message, message);
    return true;
  });
}

describe('XBezahldienste client', () => {
  it('posts a PaymentRequest in decimal euros to the originator and endpoint, with Basic credentials', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const platform = client(async (url, init) => {
      calls.push({ url, init });
      return jsonResponse(transaction({}), 201);
    });
    const info = await platform.createTransaction(request);
    assert.deepEqual(info, { transactionId: 'T-1', status: 'INITIAL', payUrl: 'https://pay.example/paypage/T-1' });
    assert.equal(calls[0]!.url, 'https://pay.example/api/paymenttransaction/musterstadt/widgets');
    assert.equal(calls[0]!.init.method, 'POST');
    const headers = calls[0]!.init.headers as Record<string, string>;
    assert.equal(headers['Authorization'], `Basic ${Buffer.from('stadt:geheim').toString('base64')}`);
    assert.equal(headers['Content-Type'], 'application/json');
    const body = JSON.parse(String(calls[0]!.init.body)) as Record<string, any>;
    assert.equal(body['requestId'], request.requestId);
    assert.equal(body['grosAmount'], 12.34);
    assert.equal(body['currency'], 'EUR');
    assert.equal(body['purpose'], 'Hundesteuer 2026');
    assert.equal(body['redirectUrl'], request.redirectUrl);
    assert.equal(body['requestTimestamp'], '2026-03-02T09:00:00.000Z');
    assert.deepEqual(body['items'], [
      {
        id: '1',
        reference: 'K-1',
        description: 'Hundesteuer',
        quantity: 1,
        taxRate: 0,
        singleNetAmount: 12.34,
        singleTaxAmount: 0,
        totalNetAmount: 12.34,
        totalTaxAmount: 0,
      },
    ]);
  });

  it('reads a paid transaction by its id', async () => {
    let url = '';
    const platform = client(async (u) => {
      url = u;
      return jsonResponse(
        transaction({
          status: 'PAYED',
          transactionRedirectUrl: undefined,
          transactionReference: 'KZ-2026-1',
          transactionTimestamp: '2026-03-02T09:05:00Z',
          paymentMethod: 'PAYPAL',
          paymentMethodDetail: 'PayPal',
        }),
      );
    });
    const info = await platform.getTransaction('T-1');
    assert.equal(url, 'https://pay.example/api/paymenttransaction/musterstadt/widgets/T-1');
    assert.equal(info.status, 'PAYED');
    assert.equal(info.transactionReference, 'KZ-2026-1');
    assert.equal(info.paymentMethod, 'PAYPAL');
    assert.equal(info.paymentMethodDetail, 'PayPal');
    assert.equal(info.transactionTimestamp?.toISOString(), '2026-03-02T09:05:00.000Z');
    assert.equal(info.payUrl, undefined);
  });

  it('gives up after the timeout, even when the fetch ignores the abort signal', async () => {
    const platform = client(() => new Promise<Response>(() => undefined), 50);
    await rejectsWith(platform.createTransaction(request), 'timeout');
  });

  it('tells unavailable (5xx, network) from rejected (4xx, malformed answers)', async () => {
    await rejectsWith(client(async () => new Response('oops', { status: 503 })).getTransaction('T-1'), 'unavailable');
    await rejectsWith(client(() => Promise.reject(new TypeError('fetch failed'))).getTransaction('T-1'), 'unavailable');
    await rejectsWith(
      client(async () => jsonResponse({ detail: 'purpose: zu lang' }, 400)).createTransaction(request),
      'rejected',
      /400: purpose: zu lang/,
    );
    await rejectsWith(client(async () => new Response('<html>', { status: 200 })).getTransaction('T-1'), 'rejected', /not JSON/);
    await rejectsWith(client(async () => jsonResponse({ foo: 1 })).getTransaction('T-1'), 'rejected', /paymentInformation/);
    await rejectsWith(client(async () => jsonResponse(transaction({ status: 'PAID' }))).getTransaction('T-1'), 'rejected', /unknown transaction status/);
    assert.equal(new PlatformError('timeout', 'x').retryable, true);
    assert.equal(new PlatformError('rejected', 'x').retryable, false);
  });

  it('ignores a pay page that is not an http(s) URL', async () => {
    const info = await client(async () => jsonResponse(transaction({ transactionRedirectUrl: 'javascript:alert(1)' }))).getTransaction('T-1');
    assert.equal(info.payUrl, undefined);
  });
});
