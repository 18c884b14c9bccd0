import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ApiError } from '@muni-widgets/core';
import '../src/define.js';
import type { MuniAppointmentPicker } from '../src/muni-appointment-picker.js';
import { kitaProvider } from './picker-fixtures.js';

const root = (el: MuniAppointmentPicker) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: MuniAppointmentPicker, selector: string) => root(el).querySelector<T & HTMLElement>(selector)!;
const heading = (el: MuniAppointmentPicker) => $(el, '#step-heading').textContent!.trim();
const settle = async (el: MuniAppointmentPicker) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

async function typeInto(el: MuniAppointmentPicker, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function picker(options: Parameters<typeof kitaProvider>[0] = {}) {
  const kita = kitaProvider(options);
  const el = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker .provider=${kita.provider}></muni-appointment-picker>`);
  await settle(el);
  return { el, ...kita };
}

/** What the Kita service asks for, typed as a citizen would. */
async function typeDetails(el: MuniAppointmentPicker) {
  await typeInto(el, 'name', 'Erika Mustermann');
  await typeInto(el, 'email', 'erika@example.org');
  await typeInto(el, 'field-child_birth_date', '2024-05-01');
}

/** The calendar is showing: the day is chosen the way a keyboard user does it, and its times show. */
async function chooseDay(el: MuniAppointmentPicker, day: string) {
  $(el, `[data-date="${day}"]`).focus();
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

async function submitStep(el: MuniAppointmentPicker) {
  $(el, 'button[type=submit]').click();
  await settle(el);
}

/** Service → day: the day's times are showing. */
async function toTimes(el: MuniAppointmentPicker, firstDay: string) {
  $<HTMLInputElement>(el, '#service-kita-anmeldung').click();
  await el.updateComplete;
  await submitStep(el);
  await chooseDay(el, firstDay);
}

/** ... then the first time: the slot is held and the details step shows. */
async function toDetails(el: MuniAppointmentPicker, firstDay: string) {
  await toTimes(el, firstDay);
  $(el, '.time').click();
  await settle(el);
}

describe('<muni-appointment-picker>', () => {
  it('starts with the services, accessible, focus-ready', async () => {
    const { el } = await picker();
    expect(heading(el)).to.equal('Anliegen wählen');
    expect(root(el).textContent).to.contain('Schritt 1 von 4');
    expect(root(el).textContent).to.contain('Dauer etwa 30 Minuten');
    await expect(el).to.be.accessible();
  });

  it('asks for a service before going on, with an error summary', async () => {
    const { el } = await picker();
    $(el, 'button[type=submit]').click();
    await settle(el);
    expect($(el, '[part=error-summary]').textContent).to.contain('mindestens ein Anliegen');
    await expect(el).to.be.accessible();
  });

  it('preselects a service from the attribute and offers a count', async () => {
    const { provider } = kitaProvider();
    const el = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker service="kita-anmeldung" .provider=${provider}></muni-appointment-picker>`);
    await settle(el);
    expect($<HTMLInputElement>(el, '#service-kita-anmeldung').checked).to.equal(true);
    expect($<HTMLSelectElement>(el, '#count-kita-anmeldung').options).to.have.length(3);
  });

  it('books a Kita appointment through the calendar, details and review, with double opt-in', async () => {
    const mails: Array<{ kind: string; token: string }> = [];
    const { el, firstDay } = await picker({ onMail: (m) => mails.push(m) });
    const selected = oneEvent(el, 'muni-service-selected');
    $<HTMLInputElement>(el, '#service-kita-anmeldung').click();
    await el.updateComplete;
    $(el, 'button[type=submit]').click();
    expect((await selected).detail.services).to.deep.equal([{ serviceId: 'kita-anmeldung', count: 1 }]);
    await settle(el);

    expect(heading(el)).to.equal('Tag und Uhrzeit wählen');
    expect(root(el).activeElement?.id).to.equal('step-heading');
    await expect(el).to.be.accessible();
    expect($(el, `[data-date="${firstDay}"]`).textContent).to.contain('3 freie Termine');

    $(el, `[data-date="${firstDay}"]`).focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const times = root(el).querySelectorAll<HTMLButtonElement>('.time');
    expect(times).to.have.length(3);
    expect(times[0]!.getAttribute('aria-label')).to.match(/^\d+:\d\d Uhr, \w+, \d+\. \w+$/);
    expect(root(el).textContent).to.contain('Vormittag');
    await expect(el).to.be.accessible();

    const reserved = oneEvent(el, 'muni-slot-reserved');
    times[0]!.click();
    await reserved;
    await settle(el);
    expect(heading(el)).to.equal('Ihre Angaben');
    expect($(el, '[role=timer]').textContent).to.match(/noch \d+:\d\d Minuten/);
    await expect(el).to.be.accessible();

    $(el, 'button[type=submit]').click();
    await settle(el);
    expect($(el, '[part=error-summary]').textContent).to.contain('Bitte füllen Sie dieses Feld aus');
    expect($(el, '#field-child_birth_date').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    await typeDetails(el);
    $(el, 'button[type=submit]').click();
    await settle(el);
    expect(heading(el)).to.equal('Prüfen und absenden');
    expect(root(el).textContent).to.contain('Anmeldung Kindertagesbetreuung');
    await expect(el).to.be.accessible();

    $(el, 'button[type=submit]').click();
    await settle(el);
    expect($(el, '[part=error-summary]').textContent).to.contain('stimmen Sie der Verarbeitung');
    $<HTMLInputElement>(el, '#consent').click();
    const booked = oneEvent(el, 'muni-appointment-booked');
    $(el, 'button[type=submit]').click();
    expect((await booked).detail.status).to.equal('pending');
    await settle(el);
    expect(heading(el)).to.equal('Bitte bestätigen Sie Ihren Termin');
    expect(root(el).textContent).to.contain('erika@example.org');
    expect(mails.map((m) => m.kind)).to.deep.equal(['activation']);
    await expect(el).to.be.accessible();
  });

  it('confirms from the activation link, then cancels through the management view', async () => {
    const mails: Array<{ kind: string; token: string }> = [];
    const { el, provider, firstDay } = await picker({ onMail: (m) => mails.push(m) });
    await toDetails(el, firstDay);
    await typeDetails(el);
    $(el, 'button[type=submit]').click();
    await settle(el);
    $<HTMLInputElement>(el, '#consent').click();
    $(el, 'button[type=submit]').click();
    await settle(el);

    history.replaceState(null, '', `#muni-appointment=activate:${mails[0]!.token}`);
    const confirmed = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker .provider=${provider}></muni-appointment-picker>`);
    await settle(confirmed);
    expect(location.hash).to.equal('');
    expect(heading(confirmed)).to.equal('Ihr Termin ist gebucht');
    await expect(confirmed).to.be.accessible();

    const cancelButton = [...root(confirmed).querySelectorAll('button')].find((b) => b.textContent!.includes('Termin absagen'))!;
    cancelButton.click();
    await confirmed.updateComplete;
    expect($(confirmed, '[role=alert]').textContent).to.contain('wirklich absagen');
    const cancelled = oneEvent(confirmed, 'muni-appointment-cancelled');
    [...root(confirmed).querySelectorAll('button')].find((b) => b.textContent!.includes('Ja, absagen'))!.click();
    await cancelled;
    await settle(confirmed);
    expect(heading(confirmed)).to.equal('Ihr Termin ist abgesagt');
    await expect(confirmed).to.be.accessible();
  });

  it("marks the phone required from the start where the office needs one, and asks for it", async () => {
    const kita = kitaProvider();
    const el = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker .provider=${kita.provider}></muni-appointment-picker>`);
    await settle(el);
    await toDetails(el, kita.firstDay);
    const phone = () => $<HTMLInputElement>(el, '#phone');
    const label = () => $(el, 'label[for=phone]').textContent!;
    expect([phone().required, label()]).to.deep.equal([false, 'Telefonnummer (optional)']);

    kita.data.offices[0]!.phoneRequired = true;
    const strict = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker .provider=${kita.provider}></muni-appointment-picker>`);
    await settle(strict);
    await toDetails(strict, kita.firstDay);
    const input = $<HTMLInputElement>(strict, '#phone');
    expect(input.required, 'exposed as aria-required').to.equal(true);
    expect($(strict, 'label[for=phone]').textContent).to.equal('Telefonnummer');
    await typeDetails(strict);
    $(strict, 'button[type=submit]').click();
    await settle(strict);
    expect(heading(strict)).to.equal('Ihre Angaben');
    expect($(strict, '#phone-error').textContent).to.contain('Bitte füllen Sie dieses Feld aus');
    await expect(strict).to.be.accessible();
    await typeInto(strict, 'phone', '0221 12345');
    $(strict, 'button[type=submit]').click();
    await settle(strict);
    expect(heading(strict)).to.equal('Prüfen und absenden');
  });

  it('releases the slot when the hold expires and keeps what was typed', async () => {
    let now = Date.now();
    const { el, firstDay } = await picker({ now: () => now });
    await toDetails(el, firstDay);
    await typeInto(el, 'name', 'Erika Mustermann');
    // The provider's clock frees the slot; the widget's timer is told the hold is over.
    now += 11 * 60_000;
    el.hold.start(new Date(Date.now() - 1).toISOString());
    await settle(el);
    expect(heading(el)).to.equal('Tag und Uhrzeit wählen');
    expect(root(el).textContent).to.contain('Die Reservierung ist abgelaufen');
    await expect(el).to.be.accessible();
    await chooseDay(el, firstDay);
    $(el, '.time').click();
    await settle(el);
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Erika Mustermann');
  });

  it('says how many extensions remain and, after the last, that there are none, with focus there', async () => {
    const { el, firstDay } = await picker({ holdExtensions: 2 });
    await toDetails(el, firstDay);
    const hold = () => $(el, '[part=hold]');
    const extendButton = () => [...hold().querySelectorAll('button')].find((b) => b.textContent!.includes('Reservierung verlängern'));
    expect(hold().textContent).to.contain('Noch 2 Verlängerungen möglich.');
    expect(extendButton()!.getAttribute('aria-describedby')).to.equal('hold-extensions');
    extendButton()!.click();
    await settle(el);
    expect(hold().textContent).to.contain('Noch 1 Verlängerung möglich.');
    await waitUntil(() => $(el, '[data-announcer=polite]').textContent!.includes('Die Reservierung wurde verlängert. Noch 1 Verlängerung möglich.'), 'announced');
    extendButton()!.click();
    await settle(el);
    expect(hold().textContent).to.contain('Eine weitere Verlängerung ist nicht möglich.');
    expect(extendButton()).to.equal(undefined);
    expect(root(el).activeElement?.id).to.equal('hold-extensions');
    await expect(el).to.be.accessible();
  });

  it('says why an extension was refused: none left', async () => {
    const { el, firstDay, provider } = await picker();
    await toDetails(el, firstDay);
    provider.extend = () => Promise.reject(new ApiError('conflict', { status: 409, problem: { code: 'hold_extension_limit' } }));
    [...$(el, '[part=hold]').querySelectorAll('button')].find((b) => b.textContent!.includes('Reservierung verlängern'))!.click();
    await settle(el);
    expect($(el, '.notice').textContent).to.contain('kann nicht weiter verlängert werden');
    await waitUntil(() => $(el, '[data-announcer=assertive]').textContent!.includes('kann nicht weiter verlängert werden'), 'announced');
    expect(root(el).textContent).not.to.contain('in der Zwischenzeit');
    expect($(el, '[part=hold]').querySelector('button')).to.equal(null);
    expect($(el, '[part=hold]').textContent).to.contain('Eine weitere Verlängerung ist nicht möglich.');
    expect(heading(el)).to.equal('Ihre Angaben');
    await expect(el).to.be.accessible();
  });

  it('says why an extension was refused: the time was taken after the hold ran out', async () => {
    const { el, firstDay, provider } = await picker();
    await toDetails(el, firstDay);
    await typeInto(el, 'name', 'Erika Mustermann');
    provider.extend = () => Promise.reject(new ApiError('conflict', { status: 409, problem: { code: 'slot_taken' } }));
    [...$(el, '[part=hold]').querySelectorAll('button')].find((b) => b.textContent!.includes('Reservierung verlängern'))!.click();
    await settle(el);
    expect(heading(el)).to.equal('Tag und Uhrzeit wählen');
    expect(root(el).textContent).to.contain('inzwischen von jemand anderem reserviert');
    expect(root(el).textContent).not.to.contain('in der Zwischenzeit');
    expect(root(el).querySelector('[part=hold]')).to.equal(null);
    await expect(el).to.be.accessible();
    await chooseDay(el, firstDay);
    $(el, '.time').click();
    await settle(el);
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Erika Mustermann');
  });

  it('claims no number of extensions when the backend does not say (ZMS)', async () => {
    const { el, firstDay, provider } = await picker();
    const reserve = provider.reserve.bind(provider);
    provider.reserve = async (q) => ({ ...(await reserve(q)), extensionsLeft: undefined });
    await toDetails(el, firstDay);
    expect($(el, '#hold-extensions')).to.equal(null);
    expect($(el, '[part=hold]').textContent).not.to.contain('Verlängerungen möglich');
    expect($(el, '[part=hold] button').getAttribute('aria-describedby')).to.equal(null);
  });

  it('says when the slot was taken meanwhile and drops it from the list', async () => {
    const { el, firstDay, provider } = await picker();
    await toTimes(el, firstDay);
    const services = [{ serviceId: 'kita-anmeldung', count: 1 }];
    const [first] = await provider.slots({ services, date: firstDay });
    await provider.reserve({ services, slot: first! });
    $(el, '.time').click();
    await settle(el);
    expect(root(el).textContent).to.contain('gerade von jemand anderem reserviert');
    expect(root(el).querySelectorAll('.time')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('shows an error with retry when the backend fails, then carries on', async () => {
    const { el, provider } = await picker();
    const original = provider.availability.bind(provider);
    let fail = true;
    provider.availability = async (q) => {
      if (fail) throw new (await import('@muni-widgets/core')).ApiError('network');
      return original(q);
    };
    $<HTMLInputElement>(el, '#service-kita-anmeldung').click();
    await el.updateComplete;
    $(el, 'button[type=submit]').click();
    await settle(el);
    expect($(el, '[role=alert]').textContent).to.contain('nicht erreichbar');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part=retry-button]').click();
    await settle(el);
    expect(root(el).querySelector('[role=alert]')).to.equal(null);
    expect(root(el).querySelectorAll('.calendar__day--free').length).to.be.greaterThan(0);
  });

  it('offers only the services of the office named in the attribute', async () => {
    const { provider, data } = kitaProvider();
    data.services.push({ id: 'perso', name: 'Personalausweis beantragen', durationMinutes: 15, maxCount: 4, officeIds: ['buergerbuero'], fields: [] });
    const el = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker office="kita-abteilung" .provider=${provider}></muni-appointment-picker>`);
    await settle(el);
    expect(root(el).querySelector('#service-perso')).to.equal(null);
    expect(root(el).querySelector('#service-kita-vertrag')).not.to.equal(null);
  });

  it('follows a change of office after the first load', async () => {
    const { provider, data } = kitaProvider();
    data.services.push({ id: 'perso', name: 'Personalausweis beantragen', durationMinutes: 15, maxCount: 4, officeIds: ['buergerbuero'], fields: [] });
    data.offices.push({ id: 'buergerbuero', name: 'Bürgerbüro', street: 'Rathausplatz 1', postalCode: '12345', city: 'Musterstadt' });
    const el = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker office="kita-abteilung" .provider=${provider}></muni-appointment-picker>`);
    await settle(el);
    el.office = 'buergerbuero';
    await settle(el);
    expect(root(el).querySelector('#service-perso')).not.to.equal(null);
    expect(root(el).querySelector('#service-kita-vertrag')).to.equal(null);
  });

  it("shows the new provider's services when the provider is replaced", async () => {
    const { el } = await picker();
    const other = kitaProvider();
    other.data.services = [{ id: 'perso', name: 'Personalausweis beantragen', durationMinutes: 15, maxCount: 4, officeIds: ['kita-abteilung'], fields: [] }];
    el.provider = other.provider;
    await settle(el);
    expect(root(el).querySelector('#service-perso')).not.to.equal(null);
    expect(root(el).querySelector('#service-kita-anmeldung')).to.equal(null);
  });

  it("drops the late answer of a replaced provider and aborts its request", async () => {
    const slow = kitaProvider().provider;
    let answer!: () => void;
    const signals: AbortSignal[] = [];
    const late = Object.assign(Object.create(slow) as typeof slow, {
      services: async (options?: { signal?: AbortSignal }) => {
        signals.push(options!.signal!);
        await new Promise<void>((resolve) => (answer = resolve));
        return slow.services();
      },
    });
    const el = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker .provider=${late}></muni-appointment-picker>`);
    const other = kitaProvider();
    other.data.services = [{ id: 'perso', name: 'Personalausweis beantragen', durationMinutes: 15, maxCount: 4, officeIds: ['kita-abteilung'], fields: [] }];
    el.provider = other.provider;
    await settle(el);
    answer();
    await settle(el);
    expect(signals[0]?.aborted).to.equal(true);
    expect(root(el).querySelector('#service-perso')).not.to.equal(null);
    expect(root(el).querySelector('#service-kita-anmeldung')).to.equal(null);
  });

  it('preselects services from a shared link', async () => {
    history.replaceState(null, '', '#muni-appointment=service:kita-vertrag');
    const { provider } = kitaProvider();
    const el = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker .provider=${provider}></muni-appointment-picker>`);
    await settle(el);
    history.replaceState(null, '', location.pathname);
    expect($<HTMLInputElement>(el, '#service-kita-vertrag').checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#service-kita-anmeldung').checked).to.equal(false);
  });

  it('lets the citizen choose among several offices or "any"', async () => {
    const { provider, data } = kitaProvider();
    data.offices.push({ id: 'kita-nord', name: 'Kita-Büro Nord', street: 'Nordring 2', postalCode: '12347', city: 'Musterstadt' });
    data.services[0]!.officeIds.push('kita-nord');
    const el = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker .provider=${provider}></muni-appointment-picker>`);
    await settle(el);
    $<HTMLInputElement>(el, '#service-kita-anmeldung').click();
    await el.updateComplete;
    $(el, 'button[type=submit]').click();
    await settle(el);
    expect(heading(el)).to.equal('Standort wählen');
    expect($<HTMLInputElement>(el, '#office-any').checked).to.equal(true);
    expect(root(el).textContent).to.contain('Nordring 2');
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#office-kita-nord').click();
    await submitStep(el);
    expect(heading(el)).to.equal('Tag und Uhrzeit wählen');
    [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Zurück')!.click();
    await settle(el);
    expect($<HTMLInputElement>(el, '#office-kita-nord').checked).to.equal(true);
  });

  it('says that times are office time when the device is elsewhere', async () => {
    const { el } = await picker();
    const differs = Intl.DateTimeFormat().resolvedOptions().timeZone !== 'Europe/Berlin';
    $<HTMLInputElement>(el, '#service-kita-anmeldung').click();
    await el.updateComplete;
    await submitStep(el);
    expect(root(el).textContent!.includes('Ortszeit des Amtes (Europe/Berlin)')).to.equal(differs);
  });

  it('reschedules from the management view: reserve new, then move', async () => {
    const mails: Array<{ kind: string; token: string }> = [];
    const { provider, firstDay, data } = await picker({ onMail: (m) => mails.push(m) });
    const held = await provider.reserve({ services: [{ serviceId: 'kita-anmeldung', count: 1 }], slot: data.slots[0]! });
    await provider.submit(held, { contact: { name: 'E', email: 'e@example.org' }, fields: {}, consent: true, returnUrl: location.href });
    const booked = await provider.activate(mails[0]!.token);
    history.replaceState(null, '', `#muni-appointment=manage:${booked.managementToken}`);
    const manage = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker .provider=${provider}></muni-appointment-picker>`);
    await settle(manage);
    expect(heading(manage)).to.equal('Ihr Termin');
    [...root(manage).querySelectorAll('button')].find((b) => b.textContent!.includes('Termin verschieben'))!.click();
    await settle(manage);
    expect(heading(manage)).to.equal('Tag und Uhrzeit wählen');
    await chooseDay(manage, firstDay);
    const moved = oneEvent(manage, 'muni-appointment-rescheduled');
    root(manage).querySelectorAll<HTMLButtonElement>('.time')[0]!.click();
    expect((await moved).detail.slot.id).to.not.equal(data.slots[0]!.id);
    await settle(manage);
    expect(heading(manage)).to.equal('Ihr Termin ist verschoben');
    expect((await provider.appointment(booked.managementToken!)).slot.id).to.equal((await moved).detail.slot.id);
    await expect(manage).to.be.accessible();
  });

  it('talks to a ZMS backend when api="zms"', async () => {
    const requests: string[] = [];
    const realFetch = window.fetch;
    window.fetch = async (input) => {
      requests.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
      return new Response(JSON.stringify({ offices: [], services: [], relations: [] }), { headers: { 'Content-Type': 'application/json' } });
    };
    try {
      const el = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker api="zms" backend-url="/zms/api/citizen"></muni-appointment-picker>`);
      // The ZMS adapter is a lazy chunk: on a cold test server its first load takes a while.
      await waitUntil(() => requests.length > 0, 'the picker never called the backend', { timeout: 5000 });
      await settle(el);
      expect(requests).to.include('/zms/api/citizen/offices-and-services/');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('keeps the booking when the page follows an in-page link, like a skip link', async () => {
    const { el, firstDay } = await picker();
    await toDetails(el, firstDay);
    await typeInto(el, 'name', 'Erika Mustermann');
    location.hash = '#main';
    await new Promise((r) => setTimeout(r, 20));
    await settle(el);
    history.replaceState(null, '', location.pathname);
    expect(heading(el)).to.equal('Ihre Angaben');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Erika Mustermann');
  });

  it('holds one slot however often a time is clicked', async () => {
    const { el, firstDay, provider } = await picker();
    let holds = 0;
    const reserve = provider.reserve.bind(provider);
    provider.reserve = (q) => (holds++, reserve(q));
    await toTimes(el, firstDay);
    const time = $(el, '.time');
    time.click();
    time.click();
    await settle(el);
    expect(holds).to.equal(1);
  });

  it("sends only the details of the services still chosen", async () => {
    const { provider, data, firstDay } = kitaProvider();
    data.services.push({ id: 'kita-wechsel', name: 'Kita-Wechsel', durationMinutes: 15, maxCount: 1, officeIds: ['kita-abteilung'], fields: [{ id: 'previous_kita', label: 'Bisherige Kita', type: 'text', required: false }] });
    const el = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker .provider=${provider}></muni-appointment-picker>`);
    await settle(el);
    let sentFields: Record<string, string> | undefined;
    const submit = provider.submit.bind(provider);
    provider.submit = (r, d) => ((sentFields = d.fields), submit(r, d));
    const back = async () => {
      [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Zurück')!.click();
      await settle(el);
    };
    $<HTMLInputElement>(el, '#service-kita-wechsel').click();
    await toDetails(el, firstDay);
    await typeInto(el, 'field-child_birth_date', '2024-05-01');
    await typeInto(el, 'field-previous_kita', 'Kita Sonnenschein');
    await back();
    await back();
    $<HTMLInputElement>(el, '#service-kita-wechsel').click();
    await el.updateComplete;
    await submitStep(el);
    await chooseDay(el, firstDay);
    $(el, '.time').click();
    await settle(el);
    await typeInto(el, 'name', 'Erika Mustermann');
    await typeInto(el, 'email', 'erika@example.org');
    await submitStep(el);
    $<HTMLInputElement>(el, '#consent').click();
    await submitStep(el);
    expect(sentFields).to.deep.equal({ child_birth_date: '2024-05-01' });
  });

  it('solves the bot challenge once per hold and resends the same proof on retry', async () => {
    const { createChallenge } = await import('altcha-lib');
    const { deriveKey } = await import('altcha-lib/algorithms/web/sha');
    const { el, firstDay, provider } = await picker();
    let challenges = 0;
    const proofs: Array<string | undefined> = [];
    const provide = provider as typeof provider & { botChallenge: () => Promise<Record<string, unknown>> };
    provide.botChallenge = async () => (challenges++, (await createChallenge({ algorithm: 'SHA-256', cost: 1, keyPrefix: '00', deriveKey, hmacSignatureSecret: 'test' })) as never);
    const submit = provider.submit.bind(provider);
    provider.submit = async (r, d) => {
      proofs.push(d.botProof);
      if (proofs.length === 1) throw new ApiError('timeout');
      return submit(r, d);
    };
    await toDetails(el, firstDay);
    await typeDetails(el);
    $(el, 'button[type=submit]').click();
    await settle(el);
    $<HTMLInputElement>(el, '#consent').click();
    await submitStep(el);
    // Solving the proof of work takes a moment.
    await waitUntil(() => root(el).querySelector('[role=alert]'), 'the failed send was never shown');
    expect($(el, '[role=alert]').textContent).to.contain('nicht rechtzeitig');
    $(el, '[part=retry-button]').click();
    await new Promise((r) => setTimeout(r, 100));
    await settle(el);
    expect(heading(el)).to.equal('Bitte bestätigen Sie Ihren Termin');
    expect(challenges).to.equal(1);
    expect(proofs).to.have.length(2);
    expect(proofs[1]).to.equal(proofs[0]);
  });

  it('speaks English when asked', async () => {
    const { provider } = kitaProvider();
    const el = await fixture<MuniAppointmentPicker>(html`<muni-appointment-picker locale="en" .provider=${provider}></muni-appointment-picker>`);
    await settle(el);
    expect(heading(el)).to.equal('Choose a service');
    expect(root(el).textContent).to.contain('Takes about 30 minutes');
  });
});
