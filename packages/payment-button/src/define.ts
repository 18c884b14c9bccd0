import { defineElement } from '@muni-widgets/core';
import '@muni-widgets/core/define.js';
import { MuniPaymentButton } from './muni-payment-button.js';

defineElement('muni-payment-button', MuniPaymentButton);

declare global {
  interface HTMLElementTagNameMap {
    'muni-payment-button': MuniPaymentButton;
  }
}
