import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { ApiError, type Locale } from '../packages/core/src/index.js';
import '../packages/payment-button/src/define.js';
import type { MuniPaymentButton } from '../packages/payment-button/src/muni-payment-button.js';
import type { Payment, PaymentStatus } from '../packages/payment-button/src/provider.js';
import { paymentBackend } from '../packages/payment-button/test/payment-fixtures.js';

const ATTRIBUTES = { amount: '3070', currency: 'EUR', purpose: 'Bewohnerparkausweis Zone B', reference: '5210-2026-004711' };

/**
 * Each story puts the button on an in-memory backend. An outcome story first starts a payment,
 * lets the "platform" decide `outcome`, and opens the page the way the platform sends the
 * citizen back (`#muni-payment=<id>`), so the button asks for the status as it would live;
 * `failure` makes that status request fail. With `elsewhere`, the payment is another browser's:
 * this page has no link to it and presses "pay" for the same Kassenzeichen.
 */
function story(options: { outcome?: PaymentStatus; attributes?: Record<string, string>; failure?: ApiError; elsewhere?: boolean } = {}): StoryObj {
  return {
    render: (_args, { globals }) => {
      history.replaceState(null, '', `${location.pathname}${location.search}`);
      sessionStorage.clear();
      const backend = paymentBackend();
      const el = document.createElement('muni-payment-button') as MuniPaymentButton;
      el.setAttribute('locale', (globals['locale'] as Locale | undefined) ?? 'de');
      for (const [name, value] of Object.entries({ ...ATTRIBUTES, ...options.attributes })) el.setAttribute(name, value);
      el.provider = backend.provider;
      if (!options.outcome) return el;
      const placeholder = document.createElement('div');
      void backend.provider
        .create({ amountCents: 3070, currency: 'EUR', purpose: ATTRIBUTES.purpose, reference: ATTRIBUTES.reference, returnUrl: location.href }, 'story-key')
        .then(async (created) => {
          const { id } = created as Payment;
          backend.state.outcome = options.outcome!;
          if (options.elsewhere) {
            await backend.provider.status(id);
            placeholder.replaceWith(el);
            await el.updateComplete;
            return el.pay();
          }
          if (options.failure) backend.state.failNext = options.failure;
          history.replaceState(null, '', `${location.pathname}${location.search}#muni-payment=${id}`);
          placeholder.replaceWith(el);
        });
      return placeholder;
    },
  };
}

const meta = {
  title: 'Widgets/Payment button',
  component: 'muni-payment-button',
} satisfies Meta;
export default meta;

/** Before paying: amount, purpose and Kassenzeichen, the pay button and the status look-up. */
export const Idle = story();
/** Back from the pay page, paid: the printable receipt from the server's answer. */
export const Paid = story({ outcome: 'paid' });
/** The platform declined: nothing charged, pay again. */
export const Failed = story({ outcome: 'failed' });
/** The citizen cancelled on the pay page. */
export const Cancelled = story({ outcome: 'cancelled' });
/** The platform has not decided yet: the button asks again by itself, and offers to. */
export const Pending = story({ outcome: 'pending' });
/** Back without finishing: continue on the pay page. */
export const NotFinished = story({ outcome: 'redirect' });
/** Paid in another browser: pressing "pay" shows the receipt instead of paying twice. */
export const AlreadyPaid = story({ outcome: 'paid', elsewhere: true });
/** Open in another browser: said so, with no pay page and no second payment. */
export const OpenElsewhere = story({ outcome: 'redirect', elsewhere: true });
/** Back from the pay page while the server cannot be reached: the message and a retry. */
export const BackendUnreachable = story({ outcome: 'paid', failure: new ApiError('network') });
/** What a web editor sees when the attributes break the platform's rules. */
export const MisconfiguredForEditors = story({ attributes: { purpose: 'Parkausweis & Anwohnerparken Zone B', reference: '5210/2026' } });
