import { defineElement } from '@muni-widgets/core';
import { MuniServiceFinder } from './muni-service-finder.js';

defineElement('muni-service-finder', MuniServiceFinder);

declare global {
  interface HTMLElementTagNameMap {
    'muni-service-finder': MuniServiceFinder;
  }
}
