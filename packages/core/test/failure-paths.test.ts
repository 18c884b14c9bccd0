import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { HttpClient, type HttpClientOptions } from '../src/http/http-client.js';
import { ApiError, errorMessage, offersRetry, type ApiErrorKind } from '../src/http/errors.js';
import { BackendCalls } from '../src/controllers/backend-calls.js';
import { coreMessages } from '../src/i18n/core-messages.js';
import { translator } from '../src/i18n/translate.js';
import { defineElement } from '../src/define-element.js';
import * as s from '../src/http/schema.js';
import { hangingFetch, json, problem, scriptedFetch } from './fixtures.js';
import { apiFailure } from './api-failure.js';

const de = translator(coreMessages, 'de');
const town = s.object({ name: s.string });
const waits: number[] = [];
const recordWait = async (ms: number) => void waits.push(ms);

/** A load at start and a typed field, the shape of every widget's first screen. */
class LoadProbe extends LitElement {
  calls = new BackendCalls(this);
  fetchImpl: typeof fetch = fetch;
  limits: Partial<HttpClientOptions> = {};
  @state() name: string | undefined;
  @state() typed = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const client = new HttpClient({ baseUrl: '/api', fetch: (i, init) => this.fetchImpl(i, init), sleep: recordWait, ...this.limits });
    await this.calls.run(async () => void (this.name = (await client.get('v1/town', { schema: town })).name), () => this.load(), 'load');
  }

  protected override render(): TemplateResult {
    return html`<input aria-label="Name" .value=${this.typed} @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)} />
      ${this.calls.renderError(de)} ${this.name ? html`<h2 tabindex="-1">${this.name}</h2>` : ''}`;
  }
}
defineElement('load-probe', LoadProbe);

const text = (status: number, body: string, type = 'text/html') => new Response(body, { status, headers: { 'Content-Type': type } });
const xss = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

/** Hostile and broken answers to a load, each with the German words the citizen must see. */
const mutations: Array<[string, () => Response | Error, RegExp]> = [
  ['wrong type', () => json({ name: 42 }), /unerwartete Antwort/],
  ['missing field', () => json({}), /unerwartete Antwort/],
  ['null body', () => json(null), /unerwartete Antwort/],
  ['array instead of object', () => json(Array.from({ length: 50_000 }, () => ({ name: 'x' }))), /unerwartete Antwort/],
  ['invalid JSON', () => text(200, '{"name": "Muster', 'application/json'), /unerwartete Antwort/],
  ['empty body', () => text(200, '', 'application/json'), /unerwartete Antwort/],
  ['HTML error page with 200', () => text(200, `<html><body>Wartung ${xss}</body></html>`), /unerwartete Antwort/],
  ['script in the problem detail', () => problem(400, { title: xss, detail: xss }), /konnten nicht geladen werden/],
  ['400 without problem+json', () => text(400, 'Bad Request'), /konnten nicht geladen werden/],
  ['404', () => problem(404, { title: 'Not Found' }), /konnten nicht geladen werden/],
  ['409', () => problem(409, { title: 'Conflict' }), /konnten nicht geladen werden/],
  ['500 HTML', () => text(500, `<h1>500</h1>${xss}`), /Fehler aufgetreten/],
  ['502 empty', () => text(502, ''), /Fehler aufgetreten/],
  ['429 Retry-After 99999999', () => new Response('', { status: 429, headers: { 'Retry-After': '99999999' } }), /ausgelastet.*später/],
  ['429 Retry-After garbage', () => new Response('', { status: 429, headers: { 'Retry-After': 'soon' } }), /Zu viele Anfragen/],
  ['503 Retry-After 600', () => new Response('', { status: 503, headers: { 'Retry-After': '600' } }), /ausgelastet.*ab \d\d:\d\d Uhr/],
  ['connection reset', () => new TypeError('Failed to fetch'), /nicht erreichbar/],
];

