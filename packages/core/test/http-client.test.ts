import { expect } from '@open-wc/testing';
import { HttpClient } from '../src/http/http-client.js';
import { ApiError, toApiError } from '../src/http/errors.js';
import { LatestOnly } from '../src/http/latest.js';
import * as s from '../src/http/schema.js';
import { hangingFetch, json, problem, scriptedFetch, whileOffline } from './fixtures.js';
import { apiFailure } from './api-failure.js';

const town = s.object({ name: s.string, population: s.optional(s.integer) });
const noWait = async () => {};


describe('HttpClient', () => {
  it('resolves paths and query against a relative base and sends no cookies', async () => {
    const { fetch, requests } = scriptedFetch(json({ name: 'Musterstadt' }));
    const client = new HttpClient({ baseUrl: '/api', fetch, locale: 'en' });
    const result = await client.get('v1/town', { schema: town, query: { q: 'a b', empty: '', none: undefined } });
    expect(result).to.deep.equal({ name: 'Musterstadt' });
    const url = new URL(requests[0]!.url);
    expect(url.pathname).to.equal('/api/v1/town');
    expect(url.search).to.equal('?q=a+b');
    expect(requests[0]!.credentials).to.equal('omit');
    expect(requests[0]!.headers.get('Accept-Language')).to.equal('en');
  });

  it('drops fields the schema does not name', async () => {
    const { fetch } = scriptedFetch(json({ name: 'Musterstadt', secret: 'x' }));
    const result = await new HttpClient({ baseUrl: '/api', fetch }).get('v1/town', { schema: town });
    expect(result).to.deep.equal({ name: 'Musterstadt' });
  });

  it('turns a body that is not JSON into a malformed error', async () => {
    const { fetch } = scriptedFetch(new Response('<html>Gateway</html>', { status: 200 }));
    const error = await apiFailure(new HttpClient({ baseUrl: '/api', fetch }).get('v1/town', { schema: town }));
    expect(error.kind).to.equal('malformed');
    expect(error.retryable).to.equal(true);
  });

  it('reads a file that is not JSON as text, with the same errors and retries as JSON', async () => {
    const xml = '<?xml version="1.0"?><nachricht/>';
    const { fetch, requests } = scriptedFetch(new Response('', { status: 503 }), new Response(xml, { headers: { 'Content-Type': 'application/xml' } }));
    const client = new HttpClient({ baseUrl: '/api', fetch, sleep: noWait });
    expect(await client.getText('feed/1.xml', { schema: s.string })).to.equal(xml);
    expect(requests.length).to.equal(2);
    expect(requests[1]!.headers.get('Accept')).to.equal('*/*');
    const missing = scriptedFetch(new Response('<html>Not found</html>', { status: 404 }));
    expect((await apiFailure(new HttpClient({ baseUrl: '/api', fetch: missing.fetch }).getText('feed/2.xml', { schema: s.string }))).kind).to.equal('not_found');
  });

  it('turns a body of the wrong shape into a malformed error naming the field', async () => {
    const { fetch } = scriptedFetch(json({ name: 42 }));
    const error = await apiFailure(new HttpClient({ baseUrl: '/api', fetch }).get('v1/town', { schema: town }));
    expect(error.kind).to.equal('malformed');
    expect(error.message).to.contain('name');
  });

  it('maps problem+json validation errors with their fields', async () => {
    const { fetch } = scriptedFetch(
      problem(400, { code: 'validation', detail: 'Ungültige Eingabe', errors: [{ field: 'email', code: 'invalid_email', message: 'Ungültig' }] }),
    );
    const error = await apiFailure(new HttpClient({ baseUrl: '/api', fetch }).post('v1/things', { email: 'x' }, { schema: s.nothing }));
    expect(error.kind).to.equal('validation');
    expect(error.status).to.equal(400);
    expect(error.code).to.equal('validation');
    expect(error.fieldErrors).to.deep.equal([{ field: 'email', code: 'invalid_email', message: 'Ungültig' }]);
    expect(error.retryable).to.equal(false);
  });

  it('survives an error page that is not problem+json', async () => {
    const { fetch } = scriptedFetch(new Response('<h1>404</h1>', { status: 404 }));
    const error = await apiFailure(new HttpClient({ baseUrl: '/api', fetch }).get('v1/x', { schema: s.nothing }));
    expect(error.kind).to.equal('not_found');
    expect(error.fieldErrors).to.deep.equal([]);
  });

  it('retries idempotent requests with backoff after server errors', async () => {
    const waits: number[] = [];
    const { fetch, requests } = scriptedFetch(problem(503, {}), new TypeError('Failed to fetch'), json({ name: 'Musterstadt' }));
    const client = new HttpClient({ baseUrl: '/api', fetch, backoffMs: 100, sleep: async (ms) => void waits.push(ms) });
    expect(await client.get('v1/town', { schema: town })).to.deep.equal({ name: 'Musterstadt' });
    expect(requests).to.have.length(3);
    expect(waits).to.have.length(2);
    expect(waits[1]!).to.be.greaterThan(waits[0]! / 3); // grows, with jitter
  });

  it('gives up after the configured retries', async () => {
    const { fetch, requests } = scriptedFetch(problem(500, {}));
    const error = await apiFailure(new HttpClient({ baseUrl: '/api', fetch, retries: 2, sleep: noWait }).get('v1/town', { schema: town }));
    expect(error.kind).to.equal('server');
    expect(requests).to.have.length(3);
  });

  it('honours Retry-After on 429', async () => {
    const waits: number[] = [];
    const limited = new Response('{}', { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '2' } });
    const { fetch } = scriptedFetch(limited, json({ name: 'M' }));
    await new HttpClient({ baseUrl: '/api', fetch, sleep: async (ms) => void waits.push(ms) }).get('v1/town', { schema: town });
    expect(waits).to.deep.equal([2000]);
  });

  it('does not repeat a 429 that says no Retry-After: a blind retry only prolongs the block', async () => {
    // ZMS's citizen API: 60 requests a minute per IP, the window restarting with every request.
    const limited = new Response('{"errors":[{"errorCode":"rateLimitExceeded","statusCode":429}]}', { status: 429, headers: { 'Content-Type': 'application/json' } });
    const { fetch, requests } = scriptedFetch(limited, json({ name: 'M' }));
    const error = await apiFailure(new HttpClient({ baseUrl: '/api', fetch, sleep: noWait }).get('v1/town', { schema: town }));
    expect(error.kind).to.equal('rate_limited');
    expect(requests).to.have.length(1);
  });

  it('never repeats a POST on its own, and sends an Idempotency-Key', async () => {
    const { fetch, requests } = scriptedFetch(problem(503, {}));
    const error = await apiFailure(new HttpClient({ baseUrl: '/api', fetch, sleep: noWait }).post('v1/bookings', { a: 1 }, { schema: s.nothing }));
    expect(error.kind).to.equal('server');
    expect(requests).to.have.length(1);
    expect(requests[0]!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(requests[0]!.headers.get('Content-Type')).to.equal('application/json');
    expect(await requests[0]!.json()).to.deep.equal({ a: 1 });
  });

  it('reuses a given Idempotency-Key so a citizen retry is the same request', async () => {
    const { fetch, requests } = scriptedFetch(json({}, 201));
    const client = new HttpClient({ baseUrl: '/api', fetch });
    await client.post('v1/payments', {}, { schema: s.object({}), idempotencyKey: 'key-123456789' });
    await client.post('v1/payments', {}, { schema: s.object({}), idempotencyKey: 'key-123456789' });
    expect(requests.map((r) => r.headers.get('Idempotency-Key'))).to.deep.equal(['key-123456789', 'key-123456789']);
  });

  it('times out a hanging request', async () => {
    const client = new HttpClient({ baseUrl: '/api', fetch: hangingFetch(), timeoutMs: 30, retries: 0 });
    const error = await apiFailure(client.get('v1/town', { schema: town }));
    expect(error.kind).to.equal('timeout');
    expect(error.retryable).to.equal(true);
  });

  it('is cancelled by its caller without retrying', async () => {
    const controller = new AbortController();
    const client = new HttpClient({ baseUrl: '/api', fetch: hangingFetch(), sleep: noWait });
    const pending = client.get('v1/town', { schema: town, signal: controller.signal });
    controller.abort();
    expect((await apiFailure(pending)).kind).to.equal('aborted');
  });

  it('lets a new search abort the stale one', async () => {
    const latest = new LatestOnly();
    const { fetch } = scriptedFetch(
      (req) => new Promise<Response>((resolve, reject) => {
        req.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        setTimeout(() => resolve(json({ name: new URL(req.url).searchParams.get('q') })), 50);
      }),
    );
    const client = new HttpClient({ baseUrl: '/api', fetch });
    const first = latest.run((signal) => client.get('v1/search', { schema: town, query: { q: 'Per' }, signal }));
    const second = latest.run((signal) => client.get('v1/search', { schema: town, query: { q: 'Perso' }, signal }));
    expect((await apiFailure(first)).kind).to.equal('aborted');
    expect(await second).to.deep.equal({ name: 'Perso' });
  });

  it('reports offline without sending anything', async () => {
    const { fetch, requests } = scriptedFetch(json({ name: 'M' }));
    const error = await whileOffline(() => apiFailure(new HttpClient({ baseUrl: '/api', fetch }).get('v1/town', { schema: town })));
    expect(error.kind).to.equal('offline');
    expect(requests).to.have.length(0);
  });

  it('maps a failing network to a retryable network error', async () => {
    const { fetch } = scriptedFetch(new TypeError('Failed to fetch'));
    const error = await apiFailure(new HttpClient({ baseUrl: '/api', fetch, retries: 0 }).get('v1/town', { schema: town }));
    expect(error.kind).to.equal('network');
    expect(error.messageKey).to.equal('errorNetwork');
  });

  it("names the likely causes of a network failure, with this page's origin, once per client", async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const { fetch } = scriptedFetch(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'));
      const client = new HttpClient({ baseUrl: 'https://termine.musterstadt.example/api', fetch, retries: 0 });
      await apiFailure(client.get('v1/town', { schema: town }));
      await apiFailure(client.get('v1/town', { schema: town }));
      expect(warnings).to.have.length(1);
      const text = String(warnings[0]![0]);
      expect(text).to.contain('https://termine.musterstadt.example/api');
      expect(text).to.contain(`${location.origin} not in CORS_ORIGINS?`);
      expect(text).to.contain('wrong backend-url?');
      expect(text).to.contain('server down?');
    } finally {
      console.warn = warn;
    }
  });
});

describe('toApiError', () => {
  it('turns anything thrown below a widget into a retryable unexpected error', () => {
    const error = toApiError(new TypeError('Failed to fetch dynamically imported module'));
    expect(error.kind).to.equal('unexpected');
    expect(error.retryable).to.equal(true);
    expect(error.messageKey).to.equal('errorUnknown');
    const api = new ApiError('conflict');
    expect(toApiError(api)).to.equal(api);
  });
});
