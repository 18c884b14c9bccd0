import { defineElement } from '@muni-widgets/core';
import { MuniPaymentButton } from './muni-payment-button.js';

defineElement('muni-payment-button', MuniPaymentButton);

declare global {
  interface HTMLElementTagNameMap {
    'muni-payment-button': MuniPaymentButton;
  }
}
