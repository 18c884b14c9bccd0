// Issue acceptance: on the demo's Kita page, with the keyboard only, book an
// appointment against the real reference server, open the activation link from
// the dev outbox, then cancel through the management link.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, deepFocus, tabTo, useDemo } from './harness.mjs';

const picker = (page) => page.locator('muni-appointment-picker');
const stepHeading = (page) => picker(page).locator('#step-heading');

async function outboxLink(server, action) {
  const { items } = await fetch(`${server.url}/api/dev/outbox`).then((r) => r.json());
  for (const mail of items) {
    const match = new RegExp(`https?://\\S+#muni-appointment=${action}:[A-Za-z0-9_-]+`).exec(mail.text);
    if (match) return match[0];
  }
  throw new Error(`no ${action} link in the outbox`);
}

describe('appointment booking on the demo page (keyboard only)', () => {
  const demo = useDemo({ session: true });

  test('book, activate from the e-mail, reschedule and cancel from the management link', async () => {
    const { page, problems } = demo.session;
    await page.goto(`${demo.server.url}/kita-termin.html`);
    await stepHeading(page).waitFor();
    assert.equal(await stepHeading(page).textContent(), 'Anliegen wählen');
    assert.deepEqual(await axeViolations(page), [], 'service step');
    // The minified bundle keeps the space a template edge carries (html`${description} `).
    assert.match(await picker(page).locator('#service-kita-anmeldung-info').textContent(), /ein\. Dauer etwa 30 Minuten/);

    // Service: Space ticks the checkbox, then on to "Weiter".
    await page.keyboard.press('Tab');
    await tabTo(page, (f) => f.id === 'service-kita-anmeldung');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.text === 'Weiter');
    await page.keyboard.press('Enter');

    // Day and time: jump to the next free day, then take its first time.
    await picker(page).getByRole('heading', { name: 'Tag und Uhrzeit wählen' }).waitFor();
    await picker(page).locator('.calendar__day--free').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'calendar step');
    await tabTo(page, (f) => f.text === 'Nächster freier Termin');
    await page.keyboard.press('Enter');
    await picker(page).locator('.time').first().waitFor();
    const time = await tabTo(page, (f) => f.tag === 'button' && /^\d{1,2}:\d\d Uhr$/.test(f.text));
    assert.ok(time);
    await page.keyboard.press('Enter');

    // Details: typed, with the hold running.
    await picker(page).getByRole('heading', { name: 'Ihre Angaben' }).waitFor();
    assert.match(await picker(page).locator('[role=timer]').textContent(), /noch \d+:\d\d Minuten/);
    assert.equal(await picker(page).locator('#hold-extensions').textContent(), 'Noch 10 Verlängerungen möglich.');
    assert.deepEqual(await axeViolations(page), [], 'details step');
    // WCAG 2.2.1: the hold can be extended, at least ten times, and the widget counts down.
    // The hold sits above the step, whose heading has focus: back with Shift+Tab.
    for (let i = 0; i < 5 && (await deepFocus(page))?.text !== 'Reservierung verlängern'; i++) await page.keyboard.press('Shift+Tab');
    assert.equal((await deepFocus(page))?.text, 'Reservierung verlängern');
    await page.keyboard.press('Enter');
    await picker(page).getByText('Noch 9 Verlängerungen möglich.').waitFor();
    await tabTo(page, (f) => f.id === 'name');
    await page.keyboard.type('Erika Mustermann');
    await page.keyboard.press('Tab');
    await page.keyboard.type('erika@example.org');
    // The date control's own typing order follows the browser's locale; fill() sets it as a date picker would.
    await picker(page).locator('#field-child_birth_date').fill('2024-05-01');
    await tabTo(page, (f) => f.id === 'field-child_name');
    await page.keyboard.type('Paul Mustermann');
    await page.keyboard.press('Enter');

    // Review: consent, then send.
    await picker(page).getByRole('heading', { name: 'Prüfen und absenden' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'review step');
    await tabTo(page, (f) => f.id === 'consent');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.text === 'Termin verbindlich anfragen');
    await page.keyboard.press('Enter');
    await picker(page).getByRole('heading', { name: 'Bitte bestätigen Sie Ihren Termin' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'sent step');

    // The activation link from the e-mail confirms the booking.
    await page.goto(await outboxLink(demo.server, 'activate'));
    await picker(page).getByRole('heading', { name: 'Ihr Termin ist gebucht' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
    assert.deepEqual(await axeViolations(page), [], 'confirmed step');

    // The management link from the confirmation e-mail: move the appointment to another time...
    await page.goto(await outboxLink(demo.server, 'manage'));
    await picker(page).getByRole('heading', { name: 'Ihr Termin', exact: true }).waitFor();
    const before = await picker(page).locator('.summary').first().textContent();
    await tabTo(page, (f) => f.text === 'Termin verschieben');
    await page.keyboard.press('Enter');
    await picker(page).getByRole('heading', { name: 'Tag und Uhrzeit wählen' }).waitFor();
    await tabTo(page, (f) => f.text === 'Nächster freier Termin');
    await page.keyboard.press('Enter');
    await picker(page).locator('.time').nth(1).waitFor();
    await tabTo(page, (f) => f.tag === 'button' && /^\d{1,2}:\d\d Uhr$/.test(f.text));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await picker(page).getByRole('heading', { name: 'Ihr Termin ist verschoben' }).waitFor();
    assert.notEqual(await picker(page).locator('.summary').first().textContent(), before);
    assert.deepEqual(await axeViolations(page), [], 'rescheduled');

    // ...then cancel it.
    await tabTo(page, (f) => f.text === 'Termin absagen');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.text === 'Ja, absagen');
    await page.keyboard.press('Enter');
    await picker(page).getByRole('heading', { name: 'Ihr Termin ist abgesagt' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'cancelled step');

    assert.deepEqual(problems, []);
  });
});
