import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { App } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { PAGE_STYLESHEET_PATH } from '../src/html/page.js';
import { json, testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

type Json = Record<string, any>;
const API = '/sandbox/xbezahldienste/paymenttransaction/musterstadt/muni-widgets';
let counter = 0;

function paymentRequest(overrides: Json = {}): Json {
  return {
    requestId: `req-${process.pid}-${Date.now()}-${counter++}`,
    requestTimestamp: '2026-03-02T09:00:00Z',
    currency: 'EUR',
    grosAmount: 12.5,
    purpose: 'Parkausweis Anwohner',
    description: 'Bewohnerparkausweis Zone B, 12 Monate',
    redirectUrl: 'https://www.musterstadt.example/parken?x=1',
    items: [{ id: '1', reference: 'K-77', description: 'Parkausweis', quantity: 1, taxRate: 0, totalNetAmount: 12.5, totalTaxAmount: 0 }],
    ...overrides,
  };
}

const payPath = (info: Json) => new URL(info.transactionRedirectUrl).pathname;

function open(app: App, request: Json, path = API) {
  return app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
}

describeForEachStore('payment sandbox', (store) => {
  let db: Database;
  let app: App;
  before(async () => {
    db = await store.openReady();
    app = testApp(db);
  });

  it('speaks XBezahldienste: open a transaction, read it back, a repeated requestId gets the same one', async () => {
    const request = paymentRequest();
    const opened = await open(app, request);
    assert.equal(opened.status, 201);
    const transaction = await json<Json>(opened);
    const info = transaction['paymentInformation'];
    assert.equal(info.status, 'INITIAL');
    assert.match(info.transactionId, /^sbx-/);
    assert.match(info.transactionRedirectUrl, new RegExp(`^http://localhost/sandbox/pay/${info.transactionId}/[0-9a-f-]{36}$`));
    assert.equal(info.transactionUrl, `http://localhost${API}/${info.transactionId}`);
    assert.equal(transaction['paymentRequest'].requestId, request['requestId']);

    const again = await open(app, request);
    assert.equal(again.status, 200);
    assert.equal((await json<Json>(again))['paymentInformation'].transactionId, info.transactionId);

    const read = await app.request(`${API}/${info.transactionId}`);
    assert.equal(read.status, 200);
    assert.equal((await json<Json>(read))['paymentInformation'].status, 'INITIAL');
    // Another originator does not see it.
    assert.equal((await app.request(`/sandbox/xbezahldienste/paymenttransaction/andere-stadt/muni-widgets/${info.transactionId}`)).status, 404);
    assert.equal((await app.request(`${API}/sbx-unknown`)).status, 404);
  });

  it('enforces the XBezahldienste limits with 400 problems', async () => {
    const item = (amount: number) => ({ quantity: 1, totalNetAmount: amount, totalTaxAmount: 0 });
    const cases: Array<[string, Json]> = [
      ['requestId longer than 36', paymentRequest({ requestId: 'r'.repeat(37) })],
      ['purpose longer than 27', paymentRequest({ purpose: 'p'.repeat(28) })],
      ['purpose with characters outside the set', paymentRequest({ purpose: 'Gebühr & Co' })],
      ['description longer than 250', paymentRequest({ description: 'd'.repeat(251) })],
      ['no items', paymentRequest({ items: [] })],
      ['100 items', paymentRequest({ grosAmount: 100, items: Array.from({ length: 100 }, () => item(1)) })],
      ['grosAmount not the sum', paymentRequest({ grosAmount: 13 })],
      ['fractions of cents', paymentRequest({ grosAmount: 12.505, items: [item(12.505)] })],
      ['currency', paymentRequest({ currency: 'USD' })],
      ['redirectUrl not http(s)', paymentRequest({ redirectUrl: 'javascript:alert(1)' })],
    ];
    for (const [what, request] of cases) {
      const answer = await open(app, request);
      assert.equal(answer.status, 400, what);
      assert.match(answer.headers.get('Content-Type') ?? '', /application\/problem\+json/, what);
    }
    const ninetyNine = await open(app, paymentRequest({ grosAmount: 99, items: Array.from({ length: 99 }, () => item(1)) }));
    assert.equal(ninetyNine.status, 201, '99 items are fine');
  });

  it('renders an accessible pay page without script or inline style, under a strict CSP', async () => {
    const info = (await json<Json>(await open(app, paymentRequest())))['paymentInformation'];
    const response = await app.request(payPath(info));
    assert.equal(response.status, 200);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /form-action 'self' https:\/\/www\.musterstadt\.example(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|script-src/);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const html = await response.text();
    assert.match(html, /^<!doctype html>\n<html lang="de">/);
    assert.doesNotMatch(html, /<script|<style|\sstyle=|\son\w+=/i);
    assert.ok(html.includes(`<link rel="stylesheet" href="${PAGE_STYLESHEET_PATH}">`));
    assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1);
    assert.ok(html.includes('12,50\u00a0€'));
    assert.ok(html.includes(`<form method="post" action="${payPath(info)}">`));
    assert.ok(html.includes('<legend>Zahlungsart</legend>'));
    const radios = [...html.matchAll(/<input type="radio" id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(radios.length, 5);
    for (const id of radios) assert.ok(html.includes(`<label for="${id}">`), `${id} is labelled`);
    for (const label of ['Kreditkarte', 'PayPal', 'SEPA-Lastschrift', 'Giropay']) assert.ok(html.includes(`>${label}</label>`), label);
    for (const button of ['Bezahlen', 'Zahlung fehlschlagen lassen', 'Abbrechen']) assert.ok(html.includes(`>${button}</button>`), button);
    // The stylesheet shows focus on the form's controls.
    assert.match(await (await app.request(PAGE_STYLESHEET_PATH)).text(), /button:focus-visible/);
  });

  it('asks again for a payment method, and then redirects with 303 to the redirectUrl', async () => {
    const request = paymentRequest();
    const info = (await json<Json>(await open(app, request)))['paymentInformation'];
    const post = (fields: Record<string, string>, path = payPath(info)) =>
      app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const missing = await post({ action: 'pay' });
    assert.equal(missing.status, 400);
    const page = await missing.text();
    assert.match(page, /role="alert">Bitte wählen Sie eine Zahlungsart\.</);
    assert.match(page, /<fieldset aria-describedby="method-error">/);
    assert.equal((await post({ action: 'steal' })).status, 400);

    const paid = await post({ action: 'pay', method: 'CREDITCARD' });
    assert.equal(paid.status, 303);
    assert.equal(paid.headers.get('Location'), request['redirectUrl']);
    const after = (await json<Json>(await app.request(`${API}/${info.transactionId}`)))['paymentInformation'];
    assert.equal(after.status, 'PAYED');
    assert.equal(after.paymentMethod, 'CREDITCARD');
    assert.equal(after.transactionRedirectUrl, undefined);
    assert.ok(after.transactionTimestamp);
    const closed = await (await app.request(payPath(info))).text();
    assert.match(closed, /bereits bezahlt/);
    assert.ok(!closed.includes('<form'));
  });

  it('opens the pay page only with its token: the transaction id alone can neither pay nor cancel', async () => {
    const info = (await json<Json>(await open(app, paymentRequest())))['paymentInformation'];
    const cancel = (path: string) =>
      app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'action=cancel' });
    const wrongToken = payPath(info).replace(/[0-9a-f]$/, (d: string) => (d === '0' ? '1' : '0'));
    for (const path of [`/sandbox/pay/${info.transactionId}`, wrongToken, `${payPath(info)}x`]) {
      assert.equal((await app.request(path)).status, 404, path);
      assert.equal((await cancel(path)).status, 404, path);
    }
    assert.equal((await json<Json>(await app.request(`${API}/${info.transactionId}`)))['paymentInformation'].status, 'INITIAL');
    assert.equal((await cancel(payPath(info))).status, 303);
    assert.equal((await json<Json>(await app.request(`${API}/${info.transactionId}`)))['paymentInformation'].status, 'CANCELED');
  });

  it('is not part of the widget API document', async () => {
    const document = await json<Json>(await app.request('/api/openapi.json'));
    assert.ok(Object.keys(document['paths']).every((path) => !path.includes('sandbox')));
    assert.ok(document['paths']['/api/v1/payments']);
  });
});
