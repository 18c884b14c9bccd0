import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ApiError } from '@muni-widgets/core';
import '../src/define.js';
import type { MuniFoundItemSearch } from '../src/muni-found-item-search.js';
import type { FoundItemProvider } from '../src/provider.js';
import { daysAgo, foundProvider, HELD_BACK_MARKERS } from './found-fixtures.js';

const root = (el: MuniFoundItemSearch) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: MuniFoundItemSearch, selector: string) => root(el).querySelector<T & HTMLElement>(selector)!;
const $$ = (el: MuniFoundItemSearch, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const text = (el: MuniFoundItemSearch) => root(el).textContent!.replace(/\s+/g, ' ');
const heading = (el: MuniFoundItemSearch, id = 'view-heading') => $(el, `#${id}`).textContent!.replace(/\s+/g, ' ').trim();
const focused = (el: MuniFoundItemSearch) => root(el).activeElement;
const fragment = () => new URLSearchParams(location.hash.slice(1)).get('muni-found-item');
const settle = async (el: MuniFoundItemSearch) => {
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

const mounted: HTMLElement[] = [];

/** Built by hand, not with fixture(): see web-test-runner.config.js on background tabs. */
async function widget(options: Parameters<typeof foundProvider>[0] & { provider?: FoundItemProvider; attributes?: Record<string, string> } = {}) {
  const fake = foundProvider(options);
  const el = document.createElement('muni-found-item-search');
  for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
  el.provider = options.provider ?? fake.provider;
  document.body.append(el);
  mounted.push(el);
  await settle(el);
  return { el, ...fake };
}

function type(el: MuniFoundItemSearch, id: string, value: string) {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

function choose(el: MuniFoundItemSearch, id: string, value: string | boolean) {
  const input = $<HTMLSelectElement | HTMLInputElement>(el, `#${id}`);
  if (typeof value === 'boolean') (input as HTMLInputElement).checked = value;
  else input.value = value;
  input.dispatchEvent(new Event('change'));
}

async function click(el: MuniFoundItemSearch, selector: string | HTMLElement) {
  (typeof selector === 'string' ? $(el, selector) : selector).click();
  await settle(el);
}

const buttonNamed = (el: MuniFoundItemSearch, name: string) => $$(el, 'button').find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === name)!;

async function fillClaim(el: MuniFoundItemSearch) {
  type(el, 'name', 'Erika Mustermann');
  type(el, 'email', 'erika@example.org');
  type(el, 'features', 'Innen ein Foto meiner Katze und eine Bahncard 25 auf meinen Namen.');
  choose(el, 'consent', true);
  await settle(el);
}

async function fillReport(el: MuniFoundItemSearch) {
  choose(el, 'category', 'geldboerse');
  choose(el, 'colour', 'schwarz');
  type(el, 'description', 'Schwarze Lederbörse mit Druckknopf');
  type(el, 'lostOn', daysAgo(3));
  type(el, 'lostPlace', 'Hauptbahnhof');
  type(el, 'name', 'Erika Mustermann');
  type(el, 'email', 'erika@example.org');
  choose(el, 'consent', true);
  await settle(el);
}

describe('<muni-found-item-search>', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname + location.search));
  afterEach(() => {
    for (const el of mounted.splice(0)) el.remove();
  });

  it('starts with the newest finds, announces the count, accessible', async () => {
    const { el } = await widget();
    expect(heading(el)).to.equal('Im Fundregister suchen');
    expect(heading(el, 'results-heading')).to.equal('49 Fundsachen – Seite 1 von 3');
    const dates = $$(el, '.item').map((item) => item.querySelector('dd:nth-of-type(1)'));
    expect(dates.length).to.equal(20);
    expect($$(el, '.item__title')[0]!.textContent).to.contain('Smartphone mit Hülle');
    expect($$(el, '.item__title')[1]!.textContent).to.contain('Schwarze Lederbörse');
    await new Promise((r) => setTimeout(r, 150));
    expect($(el, '[data-announcer=polite]').textContent).to.equal('49 Fundsachen');
    await expect(el).to.be.accessible();
  });

  it("shows the new provider's register when the provider is replaced", async () => {
    const { el } = await widget();
    const other = foundProvider({ finds: [] });
    el.provider = other.provider;
    await settle(el);
    expect(other.calls.map((c) => c.method)).to.include.members(['categories', 'colours', 'search']);
    expect(text(el)).not.to.contain('Smartphone mit Hülle');
  });

  it('shows only public details: the held-back brand, contents and serial number never reach the DOM', async () => {
    const { el } = await widget();
    const card = $$(el, '.item').find((c) => c.textContent!.includes('Smartphone'))!;
    expect(card.textContent).to.contain('blau');
    expect(card.textContent).to.contain('F-2026-00002');
    expect(card.textContent, 'brand not public').not.to.contain('Marke');
    const lederboerse = $$(el, '.item').find((c) => c.textContent!.includes('Lederbörse'))!;
    expect(lederboerse.textContent, 'a public brand is shown').to.contain('Picard');
    for (const marker of HELD_BACK_MARKERS) expect(root(el).innerHTML).not.to.contain(marker);
  });

  it('searches by keyboard with a filter, puts the filters into the URL, and keeps focus in the form', async () => {
    const { el, calls } = await widget();
    $(el, '#q').focus();
    await sendKeys({ type: 'börse' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('category');
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect($<HTMLSelectElement>(el, '#category').value, 'arrows choose in a closed select').to.equal('geldboerse');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const search = calls.filter((c) => c.method === 'search').at(-1)!;
    expect(search.args[0]).to.deep.equal({ q: 'börse', category: 'geldboerse' });
    expect(fragment()).to.equal('search:q=b%C3%B6rse&category=geldboerse');
    expect(heading(el, 'results-heading')).to.match(/^\d+ Fundsachen?/);
    for (const title of $$(el, '.item__title')) expect(title.textContent).to.contain('Geldbörse');
    expect(focused(el)?.id, 'focus stays where the citizen is').to.be.oneOf(['category', 'q']);
    await expect(el).to.be.accessible();
  });

  it('opens a shared search link with its filters, and Back restores the previous search', async () => {
    history.replaceState(null, '', '#page=x&muni-found-item=search:category%3Dfahrrad%26colour%3Drot');
    const { el } = await widget();
    expect($<HTMLSelectElement>(el, '#category').value).to.equal('fahrrad');
    expect($<HTMLSelectElement>(el, '#colour').value).to.equal('rot');
    expect(heading(el, 'results-heading')).to.match(/Fundsache/);
    expect($$(el, '.item__title').every((t) => t.textContent!.includes('Fahrrad'))).to.equal(true);

    choose(el, 'colour', '');
    await click(el, '[part~=search-button]');
    expect(fragment()).to.equal('search:category=fahrrad');
    expect(new URLSearchParams(location.hash.slice(1)).get('page'), 'the page keeps its own keys').to.equal('x');

    const back = new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    history.back();
    await back;
    await settle(el);
    expect($<HTMLSelectElement>(el, '#colour').value).to.equal('rot');
  });

  it('pages with buttons: aria-current, focus on the results heading, page in the URL', async () => {
    const { el } = await widget();
    const nav = $(el, '[part=pagination]');
    expect(nav.getAttribute('aria-label')).to.equal('Seiten der Suchergebnisse');
    expect(nav.querySelector('[aria-current=page]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Seite 1');
    await click(el, buttonNamed(el, 'Seite 2'));
    expect(focused(el)?.id).to.equal('results-heading');
    expect(heading(el, 'results-heading')).to.equal('49 Fundsachen – Seite 2 von 3');
    expect($(el, '[part=pagination] [aria-current=page]').textContent).to.contain('2');
    expect(fragment()).to.equal('search:page=2');
    await click(el, buttonNamed(el, 'Nächste Seite'));
    expect($$(el, '.item')).to.have.length(9);
    expect(buttonNamed(el, 'Nächste Seite'), 'no next on the last page').to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('validates the date range next to the field with a summary', async () => {
    const { el } = await widget();
    type(el, 'from', daysAgo(1));
    type(el, 'to', daysAgo(10));
    await click(el, '[part~=search-button]');
    expect($(el, '#to-error').textContent).to.contain('darf nicht vor');
    expect(focused(el)).to.equal($(el, '[part=error-summary]'));
    await expect(el).to.be.accessible();
  });

  it('a failed search keeps the filters and offers a retry', async () => {
    const { el, failures } = await widget({ error: new ApiError('timeout') });
    failures.search = 1;
    type(el, 'q', 'Schlüssel');
    type(el, 'place', 'Stadtpark');
    await click(el, '[part~=search-button]');
    expect(text(el)).to.contain('Der Server antwortet nicht rechtzeitig');
    expect($<HTMLInputElement>(el, '#q').value).to.equal('Schlüssel');
    expect($<HTMLInputElement>(el, '#place').value).to.equal('Stadtpark');
    await expect(el).to.be.accessible();
    await click(el, '[part=retry-button]');
    expect($$(el, '.item__title')[0]!.textContent).to.contain('Schlüsselbund');
  });

  it('claims a find: validation, then a confirmation with reference and pickup information', async () => {
    const { el, memory } = await widget();
    const card = $$(el, '.item').find((c) => c.textContent!.includes('Lederbörse'))!;
    const claimButton = card.querySelector<HTMLElement>('[part~=claim-button]')!;
    expect(claimButton.getAttribute('aria-describedby')).to.equal('title-F-2026-00001');
    await click(el, claimButton);
    expect(fragment()).to.equal('claim:F-2026-00001');
    expect(heading(el)).to.equal('Das gehört mir: Geldbörse');
    expect(focused(el)?.id).to.equal('view-heading');
    expect($(el, '#features-hint').textContent).to.contain('Was nur die Eigentümerin oder der Eigentümer weiß');
    await expect(el).to.be.accessible();

    type(el, 'features', 'zu kurz');
    await click(el, '[part~=submit-button]');
    expect(focused(el)).to.equal($(el, '[part=error-summary]'));
    expect($$(el, '[part=error-summary] li')).to.have.length(4);
    expect($(el, '#features-error').textContent).to.contain('mindestens 20 Zeichen');
    expect($(el, '#consent').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    await fillClaim(el);
    type(el, 'phone', '0170 1234567');
    const claimed = oneEvent(el, 'muni-found-item-claimed');
    await click(el, '[part~=submit-button]');
    expect((await claimed).detail).to.deep.equal({ reference: 'A-2026-00001', foundItem: 'F-2026-00001' });
    await settle(el);
    expect(heading(el)).to.equal('Ihre Anfrage ist eingegangen');
    expect(focused(el)?.id).to.equal('view-heading');
    const page = text(el);
    for (const part of ['A-2026-00001', 'Abholung im Fundbüro', 'Rathausplatz 1', 'Erdgeschoss, Raum E.07', 'Öffnungszeiten', 'Dienstag', '8:00–12:00 Uhr, 14:00–18:00 Uhr', 'Personalausweis', '10,00 €', '0,00 €, gebührenfrei', '10,00 € – 100,00 €', '6 Monate', 'Finderlohn', '§§ 965–984 BGB']) {
      expect(page, part).to.contain(part);
    }
    expect(page, 'a fee for another category is left out').not.to.contain('Fahrrad: Verwahrung');
    expect(memory.claims[0]).to.deep.include({ identifyingFeatures: 'Innen ein Foto meiner Katze und eine Bahncard 25 auf meinen Namen.', consent: true });
    expect(memory.claims[0]!.contact).to.deep.equal({ name: 'Erika Mustermann', email: 'erika@example.org', phone: '0170 1234567' });
    await expect(el).to.be.accessible();
  });

  it('a failed claim keeps everything typed, and the retry sends the same request again', async () => {
    history.replaceState(null, '', '#muni-found-item=claim:F-2026-00003');
    const { el, calls } = await widget({ fail: { claim: 1 } });
    await fillClaim(el);
    type(el, 'lostPlace', 'Stadtpark');
    await click(el, '[part~=submit-button]');
    expect(text(el)).to.contain('Der Server ist gerade nicht erreichbar');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Erika Mustermann');
    expect($<HTMLTextAreaElement>(el, '#features').value).to.contain('Bahncard 25');
    expect($<HTMLInputElement>(el, '#lostPlace').value).to.equal('Stadtpark');
    expect($<HTMLInputElement>(el, '#consent').checked).to.equal(true);
    await expect(el).to.be.accessible();
    await click(el, '[part=retry-button]');
    expect(heading(el)).to.equal('Ihre Anfrage ist eingegangen');
    const claims = calls.filter((c) => c.method === 'claim');
    expect(claims).to.have.length(2);
    expect((claims[0]!.args[2] as { idempotencyKey: string }).idempotencyKey, 'the same Idempotency-Key').to.equal((claims[1]!.args[2] as { idempotencyKey: string }).idempotencyKey);
  });

  it("shows the server's field complaints at the fields", async () => {
    const rejection = new ApiError('validation', {
      status: 400,
      problem: { status: 400, errors: [{ field: 'contact.email', code: 'invalid_format', message: 'Diese Adresse nimmt keine Post an.' }] },
    });
    history.replaceState(null, '', '#muni-found-item=claim:F-2026-00003');
    const { el } = await widget({ fail: { claim: 1 }, error: rejection });
    await fillClaim(el);
    await click(el, '[part~=submit-button]');
    expect($(el, '#email-error').textContent).to.equal('Diese Adresse nimmt keine Post an.');
    expect(focused(el)).to.equal($(el, '[part=error-summary]'));
    expect($<HTMLInputElement>(el, '#email').value).to.equal('erika@example.org');
    await expect(el).to.be.accessible();
  });

  it('says so when a find can no longer be claimed', async () => {
    history.replaceState(null, '', '#muni-found-item=claim:F-2026-00005');
    const { el } = await widget();
    expect(text(el)).to.contain('Diese Fundsache wurde bereits abgeholt.');
    expect($(el, '#name')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens a find from the link in a mail, and an unknown reference says so', async () => {
    history.replaceState(null, '', '#muni-found-item=item:F-2026-00004');
    const { el } = await widget();
    expect(heading(el)).to.equal('Fahrrad: Damenrad mit Korb');
    expect(text(el)).to.contain('Gazelle');
    expect(text(el)).to.contain('Wird mindestens bis');
    await expect(el).to.be.accessible();
    await click(el, '[part~=claim-button]');
    expect(heading(el)).to.equal('Das gehört mir: Fahrrad');

    history.pushState(null, '', '#muni-found-item=item:F-1999-99999');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle(el);
    expect(heading(el)).to.equal('Fundsache nicht gefunden');
    await expect(el).to.be.accessible();
  });

  it('reports a loss: matches at once, notification on a new find, manage, renew and delete', async () => {
    const { el, memory } = await widget();
    await click(el, '[part~=report-button]');
    expect(fragment()).to.equal('report');
    expect(heading(el)).to.equal('Verlust melden');
    await expect(el).to.be.accessible();

    await click(el, '[part~=submit-button]');
    expect($$(el, '[part=error-summary] li').length).to.be.greaterThan(4);
    await expect(el).to.be.accessible();

    await fillReport(el);
    const reported = oneEvent(el, 'muni-loss-reported');
    await click(el, '[part~=submit-button]');
    expect((await reported).detail.reference).to.equal('V-2026-00001');
    await settle(el);
    expect(heading(el)).to.equal('Bitte bestätigen Sie Ihre Verlustanzeige');
    expect(focused(el)?.id).to.equal('view-heading');
    expect(text(el)).to.contain('V-2026-00001');
    expect(text(el)).to.match(/Die Anzeige gilt erst, wenn Sie diesen Link bis \w+, \d+\. \w+ \d{4}/);
    expect($(el, '#matches-heading').textContent).to.contain('Diese Fundsache könnte passen');
    expect($$(el, '.item__title')[0]!.textContent).to.contain('Schwarze Lederbörse');
    await expect(el).to.be.accessible();

    // Unconfirmed, the report gets no mails: anyone could have typed this address.
    memory.registerFind({ category: 'geldboerse', colour: 'schwarz', description: 'Schwarze Lederbörse, Reißverschluss', foundOn: daysAgo(1), foundPlace: 'Rathaus' });
    expect(memory.outbox.map((m) => m.kind)).to.deep.equal(['loss-report-activation']);
    const activation = memory.outbox[0]!;
    expect(activation.to).to.equal('erika@example.org');
    history.pushState(null, '', new URL(activation.activateLink!).hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle(el);
    expect(heading(el)).to.equal('Ihre Verlustanzeige V-2026-00001');
    expect(location.hash, 'the token leaves the address bar').not.to.contain('activate');
    expect(text(el)).to.contain('Ihre Verlustanzeige ist bestätigt');
    await waitUntil(() => $(el, '[data-announcer=polite]').textContent === 'Ihre Verlustanzeige ist bestätigt', 'the confirmation is announced');
    expect(memory.outbox.map((m) => m.kind)).to.deep.equal(['loss-report-activation', 'loss-report-created']);
    await expect(el).to.be.accessible();

    // The office registers a matching find: the citizen is "mailed" a link to it and to the report.
    const registered = memory.registerFind({ category: 'geldboerse', colour: 'schwarz', description: 'Lederbörse mit Druckknopf', foundOn: daysAgo(1), foundPlace: 'Busbahnhof', heldBack: { contents: HELD_BACK_MARKERS[0] } });
    const mail = memory.outbox.find((m) => m.kind === 'match-found')!;
    expect(mail.to).to.equal('erika@example.org');
    expect(mail.itemLink).to.match(new RegExp(`#muni-found-item=item:${registered.reference}$`));

    history.pushState(null, '', new URL(mail.manageLink!).hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle(el);
    expect(heading(el)).to.equal('Ihre Verlustanzeige V-2026-00001');
    expect(location.hash, 'the token leaves the address bar').not.to.contain('manage');
    expect(text(el)).to.contain('Gespeichert bis');
    expect($(el, '.manage').textContent).not.to.contain('ist bestätigt');
    expect($$(el, '.item')).to.have.length(3);
    for (const marker of HELD_BACK_MARKERS) expect(root(el).innerHTML).not.to.contain(marker);
    await expect(el).to.be.accessible();

    await click(el, '[part~=renew-button]');
    expect(text(el)).to.contain('Verlängert bis');

    await click(el, '[part~=delete-button]');
    expect(focused(el)?.id).to.equal('confirm-delete-title');
    await expect(el).to.be.accessible();
    await click(el, buttonNamed(el, 'Abbrechen'));
    expect(focused(el)?.id).to.equal('delete-button');
    await click(el, '[part~=delete-button]');
    await click(el, '[part~=confirm-delete-button]');
    expect(heading(el)).to.equal('Ihre Verlustanzeige wurde gelöscht');
    await expect(el).to.be.accessible();
    const gone = await memory.lossReport(new URL(mail.manageLink!).hash.split(':')[1]!).then(() => undefined, (e: ApiError) => e);
    expect(gone?.kind).to.equal('not_found');
  });

  it('a failed loss report keeps the form filled', async () => {
    history.replaceState(null, '', '#muni-found-item=report');
    const { el } = await widget({ fail: { reportLoss: 1 }, error: new ApiError('server', { status: 503 }) });
    await fillReport(el);
    await click(el, '[part~=submit-button]');
    expect(text(el)).to.contain('Beim Server ist ein Fehler aufgetreten');
    expect($<HTMLSelectElement>(el, '#category').value).to.equal('geldboerse');
    expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('Schwarze Lederbörse mit Druckknopf');
    expect($<HTMLInputElement>(el, '#email').value).to.equal('erika@example.org');
    await expect(el).to.be.accessible();
    await click(el, '[part=retry-button]');
    expect(heading(el)).to.equal('Bitte bestätigen Sie Ihre Verlustanzeige');
  });

  it('an expired management link says so', async () => {
    history.replaceState(null, '', '#muni-found-item=manage:abgelaufen');
    const { el } = await widget();
    expect(text(el)).to.contain('Das Gesuchte wurde nicht gefunden');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry when the register cannot be loaded', async () => {
    const { el } = await widget({ fail: { categories: 1 } });
    expect(text(el)).to.contain('Der Server ist gerade nicht erreichbar');
    await expect(el).to.be.accessible();
    await click(el, '[part=retry-button]');
    expect(heading(el)).to.equal('Im Fundregister suchen');
  });

  it('speaks English', async () => {
    const { el } = await widget({ attributes: { locale: 'en' } });
    expect(heading(el)).to.equal('Search the lost-and-found register');
    expect(heading(el, 'results-heading')).to.equal('49 found items – page 1 of 3');
    expect(buttonNamed(el, 'This is mine')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says nothing was found, and offers the loss report', async () => {
    history.replaceState(null, '', '#muni-found-item=search:q%3DXylophon');
    const { el } = await widget();
    expect(heading(el, 'results-heading')).to.equal('Keine Fundsachen gefunden');
    expect($(el, '[part~=report-button]')).to.exist;
    await expect(el).to.be.accessible();
  });
});
