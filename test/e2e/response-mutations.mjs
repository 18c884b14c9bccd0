// Hostile and broken backend answers, made from the reference server's real responses by a
// proxy in the browser (Playwright's route), and a runner that checks a widget's way on through
// each: no page error, nothing from data executed, a German message with a retry, typed input
// kept, and recovery once the backend answers again. Used by response-mutation.test.mjs (a
// representative set) and bench/response-mutation.mjs (every case, with timings).
import { openPage } from './harness.mjs';

/** Sets a global if any of it ever runs: as text, as markup, or as a link followed. */
const SCRIPT = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><a href="javascript:window.__pwned=1">x</a>';

function mapStrings(value, f) {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

function firstString(value, f, done = { yes: false }) {
  if (typeof value === 'string' && !done.yes) return (done.yes = true), f(value);
  if (Array.isArray(value)) return value.map((v) => firstString(v, f, done));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, firstString(v, f, done)]));
  return value;
}

function hugeArrays(value) {
  if (Array.isArray(value)) return value.length ? Array.from({ length: 10_000 }, (_, i) => value[i % value.length]) : value;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hugeArrays(v)]));
  return value;
}

const jsonAnswer = (body, status = 200, type = 'application/json', headers = {}) => ({
  status,
  headers: { 'content-type': type, ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** name → (real JSON body) → an answer: { status, headers, body } | 'reset' | 'hang' | { delayMs }. */
export const MUTATIONS = {
  'wrong types': (real) => jsonAnswer(mapStrings(real, () => 12345)),
  'missing fields': () => jsonAnswer({}),
  'null': () => jsonAnswer(null),
  'huge arrays': (real) => jsonAnswer(hugeArrays(real)),
  '1 MB string': (real) => jsonAnswer(firstString(real, () => 'A'.repeat(1_000_000))),
  'script in every text': (real) => jsonAnswer(mapStrings(real, (s) => `${s}${SCRIPT}`)),
  'script in every link': (real) => jsonAnswer(mapStrings(real, () => 'javascript:window.__pwned=1')),
  'invalid JSON': (real) => jsonAnswer(JSON.stringify(real).slice(0, -3)),
  'empty body': () => jsonAnswer(''),
  'HTML page with 200': () => jsonAnswer(`<!doctype html><title>Wartung</title><h1>Wartungsarbeiten</h1>${SCRIPT}`, 200, 'text/html'),
  'wrong content type': (real) => jsonAnswer(real, 200, 'text/html'),
  '400 problem+json': () => jsonAnswer({ status: 400, title: SCRIPT, detail: SCRIPT }, 400, 'application/problem+json'),
  '400 plain': () => jsonAnswer('Bad Request', 400, 'text/plain'),
  '404 HTML': () => jsonAnswer(`<h1>404</h1>${SCRIPT}`, 404, 'text/html'),
  '409 problem+json': () => jsonAnswer({ status: 409, title: 'Conflict', code: SCRIPT }, 409, 'application/problem+json'),
  '500 HTML': () => jsonAnswer(`<h1>Internal Server Error</h1>${SCRIPT}`, 500, 'text/html'),
  '502 empty': () => jsonAnswer('', 502, 'text/plain'),
  '503 problem+json': () => jsonAnswer({ status: 503, title: 'Unavailable' }, 503, 'application/problem+json'),
  '429 Retry-After 99999999': () => jsonAnswer('', 429, 'text/plain', { 'retry-after': '99999999' }),
  '429 Retry-After in 10 min (date)': () => jsonAnswer('', 429, 'text/plain', { 'retry-after': new Date(Date.now() + 600_000).toUTCString() }),
  '429 Retry-After garbage': () => jsonAnswer('', 429, 'text/plain', { 'retry-after': 'bald' }),
  '429 Retry-After 1': () => jsonAnswer('', 429, 'text/plain', { 'retry-after': '1' }),
  'connection reset': () => 'reset',
  'slow (3 s)': () => ({ delayMs: 3_000 }),
  'never answers': () => 'hang',
};

/** What the widget tests cover in CI for a widget's first call; the bench runs all of MUTATIONS. */
export const REPRESENTATIVE = ['script in every text', 'invalid JSON', '400 problem+json', '404 HTML', '429 Retry-After 99999999', 'connection reset'];
/** For the later calls, fewer per call: CI has 90 minutes for everything. */
export const REPRESENTATIVE_LATER = ['script in every text', '500 HTML', 'connection reset'];

const sse = (body) => ({ status: 200, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store' }, body });

/**
 * A Server-Sent Events stream's garbage, each ending the stream where it stops (a cut); `real` is
 * the queue's state as the server reports it on GET, for events of the right shape.
 */
export const SSE_MUTATIONS = {
  'malformed events': () => sse(`event: state\ndata: {"waiting": \n\nevent: call\ndata: null\n\nevent: ticket\ndata: ${SCRIPT}\n\nevent\n: comment\nretry: x\n\n`),
  'wrong types in events': (real) => sse(`event: state\ndata: ${JSON.stringify(mapStrings(real, () => 12345))}\n\n`),
  'script in every text': (real) => sse(`event: state\ndata: ${JSON.stringify(mapStrings(real, (s) => `${s}${SCRIPT}`))}\n\n`),
  'huge event (2 MB)': (real) => sse(`event: state\ndata: ${JSON.stringify({ ...real, junk: 'A'.repeat(2_000_000) })}\n\n`),
  'stream cut at once': () => sse(''),
  'HTML page instead of a stream': () => jsonAnswer(`<h1>Gateway</h1>${SCRIPT}`, 200, 'text/html'),
  '502 empty': () => jsonAnswer('', 502, 'text/plain'),
  'connection reset': () => 'reset',
  'never answers': () => 'hang',
};
export const REPRESENTATIVE_SSE = ['malformed events', 'huge event (2 MB)', 'stream cut at once'];

/** The cases CI runs for a call (`first`: a widget's first call, where most used to go wrong). */
export const representative = (spec) => (spec.sse ? REPRESENTATIVE_SSE : spec.first ? REPRESENTATIVE : REPRESENTATIVE_LATER);
/** Every case for a call, for the bench. */
export const allMutations = (spec) => Object.keys(spec.sse ? SSE_MUTATIONS : MUTATIONS);

const NAME = 'Erika Mustermann';
const fill = async (w, fields) => {
  for (const [selector, value] of Object.entries(fields)) await w.locator(selector).fill(value);
};
const isoDaysAgo = (days) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const picker = { widget: 'appointment-picker', page: 'termin.html', tag: 'muni-appointment-picker' };
const toCalendar = async (w) => {
  await w.locator('#services input[type=checkbox]').first().check();
  await w.locator('button[type=submit]').first().click();
};
const toTimes = async (w) => {
  await toCalendar(w);
  await w.locator('.calendar__day--free').first().click();
};
const toDetails = async (w) => {
  await toTimes(w);
  await w.locator('.time').first().click();
};
const toReview = async (w) => {
  await toDetails(w);
  await w.locator('#name').waitFor();
  await fill(w, { '#name': NAME, '#email': 'erika@example.org' });
  for (const field of await w.locator('[id^=field-]').all()) await field.fill((await field.getAttribute('type')) === 'date' ? '2024-05-01' : 'Paul');
  await w.locator('button[type=submit]').first().click();
  await w.locator('#consent').check();
};

const finder = { widget: 'found-item-search', page: 'fundbuero.html', tag: 'muni-found-item-search' };
const payment = {
  widget: 'payment-button',
  page: 'bezahlen.html',
  tag: 'muni-payment-button',
  // A Kassenzeichen of its own per case, set as the page is parsed, before the button starts, on
  // every load (the way back from the pay page too): one with an open payment is not paid again.
  prepare: (page) =>
    page.addInitScript((reference) => {
      new MutationObserver((_, observer) => {
        const button = document.querySelector('muni-payment-button');
        if (button) observer.disconnect(), button.setAttribute('reference', reference);
      }).observe(document, { childList: true, subtree: true });
    }, `5210-2026-${String(Date.now()).slice(-6)}`),
};

/**
 * Every backend call the widgets make, answered by the mutating proxy: `call` (and `method`)
 * say which request; `reach` walks there with the real backend, `act` makes the call (none: it
 * is made on load); `recovered` shows it went through in the end. A `submit` sends what the
 * citizen entered: a 4xx may then ask to check the entries, and sending again (`resend`) is a
 * way on as good as a retry; `kept` is text the citizen entered that must survive the failure.
 * `prepare` readies the page before it loads.
 * `selfHealing`: the widget reconnects by itself and says so (`message`) instead of offering a retry.
 */
export const CALLS = {
  'appointment-picker: services': { ...picker, first: true, call: /\/api\/v1\/appointments\/services(\?|$)/, recovered: '#services' },
  'appointment-picker: month': { ...picker, call: /\/api\/v1\/appointments\/availability\?/, act: toCalendar, recovered: '.calendar__day--free' },
  'appointment-picker: day': { ...picker, call: /\/api\/v1\/appointments\/slots\?/, reach: toCalendar, act: (w) => w.locator('.calendar__day--free').first().click(), recovered: '.time' },
  'appointment-picker: reserve': {
    ...picker,
    call: /\/api\/v1\/appointments\/reservations$/,
    method: 'POST',
    submit: true,
    reach: toTimes,
    act: (w) => w.locator('.time').first().click(),
    resend: '.time',
    recovered: '#name',
  },
  'appointment-picker: book': {
    ...picker,
    call: /\/api\/v1\/appointments\/reservations\/[^/]+\/booking$/,
    submit: true,
    reach: toReview,
    act: (w) => w.locator('button[type=submit]').first().click(),
    resend: 'button[type=submit]',
    kept: NAME,
    recovered: (w) => w.getByText('Bitte bestätigen Sie Ihren Termin'),
  },
  'service-finder: catalogue': { first: true, widget: 'service-finder', page: 'dienstleistungen.html', tag: 'muni-service-finder', call: /\/api\/v1\/services(\?|$)/, recovered: '#view-heading', typed: '#search' },
  'found-item-search: categories': { ...finder, first: true, call: /\/api\/v1\/found-items\/categories(\?|$)/, recovered: '#results-heading', typed: '#q' },
  'found-item-search: claim': {
    ...finder,
    call: /\/api\/v1\/found-items\/[^/]+\/claims$/,
    submit: true,
    reach: async (w) => {
      await w.locator('[part~=claim-button]').first().click();
      await fill(w, { '#name': NAME, '#email': 'erika@example.org', '#features': 'Aufkleber mit einer Sonnenblume auf der Rückseite' });
      await w.locator('#consent').check();
    },
    act: (w) => w.locator('[part~=submit-button]').click(),
    resend: '[part~=submit-button]',
    kept: NAME,
    recovered: (w) => w.getByText(/Ihre Anfrage ist eingegangen/),
  },
  'found-item-search: loss report': {
    ...finder,
    call: /\/api\/v1\/loss-reports$/,
    submit: true,
    reach: async (w) => {
      await w.locator('[part~=report-button]').first().click();
      await w.locator('#category').selectOption('brille');
      await fill(w, { '#description': 'Grüne Lesebrille im Etui', '#lostOn': isoDaysAgo(2), '#lostPlace': 'Stadtpark', '#name': NAME, '#email': 'erika@example.org' });
      await w.locator('#consent').check();
    },
    act: (w) => w.locator('[part~=submit-button]').click(),
    resend: '[part~=submit-button]',
    kept: NAME,
    recovered: (w) => w.getByText(/Bitte bestätigen Sie Ihre Verlustanzeige/),
  },
  'payment-button: create': {
    ...payment, first: true,
    call: /\/api\/v1\/payments$/,
    act: (w) => w.locator('[part=pay-button]').first().click(),
    recovered: 'navigation',
  },
  'payment-button: status': {
    ...payment,
    call: /\/api\/v1\/payments\/[^/?]+$/,
    method: 'GET',
    reach: async (w, page) => {
      await w.locator('[part=pay-button]').first().click();
      await page.getByLabel('PayPal').check();
    },
    act: (w, page) => page.getByRole('button', { name: 'Bezahlen', exact: true }).click(),
    recovered: '[part=receipt]',
  },
  'queue-status: events': {
    widget: 'queue-status',
    page: 'wartezeit.html',
    tag: 'muni-queue-status',
    call: /\/api\/v1\/queue\/[^/]+\/events/,
    sse: true,
    selfHealing: true,
    message: '[part=stale]',
    recovered: '[part=stale]',
  },
};

/**
 * Runs one call × mutation case and returns its outcome row:
 * { outcome: 'message' | 'content' | 'FAIL', ms, detail }.
 */
export async function runCase(browser, baseUrl, callName, mutationName) {
  const spec = CALLS[callName];
  const mutation = (spec.sse ? SSE_MUTATIONS : MUTATIONS)[mutationName];
  const started = Date.now();
  const { page, context, problems } = await openPage(browser, baseUrl);
  let armed = !spec.reach;
  let broken = true;
  const hung = [];
  try {
    await page.route(spec.call, async (route) => {
      if (!armed || !broken || (spec.method && route.request().method() !== spec.method)) return route.continue();
      const answer = mutation(spec.sse ? await queueState(route) : await realBody(route));
      if (answer === 'reset') return route.abort('connectionreset');
      if (answer === 'hang') return void hung.push(route);
      if (answer.delayMs) {
        await new Promise((r) => setTimeout(r, answer.delayMs));
        return route.continue();
      }
      return route.fulfill(answer);
    });
    await spec.prepare?.(page);
    await page.goto(`${baseUrl}/${spec.page}`);
    const widget = page.locator(spec.tag).first();
    if (spec.reach) {
      await spec.reach(widget, page);
      armed = true;
    }
    const navigated = spec.recovered === 'navigation' ? page.waitForURL((url) => !url.pathname.endsWith(spec.page), { timeout: 60_000 }).then(() => true) : undefined;
    if (spec.act) await spec.act(widget, page);
    const alert = widget.locator(spec.message ?? '[role=alert]').first();
    const recovered = typeof spec.recovered === 'function' ? spec.recovered(widget) : widget.locator(spec.recovered).first();
    const content = navigated ?? (spec.selfHealing ? new Promise(() => {}) : recovered.waitFor({ timeout: 60_000 }).then(() => true));
    const shown = await Promise.race([alert.waitFor({ timeout: 60_000 }).then(() => 'message'), content.then(() => 'content')]);
    if (await page.evaluate(() => window.__pwned)) return fail('a payload ran');
    // Content around a message (an empty step under its alert) is still a message.
    if (shown === 'content' && (await alert.count()) === 0) return done('content');

    const text = (await alert.textContent()).replace(/\s+/g, ' ').trim();
    if (spec.selfHealing) {
      if (!/wiederhergestellt/.test(text)) return fail(`message without a way on: ${text}`);
    } else {
      if (!/versuchen|prüfen/.test(text)) return fail(`message without a way on: ${text}`);
      if (!spec.submit && /prüfen Sie Ihre Eingaben/.test(text)) return fail(`a load called an input error: ${text}`);
    }
    const retry = widget.locator('[part=retry-button]');
    const again = (await retry.count()) > 0 ? retry.first() : spec.resend && (await widget.locator(spec.resend).count()) > 0 ? widget.locator(spec.resend).first() : undefined;
    if (!spec.selfHealing && !again) return fail(`no retry: ${text}`);
    if (spec.kept && !(await widget.evaluate((el, kept) => (el.shadowRoot?.innerHTML ?? '').includes(kept) || [...el.shadowRoot.querySelectorAll('input')].some((i) => i.value === kept), spec.kept))) {
      return fail('typed input lost');
    }
    // A field shown beside the message gets typed into; some widgets show theirs only once loaded.
    const typed = spec.typed && (await widget.locator(spec.typed).count()) > 0;
    if (typed) await widget.locator(spec.typed).fill(NAME);

    broken = false;
    for (const route of hung.splice(0)) await route.continue().catch(() => undefined);
    if (again) await again.click();
    if (spec.recovered !== 'navigation') await widget.locator(spec.message ?? '[role=alert]').first().waitFor({ state: 'detached', timeout: 60_000 });
    if (!spec.selfHealing) await (navigated ?? recovered.waitFor({ timeout: 60_000 }));
    if (typed && (await widget.locator(spec.typed).inputValue()) !== NAME) return fail('typed input lost');
    if (again && spec.recovered !== 'navigation') {
      const focused = await page
        .waitForFunction((tag) => document.activeElement?.localName === tag, spec.tag, { timeout: 5_000 })
        .then(() => true, () => false);
      if (!focused) return fail('focus lost to the page after the retry');
    }
    if (await page.evaluate(() => window.__pwned)) return fail('a payload ran');
    return done('message', text);
  } catch (error) {
    return fail(String(error?.message ?? error).split('\n')[0]);
  } finally {
    await context.close();
  }

  function done(outcome, detail = '') {
    const errors = problems.filter((p) => p.startsWith('exception') || p.startsWith('csp'));
    if (errors.length) return fail(errors.join('; '));
    return { outcome, ms: Date.now() - started, detail };
  }
  function fail(detail) {
    return { outcome: 'FAIL', ms: Date.now() - started, detail };
  }
}

/** The queue's state as the events stream would carry it (the stream itself never ends, so is not read). */
async function queueState(route) {
  const url = new URL(route.request().url());
  url.pathname = url.pathname.replace(/\/events$/, '');
  url.search = '';
  return fetch(url).then((r) => r.json()).catch(() => ({}));
}

async function realBody(route) {
  const response = await route.fetch();
  try {
    return JSON.parse(await response.text());
  } catch {
    return {};
  }
}
