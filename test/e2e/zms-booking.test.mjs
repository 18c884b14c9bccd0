// Issue 21 acceptance: <muni-appointment-picker api="zms"> against a stand-in for ZMS's
// zmscitizenapi (test/e2e/fake-zmscitizenapi.mjs), keyboard only, at an office that requires
// the captcha: book (ZMS refuses an e-mail with "+" first), activate from the real-format mail
// link (#/appointment/confirm/<base64>) twice, reschedule from the management link (ZMS refuses to
// cancel the old appointment at first: the citizen is told and cancels it), cancel.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launchBrowser, openPage, tabTo } from './harness.mjs';
import { startFakeZms } from './fake-zmscitizenapi.mjs';

const PAGE = '/buergerbuero-termin.html';
const picker = (page) => page.locator('muni-appointment-picker');
const heading = (page, name) => picker(page).getByRole('heading', { name, exact: true }).waitFor();

describe('appointment booking against ZMS (keyboard only)', () => {
  let zms;
  let browser;
  before(async () => {
    zms = await startFakeZms({ page: PAGE });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await zms?.close();
  });

  async function chooseServiceOfficeAndTime(page) {
    await heading(page, 'Anliegen wählen');
    await page.keyboard.press('Tab');
    await tabTo(page, (f) => f.id === 'service-1063424');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.text === 'Weiter');
    await page.keyboard.press('Enter');
    await heading(page, 'Standort wählen');
    await tabTo(page, (f) => f.id?.startsWith('office-'));
    // Arrow keys move through a radio group: to the captcha office, Orleansplatz.
    while ((await picker(page).locator('#office-10548').isChecked()) === false) await page.keyboard.press('ArrowDown');
    await tabTo(page, (f) => f.text === 'Weiter');
    await page.keyboard.press('Enter');
    await pickTime(page, 0);
  }

  async function pickTime(page, index) {
    await heading(page, 'Tag und Uhrzeit wählen');
    await picker(page).locator('.calendar__day--free').first().waitFor();
    await tabTo(page, (f) => f.text === 'Nächster freier Termin');
    await page.keyboard.press('Enter');
    await picker(page).locator('.time').nth(index).waitFor();
    await tabTo(page, (f) => f.tag === 'button' && /^\d{1,2}:\d\d Uhr$/.test(f.text));
    for (let i = 0; i < index; i++) await page.keyboard.press('Tab');
  }

  /** The details and review steps by keyboard; the office (Orleansplatz) requires a phone number. */
  async function sendDetails(page, email) {
    await heading(page, 'Ihre Angaben');
    await tabTo(page, (f) => f.id === 'name');
    await page.keyboard.type('Erika Mustermann');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await tabTo(page, (f) => f.id === 'phone');
    await page.keyboard.type('089 123 456-7');
    await tabTo(page, (f) => f.id === 'field-customTextfield');
    await page.keyboard.type('01.04.2021');
    await page.keyboard.press('Enter');
    await heading(page, 'Prüfen und absenden');
    await tabTo(page, (f) => f.id === 'consent');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.text === 'Termin verbindlich anfragen');
    await page.keyboard.press('Enter');
  }

  test('book at a captcha office, activate from the ZMS mail link, reschedule and cancel', async (t) => {
    const { page, problems, context } = await openPage(browser, zms.url);
    await page.goto(`${zms.url}${PAGE}`);
    await chooseServiceOfficeAndTime(page);
    await page.keyboard.press('Enter');
    assert.ok(zms.requests.includes('POST captcha-verify/'), 'the captcha was solved and verified');

    // Details: the office's telephoneRequired shows before anything is sent.
    await heading(page, 'Ihre Angaben');
    const phone = picker(page).locator('#phone');
    assert.equal(await phone.getAttribute('required'), '', 'the phone is required at this office');
    assert.equal((await picker(page).locator('label[for=phone]').textContent()).trim(), 'Telefonnummer');
    // ZMS refuses "+" in e-mail addresses; its complaint appears at the e-mail field.
    await sendDetails(page, 'erika+termin@example.org');
    await heading(page, 'Ihre Angaben');
    const emailError = picker(page).locator('#email-error');
    await emailError.waitFor();
    assert.match(await emailError.textContent(), /kein „\+“ vor dem @/);
    assert.deepEqual(await axeViolations(page), [], 'ZMS field complaint');
    await picker(page).locator('#email').fill('erika@example.org');
    await picker(page).locator('#email').focus();
    await page.keyboard.press('Enter');
    await heading(page, 'Prüfen und absenden');
    await tabTo(page, (f) => f.text === 'Termin verbindlich anfragen');
    await page.keyboard.press('Enter');
    await heading(page, 'Bitte bestätigen Sie Ihren Termin');
    t.diagnostic(`requests to ZMS until the activation mail: ${zms.requests.length}`);
    const booked = [...zms.processes.values()].find((p) => p.status === 'preconfirmed');
    assert.equal(booked.telephone, '0891234567', 'the phone number as ZMS validates it');

    // The activation link exactly as ZMS's mail_preconfirmed.twig builds it; a second click is no error.
    const activation = zms.mails.find((m) => m.kind === 'preconfirmed').link;
    assert.match(activation, /#\/appointment\/confirm\/[A-Za-z0-9+/=]+$/);
    for (const attempt of ['first', 'second']) {
      await page.goto(activation);
      await heading(page, 'Ihr Termin ist gebucht');
      assert.equal(new URL(page.url()).hash, '', `the token leaves the address bar (${attempt} click)`);
    }
    assert.equal(booked.status, 'confirmed');

    // Management link of the confirmation mail: reschedule, while ZMS refuses to cancel the old one...
    const manage = zms.mails.find((m) => m.kind === 'confirmation').link;
    await page.goto(manage);
    await heading(page, 'Ihr Termin');
    await tabTo(page, (f) => f.text === 'Termin verschieben');
    await page.keyboard.press('Enter');
    await pickTime(page, 1);
    zms.refuseCancels(1);
    await page.keyboard.press('Enter');
    await heading(page, 'Ihr Termin ist verschoben');
    const kept = picker(page).locator('.notice--warning');
    assert.match(await kept.textContent(), /bisheriger Termin ist noch gebucht.*neuer Termin steht.*konnten wir nicht absagen.*Bitte sagen Sie ihn hier ab/s);
    assert.deepEqual([...zms.processes.values()].map((p) => p.status), ['confirmed', 'confirmed'], 'the new appointment stands, the old one too');
    assert.deepEqual(await axeViolations(page), [], 'old appointment still booked');
    // ...so the citizen cancels it from there.
    await tabTo(page, (f) => f.text === 'Bisherigen Termin absagen');
    await page.keyboard.press('Enter');
    await picker(page).getByText('Ihr bisheriger Termin ist abgesagt. Ihr neuer Termin bleibt bestehen.').waitFor();
    const live = [...zms.processes.values()];
    assert.equal(live.length, 1, 'the old appointment is cancelled');
    assert.equal(live[0].status, 'confirmed');
    assert.notEqual(live[0].processId, booked.processId);
    assert.equal(zms.mails.filter((m) => m.kind === 'preconfirmed').length, 1, 'no second activation mail');

    // ...then cancel.
    await tabTo(page, (f) => f.text === 'Termin absagen');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.text === 'Ja, absagen');
    await page.keyboard.press('Enter');
    await heading(page, 'Ihr Termin ist abgesagt');
    assert.equal(zms.processes.size, 0);
    t.diagnostic(`requests to ZMS for the whole journey: ${zms.requests.length}`);
    assert.ok(zms.requests.length < 60, `within ZMS's 60 requests a minute (${zms.requests.length})`);
    // Chromium logs every 4xx: ZMS's refusal of the e-mail address, and the second activation click.
    assert.deepEqual(problems, [
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
      'console: Failed to load resource: the server responded with a status of 409 (Conflict)',
      'console: Failed to load resource: the server responded with a status of 406 (Not Acceptable)',
    ]);
    await context.close();
  });

  test('a reservation the cron job deleted is reported as expired, and a 429 as too many requests', async () => {
    const { page, context } = await openPage(browser, zms.url);
    await page.goto(`${zms.url}${PAGE}`);
    await chooseServiceOfficeAndTime(page);
    await page.keyboard.press('Enter');
    await heading(page, 'Ihre Angaben');
    zms.expireReservations();
    await sendDetails(page, 'erika@example.org');
    // 404 appointmentNotFound on update-appointment: the hold is gone, not the appointment link.
    await picker(page).getByText(/in der Zwischenzeit geändert/).waitFor();

    zms.limitAfter(0);
    await page.reload();
    const before = zms.requests.length;
    await picker(page).getByText(/Zu viele Anfragen/).waitFor();
    // No blind retries: each would restart ZMS's one-minute window.
    assert.equal(zms.requests.length - before, 1);
    zms.limitAfter(60);
    await context.close();
  });
});