describe('failure paths: every failure has a way on', () => {
  let pageErrors: unknown[] = [];
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => pageErrors.push('reason' in e ? e.reason : e.error);
  beforeEach(() => {
    pageErrors = [];
    waits.length = 0;
    delete (window as unknown as Record<string, unknown>)['__pwned'];
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  });

  it('fails at once on a Retry-After beyond a few seconds, keeping the wait for the message', async () => {
    const { fetch, requests } = scriptedFetch(new Response('', { status: 429, headers: { 'Retry-After': '99999999' } }));
    const error = await apiFailure(new HttpClient({ baseUrl: '/api', fetch, sleep: recordWait }).get('v1/town', { schema: town }));
    expect(requests).to.have.length(1);
    expect(waits).to.deep.equal([]);
    expect(error.retryAfterMs).to.equal(99_999_999_000);
  });

  it('tells of a server that never answers once the call limit is spent, not after every attempt timed out', async () => {
    let hanging = true;
    let requests = 0;
    const el = document.createElement('load-probe') as LoadProbe;
    // Attempts may take 10 s each; the whole call only 50 ms: the limit, not the attempts, decides.
    el.limits = { timeoutMs: 10_000, callLimitMs: 50, retries: 2 };
    el.fetchImpl = (input, init) => (requests++, hanging ? hangingFetch()(input, init) : Promise.resolve(json({ name: 'Musterstadt' })));
    await fixture(html`<div>${el}</div>`);
    await until(() => el.calls.error !== undefined);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('[role=alert]')!.textContent).to.match(/Server antwortet nicht rechtzeitig/);
    expect(requests).to.equal(1);
    expect(waits, 'no backoff the limit could not afford').to.deep.equal([]);
    await expect(el).to.be.accessible();
    hanging = false;
    root.querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await until(() => el.name === 'Musterstadt');
  });

  it('does not sleep towards a retry that could not finish within the call limit', async () => {
    const { fetch, requests } = scriptedFetch(text(502, ''));
    const client = new HttpClient({ baseUrl: '/api', fetch, sleep: recordWait, backoffMs: 1_000, callLimitMs: 300 });
    expect((await apiFailure(client.get('v1/town', { schema: town }))).kind).to.equal('server');
    expect(requests).to.have.length(1);
    expect(waits).to.deep.equal([]);
  });

  it('reads Retry-After as an HTTP date too', async () => {
    const date = new Date(Date.now() + 10 * 60_000).toUTCString();
    const { fetch } = scriptedFetch(new Response('', { status: 503, headers: { 'Retry-After': date } }));
    const error = await apiFailure(new HttpClient({ baseUrl: '/api', fetch, sleep: recordWait }).get('v1/town', { schema: town }));
    expect(error.retryAfterMs).to.be.within(9 * 60_000, 10 * 60_000);
  });

  it('tells a failed load from a failed submit', () => {
    for (const kind of ['validation', 'not_found', 'conflict', 'http'] as const) {
      const error = new ApiError(kind);
      expect(errorMessage(de, error, 'load')).to.match(/konnten nicht geladen werden/);
      expect(offersRetry(error, 'load'), kind).to.equal(true);
      expect(offersRetry(error, 'submit'), kind).to.equal(false);
    }
    expect(errorMessage(de, new ApiError('validation'), 'submit')).to.equal('Bitte prüfen Sie Ihre Eingaben.');
    // A link to something gone: said so, and no retry that cannot help.
    expect(errorMessage(de, new ApiError('not_found'), 'lookup')).to.match(/nicht gefunden/);
    expect(offersRetry(new ApiError('not_found'), 'lookup')).to.equal(false);
    expect(offersRetry(new ApiError('validation'), 'lookup')).to.equal(true);
  });

  it('has a text of its own or the general one for every kind', () => {
    const kinds: ApiErrorKind[] = ['offline', 'network', 'timeout', 'aborted', 'malformed', 'validation', 'not_found', 'conflict', 'rate_limited', 'server', 'http', 'unexpected'];
    const keys = kinds.map((k) => new ApiError(k).messageKey);
    expect(keys).to.deep.equal([
      'errorOffline', 'errorNetwork', 'errorTimeout', 'errorUnknown', 'errorMalformed', 'errorValidation',
      'errorNotFound', 'errorConflict', 'errorRateLimited', 'errorServer', 'errorUnknown', 'errorUnknown',
    ]);
  });

  for (const [name, answer, message] of mutations) {
    it(`load answered by ${name}: German message, retry, input kept, nothing executed, recovery`, async () => {
      let broken = true;
      const el = document.createElement('load-probe') as LoadProbe;
      el.fetchImpl = async () => {
        if (!broken) return json({ name: 'Musterstadt' });
        const a = answer();
        if (a instanceof Error) throw a;
        return a;
      };
      await fixture(html`<div>${el}</div>`);
      await until(() => el.calls.error !== undefined);
      await el.updateComplete;
      const root = el.shadowRoot!;
      const alert = root.querySelector('[role=alert]')!;
      expect(alert.textContent).to.match(message);
      expect(root.querySelector('img, script')).to.equal(null);
      const input = root.querySelector('input')!;
      input.value = 'Erika';
      input.dispatchEvent(new Event('input'));
      await expect(el).to.be.accessible();
      broken = false;
      root.querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
      await until(() => el.name !== undefined);
      await until(() => root.activeElement !== null);
      expect(root.querySelector('h2')!.textContent).to.equal('Musterstadt');
      expect(document.activeElement, 'focus stays in the widget').to.equal(el);
      expect(input.value).to.equal('Erika');
      expect((window as unknown as Record<string, unknown>)['__pwned']).to.equal(undefined);
      expect(pageErrors).to.deep.equal([]);
    });
  }
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).to.equal(true);
}
