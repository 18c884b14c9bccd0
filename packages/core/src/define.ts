import { defineElement } from './define-element.js';
import { MuniProvider } from './muni-provider.js';

defineElement('muni-provider', MuniProvider);

declare global {
  interface HTMLElementTagNameMap {
    'muni-provider': MuniProvider;
  }
}
