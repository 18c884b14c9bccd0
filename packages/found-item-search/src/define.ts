import { defineElement } from '@muni-widgets/core';
import { MuniFoundItemSearch } from './muni-found-item-search.js';

defineElement('muni-found-item-search', MuniFoundItemSearch);

declare global {
  interface HTMLElementTagNameMap {
    'muni-found-item-search': MuniFoundItemSearch;
  }
}
