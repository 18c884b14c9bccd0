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

/** What the widget tests cover in CI; the bench runs all of MUTATIONS. */
export const REPRESENTATIVE = ['script in every text', 'invalid JSON', '400 problem+json', '404 HTML', '429 Retry-After 99999999', 'connection reset'];

/**
 * Each widget's first backend call, where a failure used to leave the citizen stuck, and what
 * shows it recovered. `act` triggers the call when it is not made on load; `typed` is a field
 * the citizen may fill while the message shows.
 */
export const WIDGETS = {
  'appointment-picker': { page: 'termin.html', tag: 'muni-appointment-picker', call: /\/api\/v1\/appointments\/services(\?|$)/, recovered: '#services' },
  'service-finder': { page: 'dienstleistungen.html', tag: 'muni-service-finder', call: /\/api\/v1\/services(\?|$)/, recovered: '#view-heading', typed: '#search' },
  'found-item-search': { page: 'fundbuero.html', tag: 'muni-found-item-search', call: /\/api\/v1\/found-items\/categories(\?|$)/, recovered: '#results-heading', typed: '#q' },
  'payment-button': {
    page: 'bezahlen.html',
    tag: 'muni-payment-button',
    call: /\/api\/v1\/payments$/,
    // A Kassenzeichen of its own per case: one with an open payment is not paid again (no redirect).
    act: async (w) => {
      await w.evaluate((el) => el.setAttribute('reference', `5210-2026-${String(Date.now()).slice(-6)}`));
      await w.locator('[part=pay-button]').first().click();
    },
    recovered: 'navigation',
  },
};

/**
 * Runs one widget × mutation case and returns its outcome row:
 * { outcome: 'message' | 'content' | 'FAIL', ms, detail }.
 */
export async function runCase(browser, baseUrl, widgetName, mutationName) {
  const spec = WIDGETS[widgetName];
  const started = Date.now();
  const { page, context, problems } = await openPage(browser, baseUrl);
  let broken = true;
  const hung = [];
  try {
    await page.route(spec.call, async (route) => {
      if (!broken) return route.continue();
      const answer = MUTATIONS[mutationName](await realBody(route));
      if (answer === 'reset') return route.abort('connectionreset');
      if (answer === 'hang') return void hung.push(route);
      if (answer.delayMs) {
        await new Promise((r) => setTimeout(r, answer.delayMs));
        return route.continue();
      }
      return route.fulfill(answer);
    });
    await page.goto(`${baseUrl}/${spec.page}`);
    const widget = page.locator(spec.tag).first();
    if (spec.act) {
      await widget.locator('[part=pay-button]').first().waitFor();
      await spec.act(widget);
    }
    const alert = widget.locator('[role=alert]').first();
    const navigated = spec.recovered === 'navigation' ? page.waitForURL((url) => !url.pathname.endsWith(spec.page), { timeout: 60_000 }).then(() => true) : undefined;
    const content = navigated ?? widget.locator(spec.recovered).first().waitFor({ timeout: 60_000 }).then(() => true);
    const shown = await Promise.race([alert.waitFor({ timeout: 60_000 }).then(() => 'message'), content.then(() => 'content')]);
    if (await page.evaluate(() => window.__pwned)) return fail('a payload ran');
    // Content around a message (an empty step under its alert) is still a message.
    if (shown === 'content' && (await alert.count()) === 0) return done('content');

    const text = (await alert.textContent()).replace(/\s+/g, ' ').trim();
    if (!/versuchen/.test(text)) return fail(`message without a way on: ${text}`);
    if (/prüfen Sie Ihre Eingaben/.test(text)) return fail(`a load called an input error: ${text}`);
    const retry = widget.locator('[part=retry-button]');
    if ((await retry.count()) === 0) return fail(`no retry: ${text}`);
    // A field shown beside the message gets typed into; some widgets show theirs only once loaded.
    const typed = spec.typed && (await widget.locator(spec.typed).count()) > 0;
    if (typed) await widget.locator(spec.typed).fill('Erika Mustermann');

    broken = false;
    for (const route of hung.splice(0)) await route.continue().catch(() => undefined);
    await retry.first().click();
    if (spec.recovered !== 'navigation') await widget.locator('[role=alert]').first().waitFor({ state: 'detached', timeout: 60_000 });
    await content;
    if (typed && (await widget.locator(spec.typed).inputValue()) !== 'Erika Mustermann') return fail('typed input lost');
    if (spec.recovered !== 'navigation') {
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

async function realBody(route) {
  const response = await route.fetch();
  try {
    return JSON.parse(await response.text());
  } catch {
    return {};
  }
}
