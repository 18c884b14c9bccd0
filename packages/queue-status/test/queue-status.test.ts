import { expect, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { MuniQueueStatus } from '../src/muni-queue-status.js';
import { call, queueState, scriptedProvider } from './queue-fixtures.js';

const root = (el: MuniQueueStatus) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: MuniQueueStatus, selector: string) => root(el).querySelector<T>(selector)!;
const text = (el: MuniQueueStatus) => root(el).textContent!.replace(/\s+/g, ' ');
const rows = (el: MuniQueueStatus) =>
  [...root(el).querySelectorAll('.groups tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent!.trim()).join(' | '));
const announced = (el: MuniQueueStatus, kind: 'polite' | 'assertive') => $(el, `[data-announcer=${kind}]`).textContent!.trim();
const settle = async (el: MuniQueueStatus, ms = 0) => {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, ms));
    await el.updateComplete;
  }
};
const mounted: HTMLElement[] = [];

/** Built by hand, not with fixture(): see web-test-runner.config.js on background tabs. */
async function queueStatus(attributes: Record<string, string> = {}, script = scriptedProvider()) {
  const el = document.createElement('muni-queue-status');
  el.setAttribute('office', 'buergerbuero');
  el.setAttribute('locale', 'de');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.provider = script.provider;
  document.body.append(el);
  mounted.push(el);
  await settle(el);
  return { el, script };
}

