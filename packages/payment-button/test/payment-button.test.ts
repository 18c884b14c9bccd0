import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { ApiError } from '@muni-widgets/core';
import '../src/define.js';
import type { MuniPaymentButton } from '../src/muni-payment-button.js';
import type { Payment, PaymentStatus } from '../src/provider.js';
import { paymentBackend } from './payment-fixtures.js';

const root = (el: MuniPaymentButton) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: MuniPaymentButton, selector: string) => root(el).querySelector<T & HTMLElement>(selector)!;
const text = (el: MuniPaymentButton) => root(el).textContent!.replace(/\s+/g, ' ');
const settle = async (el: MuniPaymentButton) => {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

const ATTRIBUTES = { amount: '3070', currency: 'EUR', purpose: 'Bewohnerparkausweis Zone B', reference: '5210-2026-004711' };
const mounted: HTMLElement[] = [];

/** Built by hand, not with fixture(): see web-test-runner.config.js on background tabs. */
async function paymentButton(backend = paymentBackend(), attributes: Record<string, string> = ATTRIBUTES) {
  const el = document.createElement('muni-payment-button');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.provider = backend.provider;
  document.body.append(el);
  mounted.push(el);
  await settle(el);
  return { el, backend };
}

/**
 * The citizen pays on the platform's page: the button sends them off, the page is left, and the
 * platform decides `outcome`. Resolves with the payment's id, before the return.
 */
async function leaveForPayPage(backend: ReturnType<typeof paymentBackend>, outcome?: PaymentStatus): Promise<string> {
  const { el } = await paymentButton(backend);
  $(el, '[part=pay-button]').click();
  const { detail } = await oneEvent(el, 'muni-payment-started');
  el.remove();
  if (outcome) backend.state.outcome = outcome;
  return detail.paymentId;
}

/** What the platform's redirect does: the page again, with the payment's id in the fragment. */
function returnFromPayPage(id: string, extra = '') {
  history.replaceState(null, '', `${location.pathname}#muni-payment=${id}${extra}`);
}

describe('<muni-payment-button>', () => {
  // The outcome view is a lazy chunk; a cold test server serves it slower than the settle() helper above waits.
  before(() => import('../src/views/outcome.js'));
  beforeEach(() => {
    sessionStorage.clear();
    history.replaceState(null, '', location.pathname);
  });
  afterEach(() => {
    for (const el of mounted.splice(0)) el.remove();
  });

  it('shows amount, purpose and Kassenzeichen with one pay button, accessible', async () => {
    const { el } = await paymentButton();
    expect(text(el)).to.contain('30,70 €').and.to.contain('Bewohnerparkausweis Zone B').and.to.contain('5210-2026-004711');
    expect($(el, '[part=pay-button]').textContent!.trim()).to.match(/^30,70\s€ bezahlen$/);
    await expect(el).to.be.accessible();
  });

  it('tells the web editor what is wrong with the attributes instead of offering a broken button', async () => {
    const { el } = await paymentButton(undefined, { amount: '25,00', purpose: 'Gebühr für den Bewohnerparkausweis Zone B', reference: 'Kassenzeichen 1' });
    // The editor-facing texts are a lazy chunk: on a cold test server its first load takes a while.
    await waitUntil(() => root(el).querySelectorAll('li').length === 3, 'the problems were never listed', { timeout: 5000 });
    const message = text(el);
    expect(message).to.contain('falsch eingerichtet');
    expect(message).to.contain('ganze Zahl in Cent');
    expect(message).to.contain('höchstens 27 Zeichen');
    expect(message).to.contain('1 bis 36 Zeichen');
    expect($(el, '[part=pay-button]')).to.equal(null);
    await expect(el).to.be.accessible();

    const { el: badCharacters } = await paymentButton(undefined, { ...ATTRIBUTES, purpose: 'Gebühr <Zone> & mehr' });
    await waitUntil(() => root(badCharacters).querySelector('li'), 'the problem was never listed', { timeout: 5000 });
    expect(text(badCharacters)).to.contain('< > &');
  });

  it('creates one payment and leaves for the pay page in the same tab', async () => {
    const { el, backend } = await paymentButton();
    const started = oneEvent(el, 'muni-payment-started');
    $(el, '[part=pay-button]').click();
    $(el, '[part=pay-button]').click();
    const { detail } = await started;
    await settle(el);
    expect(backend.calls.filter((c) => c.startsWith('create'))).to.have.length(1);
    expect(el.state).to.equal('redirecting');
    expect(location.hash).to.equal(`#sandbox-pay-${detail.paymentId}`);
    expect(detail).to.include({ amountCents: 3070, reference: '5210-2026-004711' });
    expect(JSON.parse(sessionStorage.getItem('muni-payment:5210-2026-004711:3070:Bewohnerparkausweis Zone B')!)).to.include({ paymentId: detail.paymentId });
    await expect(el).to.be.accessible();
  });

  it('keeps the idempotency key across a failed attempt and a reload: one payment, never two', async () => {
    const backend = paymentBackend();
    backend.state.failNext = new ApiError('timeout');
    const { el } = await paymentButton(backend);
    $(el, '[part=pay-button]').click();
    await settle(el);
    expect($(el, '[role=alert]').textContent).to.contain('Erneut versuchen');
    expect(el.state).to.equal('idle');
    await expect(el).to.be.accessible();

    // The page is reloaded before the retry: a new element, the same session.
    el.remove();
    const { el: reloaded } = await paymentButton(backend);
    $(reloaded, '[part=pay-button]').click();
    await settle(reloaded);
    const keys = backend.calls.filter((c) => c.startsWith('create')).map((c) => c.slice('create:'.length));
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    expect(backend.payments.size).to.equal(1);
  });

  it('back from the pay page: asks the server, shows a printable receipt, announces and focuses it', async () => {
    const backend = paymentBackend();
    const paymentId = await leaveForPayPage(backend, 'paid');
    returnFromPayPage(paymentId);
    const completedEvents: unknown[] = [];
    document.addEventListener('muni-payment-completed', (e) => completedEvents.push((e as CustomEvent).detail), { once: true });
    const { el: back } = await paymentButton(backend);
    expect(back.state).to.equal('paid');
    const receipt = $(back, '[part=receipt]').textContent!.replace(/\s+/g, ' ');
    for (const part of ['30,70 €', 'Bewohnerparkausweis Zone B', '5210-2026-004711', 'Montag, 23. November 2026, 11:03 Uhr', 'Kreditkarte', 'TX-4711']) expect(receipt, part).to.contain(part);
    expect(root(back).activeElement).to.equal($(back, '#status-heading'));
    expect(location.hash, 'the id is taken out of the URL').to.equal('');
    expect(completedEvents).to.deep.equal([{ paymentId, reference: '5210-2026-004711', amountCents: 3070, transactionReference: 'TX-4711' }]);
    expect($(back, '[part=print-button]')).to.exist;
    await new Promise((r) => setTimeout(r, 150));
    expect($(back, '[data-announcer=polite]').textContent).to.contain('Ihre Zahlung ist eingegangen');
    await expect(back).to.be.accessible();

    // A reload after paying shows the receipt again and offers no second payment.
    back.remove();
    const { el: reloaded } = await paymentButton(backend);
    expect(reloaded.state).to.equal('paid');
    expect($(reloaded, '[part=pay-button]')).to.equal(null);
  });

  it('asks a replaced provider again about the payment this page started', async () => {
    const backend = paymentBackend();
    await leaveForPayPage(backend, 'paid');
    const { el } = await paymentButton(paymentBackend());
    expect(el.state).to.equal('idle');
    el.provider = backend.provider;
    await settle(el);
    expect(el.state).to.equal('paid');
  });

  it('never trusts the URL: a "paid" in the return link means nothing, the server decides', async () => {
    const backend = paymentBackend();
    const paymentId = await leaveForPayPage(backend, 'cancelled');
    returnFromPayPage(paymentId, '&status=PAYED&paid=true');
    const { el: back } = await paymentButton(backend);
    expect(back.state).to.equal('cancelled');
    expect(text(back)).to.contain('Sie haben die Zahlung abgebrochen');
    expect(text(back)).to.contain('Es wurde nichts abgebucht');
    await expect(back).to.be.accessible();
  });

  it('ignores a return link for a payment this button does not sell', async () => {
    const backend = paymentBackend();
    const other = (await backend.provider.create({ amountCents: 100, currency: 'EUR', purpose: 'Anderes', reference: 'X-1', returnUrl: location.href }, 'other-key-123')) as Payment;
    returnFromPayPage(other.id);
    const { el } = await paymentButton(backend);
    expect(el.state).to.equal('idle');
    expect($(el, '[part=pay-button]')).to.exist;
  });

  for (const [outcome, title, event] of [
    ['failed', 'Die Zahlung hat nicht geklappt', 'muni-payment-failed'],
    ['expired', 'Die Zahlung ist abgelaufen', 'muni-payment-failed'],
    ['cancelled', 'Sie haben die Zahlung abgebrochen', 'muni-payment-cancelled'],
  ] as const) {
    it(`after "${outcome}" offers a new, separate payment`, async () => {
      const backend = paymentBackend();
      const paymentId = await leaveForPayPage(backend, outcome);
      returnFromPayPage(paymentId);
      const seen: string[] = [];
      document.addEventListener(event, () => seen.push(event), { once: true });
      const { el: back } = await paymentButton(backend);
      expect($(back, '#status-heading').textContent).to.equal(title);
      expect(seen).to.deep.equal([event]);
      await expect(back).to.be.accessible();

      backend.state.outcome = 'redirect';
      $(back, '[part=pay-button]').click();
      await settle(back);
      const keys = backend.calls.filter((c) => c.startsWith('create'));
      expect(keys).to.have.length(2);
      expect(keys[0]).not.to.equal(keys[1]);
      expect(backend.payments.size).to.equal(2);
    });
  }

  it('while the platform has not decided, says "do not pay again" and lets the citizen check again', async () => {
    const backend = paymentBackend();
    const paymentId = await leaveForPayPage(backend, 'pending');
    returnFromPayPage(paymentId);
    const { el: back } = await paymentButton(backend);
    expect(text(back)).to.contain('Bitte bezahlen Sie nicht noch einmal');
    expect($(back, '[part=pay-button]')).to.equal(null);
    await expect(back).to.be.accessible();
    backend.state.outcome = 'paid';
    $(back, '[part=check-button]').click();
    await settle(back);
    expect(back.state).to.equal('paid');
  });

  it('reports an outcome to the host page once, even when the button asks the server again', async () => {
    const backend = paymentBackend();
    const paymentId = await leaveForPayPage(backend, 'paid');
    returnFromPayPage(paymentId);
    const completed: unknown[] = [];
    const count = (e: Event) => completed.push((e as CustomEvent).detail);
    document.addEventListener('muni-payment-completed', count);
    try {
      const { el: back } = await paymentButton(backend);
      // A new configuration (here the language) makes the button look its payment up again.
      back.setAttribute('locale', 'en');
      await settle(back);
      expect(backend.calls.filter((c) => c.startsWith('status:'))).to.have.length(2);
      expect(back.state).to.equal('paid');
      expect($(back, '#status-heading').textContent).to.equal('Thank you – your payment has been received');
      expect(completed).to.have.length(1);
    } finally {
      document.removeEventListener('muni-payment-completed', count);
    }
  });

  it('coming back without finishing offers to continue the same payment', async () => {
    const backend = paymentBackend();
    const paymentId = await leaveForPayPage(backend);
    returnFromPayPage(paymentId);
    const { el: back } = await paymentButton(backend);
    expect(back.state).to.equal('open');
    expect($<HTMLAnchorElement>(back, '[part=continue-link]').getAttribute('href')).to.contain(`sandbox-pay-${paymentId}`);
    await expect(back).to.be.accessible();
  });

  it('keeps the citizen informed when the status check fails, with a retry', async () => {
    const backend = paymentBackend();
    const paymentId = await leaveForPayPage(backend, 'paid');
    backend.state.failNext = new ApiError('offline');
    returnFromPayPage(paymentId);
    const { el: back } = await paymentButton(backend);
    expect($(back, '[role=alert]').textContent).to.contain('Internetverbindung');
    await expect(back).to.be.accessible();
    $(back, '[part=retry-button]').click();
    await settle(back);
    expect(back.state).to.equal('paid');
  });

  it('looks up the payment by Kassenzeichen after the tab was closed: status, amount and date, no pay page', async () => {
    const backend = paymentBackend();
    const { el } = await paymentButton(backend);
    $(el, '[part=lookup-button]').click();
    await settle(el);
    expect($(el, '#status-heading').textContent).to.equal('Zu diesem Kassenzeichen gibt es noch keine Zahlung.');

    const created = (await backend.provider.create({ ...ATTRIBUTES, amountCents: 3070, currency: 'EUR', returnUrl: location.href }, 'closed-tab-key')) as Payment;
    backend.state.outcome = 'paid';
    await backend.provider.status(created.id);
    sessionStorage.clear();
    const events: string[] = [];
    el.addEventListener('muni-payment-completed', (e) => events.push(e.type));
    $(el, '[part=lookup-button]').click();
    await settle(el);
    expect(el.state).to.equal('alreadyPaid');
    expect($(el, '#status-heading').textContent).to.equal('Dieses Kassenzeichen ist bereits bezahlt');
    const receipt = $(el, '[part=receipt]').textContent!.replace(/\s+/g, ' ');
    for (const part of ['30,70', '5210-2026-004711', 'Bezahlt am']) expect(receipt).to.contain(part);
    expect(receipt).not.to.contain('Kreditkarte');
    expect(events, 'not this page\'s payment: nothing reported').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a Kassenzeichen paid in another browser is not paid again: the receipt instead, announced and focused', async () => {
    const backend = paymentBackend();
    const paymentId = await leaveForPayPage(backend, 'paid');
    await backend.provider.status(paymentId);
    sessionStorage.clear();
    const { el } = await paymentButton(backend);
    $(el, '[part=pay-button]').click();
    await settle(el);
    expect(el.state).to.equal('alreadyPaid');
    expect(backend.payments.size).to.equal(1);
    const receipt = $(el, '[part=receipt]').textContent!.replace(/\s+/g, ' ');
    for (const part of ['30,70', 'Bewohnerparkausweis Zone B', '5210-2026-004711', 'Kreditkarte', 'TX-4711']) expect(receipt).to.contain(part);
    expect(root(el).querySelector('[part=pay-button]')).to.equal(null);
    expect($(el, '[part=print-button]')).to.exist;
    expect(root(el).activeElement?.id).to.equal('status-heading');
    expect(sessionStorage.length, 'the unused key is dropped').to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('a payment open in another browser: says so, offers neither its pay page nor a second payment', async () => {
    const backend = paymentBackend();
    await leaveForPayPage(backend);
    sessionStorage.clear();
    const { el } = await paymentButton(backend, { ...ATTRIBUTES, locale: 'en' });
    $(el, '[part=pay-button]').click();
    await settle(el);
    expect(el.state).to.equal('elsewhere');
    expect($(el, '#status-heading').textContent).to.equal('A payment for this cash reference is already in progress');
    expect(text(el)).to.contain('Open until');
    expect(root(el).querySelector('[part=continue-link]')).to.equal(null);
    expect(backend.payments.size).to.equal(1);
    await expect(el).to.be.accessible();
    // Finished there: checking again finds out.
    backend.state.outcome = 'cancelled';
    await backend.provider.status([...backend.payments.keys()][0]!);
    $(el, '[part=check-button]').click();
    await settle(el);
    expect(el.state).to.equal('cancelled');
    expect(backend.calls.at(-1)).to.equal('byReference:5210-2026-004711');
  });

  it('speaks English', async () => {
    const { el } = await paymentButton(undefined, { ...ATTRIBUTES, locale: 'en' });
    expect($(el, '[part=pay-button]').textContent!.trim()).to.equal('Pay €30.70');
  });
});
