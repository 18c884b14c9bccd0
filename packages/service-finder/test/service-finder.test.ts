import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { MuniServiceFinder } from '../src/muni-service-finder.js';
import { catalogData, finderProvider } from './finder-fixtures.js';
import { MemoryServiceProvider } from '../src/providers/memory.js';
import { dayInZone } from '@muni-widgets/core';

const root = (el: MuniServiceFinder) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: MuniServiceFinder, selector: string) => root(el).querySelector<T & HTMLElement>(selector)!;
const $$ = (el: MuniServiceFinder, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const heading = (el: MuniServiceFinder) => $(el, '#view-heading').textContent!.trim();
const input = (el: MuniServiceFinder) => $<HTMLInputElement>(el, '#search');
const focused = (el: MuniServiceFinder) => root(el).activeElement;
const settle = async (el: MuniServiceFinder) => {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

const mounted: HTMLElement[] = [];

/** Built by hand, not with fixture(): see web-test-runner.config.js on background tabs. */
async function finder(options: Parameters<typeof finderProvider>[0] & { attributes?: Record<string, string> } = {}) {
  const fake = finderProvider(options);
  const el = document.createElement('muni-service-finder');
  for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
  el.provider = fake.provider;
  document.body.append(el);
  mounted.push(el);
  await settle(el);
  return { el, ...fake };
}

/** Empties the box the way the citizen's keyboard would, so the widget's own state follows. */
async function clearQuery(el: MuniServiceFinder) {
  input(el).value = '';
  input(el).dispatchEvent(new Event('input'));
  await settle(el);
}

async function typeQuery(el: MuniServiceFinder, text: string) {
  input(el).focus();
  await sendKeys({ type: text });
  await settle(el);
}

describe('<muni-service-finder>', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname + location.search));
  afterEach(() => {
    for (const el of mounted.splice(0)) el.remove();
    document.querySelectorAll('muni-appointment-picker').forEach((p) => p.remove());
  });

  it("shows the new provider's catalog when the provider is replaced", async () => {
    const { el } = await finder();
    el.provider = new MemoryServiceProvider({ categories: catalogData.categories, services: catalogData.services.slice(0, 1) });
    await settle(el);
    expect(root(el).textContent).to.contain('1 Dienstleistung');
    expect(root(el).textContent).not.to.contain('3 Dienstleistungen');
  });

  it('gives the backend the time zone it was last given', async () => {
    const holidaysFrom: string[] = [];
    const realFetch = window.fetch;
    const service = { ...catalogData.services[0]!, categoryName: 'Ausweise', description: 'Text', processingTime: null, legalBasis: null, offices: [], lastUpdated: '2026-01-01' };
    const answers: Record<string, unknown> = {
      'v1/services': { services: [] },
      'v1/services/categories': { categories: [] },
      'v1/town': { officialName: 'Musterstadt', phone: '', email: '', website: '' },
      [`v1/services/${service.id}`]: service,
      'v1/holidays': { items: [] },
    };
    window.fetch = async (request) => {
      const url = new URL(String(request instanceof Request ? request.url : request));
      const path = url.pathname.replace(/^\/api\//, '');
      if (path === 'v1/holidays') holidaysFrom.push(url.searchParams.get('from')!);
      return new Response(JSON.stringify(answers[path]), { status: path in answers ? 200 : 404, headers: { 'Content-Type': 'application/json' } });
    };
    try {
      const el = document.createElement('muni-service-finder');
      for (const [name, value] of Object.entries({ 'backend-url': '/api', service: service.id, 'time-zone': 'Pacific/Pago_Pago' })) el.setAttribute(name, value);
      document.body.append(el);
      mounted.push(el);
      await waitUntil(() => holidaysFrom.length === 1, 'the finder never asked for holidays');
      el.timeZone = 'Pacific/Kiritimati';
      await waitUntil(() => holidaysFrom.length === 2, 'the finder kept the provider of the old time zone');
      expect(holidaysFrom[1]).to.equal(dayInZone(Date.now(), 'Pacific/Kiritimati'));
    } finally {
      window.fetch = realFetch;
    }
  });

  it('starts with the life situations and the A–Z link, accessible', async () => {
    const { el } = await finder();
    expect(heading(el)).to.equal('Dienstleistungen nach Lebenslage');
    expect($$(el, '[part=category-link]').map((a) => a.textContent!.trim())).to.deep.equal(['Ausweise & Dokumente', 'Wohnen & Umzug', 'Familie & Kinder']);
    expect(root(el).textContent).to.contain('3 Dienstleistungen');
    await expect(el).to.be.accessible();
  });

  it('suggests as the citizen types, following the APG combobox', async () => {
    const { el } = await finder();
    await typeQuery(el, 'perso');
    const box = input(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    expect(box.hasAttribute('aria-activedescendant')).to.equal(false);
    expect($$(el, '[role=option]')[0]!.textContent).to.contain('Personalausweis beantragen');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    const first = $$(el, '[role=option]')[0]!;
    expect(box.getAttribute('aria-activedescendant')).to.equal(first.id);
    expect(first.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(box.getAttribute('aria-activedescendant'), 'wraps to the last').to.equal($$(el, '[role=option]').at(-1)!.id);

    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(box.value, 'the first Escape only closes').to.equal('perso');
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(box.value, 'the second clears').to.equal('');
  });

  it('announces the number of suggestions politely', async () => {
    const { el } = await finder();
    await typeQuery(el, 'ausweis');
    await new Promise((r) => setTimeout(r, 900));
    await settle(el);
    expect($(el, '[data-announcer=polite]').textContent).to.match(/\d+ Vorschl(ag|äge)\. Mit den Pfeiltasten auswählen\./);
  });

  it('finds everyday words, missing umlauts and typos', async () => {
    const { el } = await finder();
    for (const [query, expected] of [
      ['Ummelden', 'Wohnsitz anmelden'],
      ['Kindergarten', 'Kita-Platz beantragen'],
      ['Aerztliche', 'Ärztliche Bescheinigung beglaubigen'],
      ['Persnalausweis', 'Personalausweis beantragen'],
    ]) {
      await clearQuery(el);
      await typeQuery(el, query!);
      expect($$(el, '[role=option]')[0]?.textContent, query).to.contain(expected);
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
    }
  });

  it('opens a service with Enter, keeps it in the URL, moves focus to its heading, and Back returns', async () => {
    const { el } = await finder();
    await typeQuery(el, 'perso');
    const opened = oneEvent(el, 'muni-service-opened');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail).to.deep.equal({ serviceId: 'personalausweis-beantragen', name: 'Personalausweis beantragen' });
    await settle(el);
    expect(heading(el)).to.equal('Personalausweis beantragen');
    expect(focused(el)).to.equal($(el, '#view-heading'));
    expect(new URLSearchParams(location.hash.slice(1)).get('muni-service')).to.equal('service:personalausweis-beantragen');

    const back = new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    history.back();
    await back;
    await settle(el);
    expect(heading(el)).to.equal('Dienstleistungen nach Lebenslage');
  });

  it('leaves other widgets’ parts of the fragment alone, and is not moved when they change', async () => {
    history.replaceState(null, '', '#muni-queue=ticket:A-042.K7M2P9');
    const { el } = await finder({ attributes: { service: 'personalausweis-beantragen' } });
    expect(heading(el)).to.equal('Personalausweis beantragen');
    // The queue widget follows another number: a hashchange that is none of the finder's business.
    const changed = new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    location.hash = 'muni-queue=ticket:B-001.K7M2P9';
    await changed;
    await settle(el);
    expect(heading(el)).to.equal('Personalausweis beantragen');
    $<HTMLAnchorElement>(el, '[part=back-link]').click();
    await settle(el);
    expect(location.hash, 'a fresh link: the queue’s new number stays').to.equal('#muni-queue=ticket:B-001.K7M2P9&muni-service=category:ausweise');
  });

  it('shows everything a service page needs, accessible', async () => {
    history.replaceState(null, '', '#muni-service=service:personalausweis-beantragen');
    const { el } = await finder();
    const text = root(el).textContent!.replace(/\s+/g, ' ');
    expect(heading(el)).to.equal('Personalausweis beantragen');
    for (const part of ['Voraussetzungen', 'Hauptwohnsitz in Musterstadt', 'Erforderliche Unterlagen', '37,00 €', '22,80 €', 'etwa 3 bis 4 Wochen', 'Personalausweisgesetz', 'Vollmacht zur Abholung', 'Zuständige Stelle', 'Rathausplatz 1', 'Stufenloser Zugang', 'Eingang über die Rampe', 'Stand: Montag, 3. November 2025']) {
      expect(text, part).to.contain(part);
    }
    expect($$(el, '.checklist input[type=checkbox]')).to.have.length(2);
    expect($(el, '[part=opening-state]').textContent).to.match(/Jetzt (geöffnet|geschlossen)/);
    expect($(el, '.hours')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('renders catalog markup sanitized: scripts and handlers inert, links with rel=noopener', async () => {
    history.replaceState(null, '', '#muni-service=service:wohnsitz-anmelden');
    const { el } = await finder();
    // DOMPurify is a lazy chunk: on a cold test server its first load takes a while.
    await waitUntil(() => root(el).querySelector('.rich-text'), 'the sanitized description never appeared', { timeout: 5000 });
    const rich = $(el, '.rich-text');
    expect(rich.querySelector('strong')!.textContent).to.equal('innerhalb von zwei Wochen');
    expect(rich.querySelector('script, img, [onerror]')).to.equal(null);
    const links = [...rich.querySelectorAll('a')];
    expect(links[0]!.rel).to.equal('noopener noreferrer');
    expect(links.some((a) => a.getAttribute('href')?.startsWith('javascript:'))).to.equal(false);
    expect((window as { __xss?: boolean }).__xss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('searches on Enter and lists the results with a count; no result offers A–Z and the city contact', async () => {
    const { el } = await finder();
    await typeQuery(el, 'beantragen');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(heading(el)).to.match(/^\d+ Treffer für „beantragen“$/);
    expect(focused(el)).to.equal($(el, '#view-heading'));
    await expect(el).to.be.accessible();

    await clearQuery(el);
    await typeQuery(el, 'Hundesteuer Xylophon');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(heading(el)).to.equal('Keine Treffer für „Hundesteuer Xylophon“');
    expect($(el, '[part=az-link]')).to.exist;
    expect(root(el).textContent).to.contain('info@musterstadt.example');
    await expect(el).to.be.accessible();
  });

  it('browses a category and the A–Z list, where letters jump to their group', async () => {
    history.replaceState(null, '', '#muni-service=category:familie');
    const { el } = await finder();
    expect(heading(el)).to.equal('Familie & Kinder');
    expect($$(el, '[part=service-link]').map((a) => a.textContent)).to.deep.equal(['Kita-Platz beantragen', 'Elterngeld beantragen']);
    await expect(el).to.be.accessible();

    $<HTMLAnchorElement>(el, '[part=back-link]').click();
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    $<HTMLAnchorElement>(el, '[part=az-link]').click();
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect(heading(el)).to.equal('Dienstleistungen von A bis Z');
    const groups = $$(el, 'section h3').map((h) => h.textContent);
    expect(groups[0], 'Ä files under A').to.equal('A');
    expect($(el, 'section').textContent).to.contain('Ärztliche Bescheinigung');
    $$(el, '[part=letter]').find((b) => b.textContent!.trim() === 'W')!.click();
    await settle(el);
    expect(focused(el)).to.equal($(el, '#letter-W'));
    await expect(el).to.be.accessible();
  });

  it('says so when a linked service does not exist', async () => {
    history.replaceState(null, '', '#muni-service=service:gibt-es-nicht');
    const { el } = await finder();
    expect(heading(el)).to.equal('Nicht gefunden');
    await expect(el).to.be.accessible();
  });

  it('shows a German error with a retry when the catalog fails, and recovers', async () => {
    const { el, calls } = await finder({ failCatalog: 1 });
    expect($(el, '[role=alert]').textContent).to.contain('Der Server ist gerade nicht erreichbar');
    await expect(el).to.be.accessible();
    $(el, '[part=retry-button]').click();
    await settle(el);
    expect(calls.filter((c) => c === 'catalog')).to.have.length(2);
    expect(heading(el)).to.equal('Dienstleistungen nach Lebenslage');
  });

  it('searches on the server when the catalog cannot be loaded, and a failed search retries the typed query', async () => {
    const { el, calls } = await finder({ failCatalog: 99, failSearch: 1 });
    expect($(el, '[role=alert]').textContent).to.contain('Der Server ist gerade nicht erreichbar');
    await typeQuery(el, 'reisepass');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect($(el, '[role=alert]').textContent).to.contain('unerwartete Antwort');
    expect(input(el).value).to.equal('reisepass');
    await expect(el).to.be.accessible();
    $(el, '[part=retry-button]').click();
    await settle(el);
    expect(calls.filter((c) => c === 'search:reisepass')).to.have.length(2);
    expect(heading(el)).to.contain('reisepass');
    expect($(el, '.finder__view').textContent).to.contain('Reisepass beantragen');
    expect(input(el).value).to.equal('reisepass');
    expect(focused(el)).to.equal($(el, '#view-heading'));
    await expect(el).to.be.accessible();
  });

  it('without a server search, a search after a failed catalog load loads the catalog again and shows the results', async () => {
    const { el, calls } = await finder({ failCatalog: 2 });
    await typeQuery(el, 'reisepass');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect($(el, '[role=alert]').textContent).to.contain('Der Server ist gerade nicht erreichbar');
    $(el, '[part=retry-button]').click();
    await settle(el);
    expect(calls.filter((c) => c === 'catalog')).to.have.length(3);
    expect(heading(el)).to.contain('reisepass');
    expect($(el, '.finder__view').textContent).to.contain('Reisepass beantragen');
    expect(input(el).value).to.equal('reisepass');
  });

  it('keeps the typed search when opening a service fails, and the retry opens it', async () => {
    const { el } = await finder({ failService: 1 });
    await typeQuery(el, 'reisepass');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect($(el, '[role=alert]')).to.exist;
    expect(input(el).value).to.equal('Reisepass beantragen');
    $(el, '[part=retry-button]').click();
    await settle(el);
    expect(heading(el)).to.equal('Reisepass beantragen');
    expect($<HTMLAnchorElement>(el, '[part=apply-online]').href).to.equal('https://service.musterstadt.example/reisepass');
  });

  it('hands "Termin buchen" to a picker on the same page through its deep link', async () => {
    document.body.append(document.createElement('muni-appointment-picker'));
    history.replaceState(null, '', '#muni-service=service:personalausweis-beantragen');
    const { el } = await finder();
    const requested = oneEvent(el, 'muni-appointment-requested');
    $(el, '[part=book-button]').click();
    expect((await requested).detail).to.deep.equal({ serviceId: 'personalausweis-beantragen', appointmentServiceId: 'personalausweis' });
    const params = new URLSearchParams(location.hash.slice(1));
    expect(params.get('muni-appointment')).to.equal('service:personalausweis');
    expect(params.get('muni-service'), 'the finder keeps its own place').to.equal('service:personalausweis-beantragen');
  });

  it('offers no booking button when nothing could take the booking', async () => {
    history.replaceState(null, '', '#muni-service=service:personalausweis-beantragen');
    const { el } = await finder();
    expect($(el, '[part=book-button]')).to.equal(null);
  });

  it('lets the host page take over the booking by cancelling the event', async () => {
    document.body.append(document.createElement('muni-appointment-picker'));
    history.replaceState(null, '', '#muni-service=service:personalausweis-beantragen');
    const { el } = await finder();
    el.addEventListener('muni-appointment-requested', (e) => e.preventDefault(), { once: true });
    $(el, '[part=book-button]').click();
    expect(new URLSearchParams(location.hash.slice(1)).get('muni-appointment')).to.equal(null);
  });

  it('in kiosk mode: no links that leave the page, a restart button, and a reset after idle time', async () => {
    history.replaceState(null, '', '#muni-service=service:reisepass-beantragen');
    const { el } = await finder({ attributes: { kiosk: '', 'idle-seconds': '1' } });
    expect($(el, '[part=apply-online]')).to.equal(null);
    expect(root(el).textContent).to.contain('https://service.musterstadt.example/reisepass');
    expect($$(el, '.service a[href^="http"], .service a[href^="mailto"], .service a[href^="tel"]')).to.have.length(0);
    expect($(el, '[part=restart-button]')).to.exist;
    await expect(el).to.be.accessible();
    await new Promise((r) => setTimeout(r, 1300));
    await settle(el);
    expect(heading(el)).to.equal('Dienstleistungen nach Lebenslage');
    expect(input(el).value).to.equal('');
  });

  it('opens with the results of the page search form when told its parameter', async () => {
    history.replaceState(null, '', '?q=Ausweis');
    const { el } = await finder({ attributes: { 'query-param': 'q' } });
    expect(heading(el)).to.match(/Treffer für „Ausweis“/);
    expect(input(el).value).to.equal('Ausweis');
    history.replaceState(null, '', location.pathname);
  });

  it('speaks English', async () => {
    const { el } = await finder({ attributes: { locale: 'en' } });
    expect(heading(el)).to.equal('Services by life situation');
    expect(root(el).querySelector('label')!.textContent).to.equal('What are you looking for?');
  });
});