describe('<muni-queue-status>', () => {
  // The display mode and the number form are lazy chunks; loaded up front, a cold test server
  // cannot make the first test that needs one outwait its settle().
  before(() => Promise.all([import('../src/views/display.js'), import('../src/views/my-number-form.js')]));
  beforeEach(() => history.replaceState(null, '', location.pathname));
  afterEach(() => {
    for (const el of mounted.splice(0)) el.remove();
    history.replaceState(null, '', location.pathname);
  });

  it('shows a loading state, then waiting counts, estimates, hours and the last calls, accessible', async () => {
    const { el, script } = await queueStatus();
    expect(text(el)).to.contain('Aktueller Stand wird geladen');
    await expect(el).to.be.accessible();
    script.push(queueState());
    await settle(el);
    const shown = text(el);
    expect(shown).to.contain('Wartezeit im Bürgerbüro');
    expect(rows(el)).to.deep.equal(['Ausweise und Pässe | 5 | ca. 15 Minuten', 'An-, Um- und Abmeldung | 0 | keine']);
    expect(shown).to.contain('Heute: 08:00–12:00, 14:00–18:00 Uhr');
    expect([...root(el).querySelectorAll('.calls li .call')].map((li) => li.textContent)).to.deep.equal(['B-042 → Platz 3', 'A-017 → Platz 1']);
    expect($(el, '#queue-number')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('follows a replaced provider: the old feed ends, the new one is shown', async () => {
    const { el, script } = await queueStatus();
    script.push(queueState());
    await settle(el);
    const other = scriptedProvider();
    el.provider = other.provider;
    await settle(el);
    expect(script.unsubscribed).to.equal(1);
    expect(other.subscriptions).to.deep.equal([{ officeId: 'buergerbuero' }]);
    expect(text(el)).not.to.contain('Ausweise und Pässe');
    other.push(queueState({ officeName: 'Bürgerbüro Nord' }));
    await settle(el);
    expect(text(el)).to.contain('Bürgerbüro Nord');
  });

  it('updates live without reload', async () => {
    const { el, script } = await queueStatus();
    script.push(queueState());
    await settle(el);
    script.push(queueState({ version: 11, calls: [call('A-018', 2, 11), call('B-042', 3, 10)], groups: [{ code: 'A', name: 'Ausweise und Pässe', waiting: 4, estimatedWaitMinutes: 12 }] }), [call('A-018', 2, 11)]);
    await settle(el);
    expect($(el, '.calls li .call').textContent).to.equal('A-018 → Platz 2');
    expect(rows(el)).to.deep.equal(['Ausweise und Pässe | 4 | ca. 12 Minuten']);
    // The office view does not read out every call; the display does.
    expect(announced(el, 'polite')).to.equal('');
  });

  it('says closed with today\'s hours and the next opening', async () => {
    const { el, script } = await queueStatus();
    script.push(queueState({ open: false, hours: { intervals: [], note: 'Betriebsausflug' }, nextOpening: { date: '2030-03-04', opens: '08:00' } }));
    await settle(el);
    expect(text(el)).to.contain('Zurzeit geschlossen. Wieder geöffnet: Montag, 08:00 Uhr');
    expect(text(el)).to.contain('Heute geschlossen (Betriebsausflug)');
    await expect(el).to.be.accessible();
  });

  it('shows how old the state is while the connection is lost, and drops the notice once it is back', async () => {
    const { el, script } = await queueStatus();
    script.push(queueState());
    script.status({ connected: true, stale: false, lastEventAt: Date.parse('2026-03-02T09:42:00Z') });
    await settle(el);
    expect($(el, '[part=stale]')).to.equal(null);
    script.status({ connected: false, stale: true, lastEventAt: Date.parse('2026-03-02T09:42:00Z') });
    await settle(el, 120);
    expect($(el, '[part=stale]').textContent).to.equal('Stand von 10:42 Uhr – Verbindung wird wiederhergestellt');
    expect(announced(el, 'polite')).to.equal('Stand von 10:42 Uhr – Verbindung wird wiederhergestellt');
    await expect(el).to.be.accessible();
    script.status({ connected: true, stale: false, lastEventAt: Date.now() });
    await settle(el);
    expect($(el, '[part=stale]')).to.equal(null);
  });

  it('tells an office without a call system apart', async () => {
    const { el, script } = await queueStatus();
    script.status({ connected: false, stale: false, error: 'office_not_found' });
    await settle(el);
    expect(text(el)).to.contain('keine Wartezeit-Anzeige');
  });

  it('follows my number from the form: checks the input, keyboard only, then links it', async () => {
    const { el, script } = await queueStatus();
    script.push(queueState());
    await settle(el, 20);
    const number = $<HTMLInputElement>(el, '#queue-number');
    number.focus();
    number.value = 'a42';
    number.dispatchEvent(new Event('input'));
    const code = $<HTMLInputElement>(el, '#queue-code');
    code.value = 'k7m2p';
    code.dispatchEvent(new Event('input'));
    await settle(el);
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect(text(el)).to.contain('Der Code hat sechs Zeichen');
    expect(root(el).activeElement?.id).to.equal('queue-code');
    expect($(el, '#queue-code').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    const again = $<HTMLInputElement>(el, '#queue-code');
    again.value = 'k7m2p9';
    again.dispatchEvent(new Event('input'));
    await settle(el);
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect(location.hash).to.equal('#muni-queue=ticket:A-042.K7M2P9');
    expect(script.subscriptions.at(-1)).to.deep.equal({ officeId: 'buergerbuero', ticket: { number: 'A-042', code: 'K7M2P9' } });
    expect(root(el).activeElement?.id).to.equal('ticket-heading');
    // "Andere Nummer" goes back to the form.
    $<HTMLButtonElement>(el, '[part=other-button]').click();
    await settle(el, 20);
    expect(location.hash).to.equal('');
    expect(root(el).activeElement?.id).to.equal('queue-number');
  });

  it('keeps the other widgets’ state in the fragment: following a number and "Andere Nummer" touch only its own key; Back returns', async () => {
    history.replaceState(null, '', `${location.pathname}#muni-service=az`);
    const { el, script } = await queueStatus();
    script.push(queueState());
    await settle(el, 20);
    const fill = (selector: string, value: string) => {
      const input = $<HTMLInputElement>(el, selector);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    fill('#queue-number', 'A-042');
    fill('#queue-code', 'K7M2P9');
    await settle(el);
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect(location.hash).to.equal('#muni-service=az&muni-queue=ticket:A-042.K7M2P9');
    $<HTMLButtonElement>(el, '[part=other-button]').click();
    await settle(el, 20);
    expect(location.hash).to.equal('#muni-service=az');
    expect($(el, '#queue-number')).to.exist;
    // Both were steps: Back follows the number again, with the finder's part untouched.
    const back = new Promise((r) => addEventListener('hashchange', r, { once: true }));
    history.back();
    await back;
    await settle(el, 20);
    expect(location.hash).to.equal('#muni-service=az&muni-queue=ticket:A-042.K7M2P9');
    expect(script.subscriptions.at(-1)).to.deep.equal({ officeId: 'buergerbuero', ticket: { number: 'A-042', code: 'K7M2P9' } });
    expect($(el, '#ticket-heading')).to.exist;
  });

  it('my number: position and wait, "next", then a polite and an assertive notice when called', async () => {
    history.replaceState(null, '', `${location.pathname}#muni-queue=ticket:A-042.K7M2P9`);
    const { el, script } = await queueStatus();
    expect(script.subscriptions[0]).to.deep.equal({ officeId: 'buergerbuero', ticket: { number: 'A-042', code: 'K7M2P9' } });
    script.push(queueState(), [], { number: 'A-042', status: 'waiting', ahead: 5, estimatedWaitMinutes: 15 });
    await settle(el);
    expect($(el, '.ticket-status').textContent).to.equal('noch 5 Personen vor Ihnen, ca. 15 Minuten');
    expect($(el, '#queue-number')).to.equal(null);
    await expect(el).to.be.accessible();
    script.push(queueState(), [], { number: 'A-042', status: 'waiting', ahead: 0, estimatedWaitMinutes: 0 });
    await settle(el, 120);
    expect($(el, '.ticket-status').textContent).to.equal('Sie sind als Nächstes dran.');
    expect(announced(el, 'polite')).to.equal('Sie sind als Nächstes dran.');
    const called = oneEvent(el, 'muni-queue-called');
    script.push(queueState(), [call('A-042', 3, 11)], { number: 'A-042', status: 'called', counter: 3, counterName: 'Platz 3' });
    expect((await called).detail).to.deep.equal({ ticket: 'A-042', counter: 3, counterName: 'Platz 3' });
    await settle(el, 120);
    expect($(el, '.ticket-status').textContent).to.equal('Sie sind dran: bitte jetzt zu Platz 3.');
    expect(announced(el, 'assertive')).to.equal('Ihre Nummer A-042 wird aufgerufen: bitte zu Platz 3.');
    await expect(el).to.be.accessible();
  });

  it('asks for notification permission only after the button is pressed, and vibrates when called', async () => {
    const vibrations: unknown[] = [];
    const originalVibrate = navigator.vibrate;
    Object.defineProperty(navigator, 'vibrate', { configurable: true, value: (pattern: unknown) => (vibrations.push(pattern), true) });
    try {
      const { el, script } = await queueStatus({ ticket: 'A-042.K7M2P9' });
      script.push(queueState(), [], { number: 'A-042', status: 'waiting', ahead: 2, estimatedWaitMinutes: 6 });
      await settle(el);
      expect($(el, '[part=other-button]')).to.equal(null, 'a number set by attribute cannot be changed');
      $<HTMLButtonElement>(el, '[part=notify-button]').click();
      await settle(el);
      expect(text(el)).to.match(/Eingeschaltet|gesperrt/);
      script.push(queueState(), [], { number: 'A-042', status: 'called', counter: 2, counterName: 'Platz 2' });
      await settle(el);
      expect(vibrations).to.have.length(1);
    } finally {
      Object.defineProperty(navigator, 'vibrate', { configurable: true, value: originalVibrate });
    }
  });

  it('display mode: full screen, every new call announced and, with speak, spoken in German', async () => {
    const spoken: SpeechSynthesisUtterance[] = [];
    const originalSpeak = speechSynthesis.speak;
    speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push(u);
    try {
      const { el, script } = await queueStatus({ display: '', speak: '' });
      script.push(queueState());
      await settle(el, 20);
      const box = el.getBoundingClientRect();
      expect(box.width).to.equal(innerWidth);
      expect(getComputedStyle(el).position).to.equal('fixed');
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(0, 0, 0)');
      expect($(el, '.board')).to.exist;
      expect($(el, '#queue-number')).to.equal(null);
      await expect(el).to.be.accessible();
      script.push(queueState({ version: 12, calls: [call('M-007', 4, 12), call('A-018', 2, 11), call('B-042', 3, 10)] }), [call('A-018', 2, 11), call('M-007', 4, 12)]);
      await settle(el, 120);
      expect(announced(el, 'polite')).to.equal('Nummer A-018, bitte zu Platz 2. Nummer M-007, bitte zu Platz 4.');
      expect(spoken.map((u) => [u.text, u.lang])).to.deep.equal([['Nummer A-018, bitte zu Platz 2. Nummer M-007, bitte zu Platz 4.', 'de-DE']]);
      expect($(el, '.calls li .call').textContent).to.equal('M-007 → Platz 4');
    } finally {
      speechSynthesis.speak = originalSpeak;
    }
  });

  it('speaks English in English, and unsubscribes when removed', async () => {
    const { el, script } = await queueStatus({ locale: 'en' });
    script.push(queueState());
    await settle(el, 20);
    expect(text(el)).to.contain('Waiting time at the Bürgerbüro');
    expect(rows(el)[0]).to.equal('Ausweise und Pässe | 5 | about 15 minutes');
    await expect(el).to.be.accessible();
    el.remove();
    expect(script.unsubscribed).to.equal(1);
  });
});
