import { defineElement } from '@muni-widgets/core';
import '@muni-widgets/core/define.js';
import { MuniServiceFinder } from './muni-service-finder.js';

defineElement('muni-service-finder', MuniServiceFinder);

declare global {
  interface HTMLElementTagNameMap {
    'muni-service-finder': MuniServiceFinder;
  }
}
