import { createContext } from '@lit/context';
import type { Locale } from './i18n/locale.js';

export type Theme = 'light' | 'dark' | 'auto';

/** What `<muni-provider>` hands to every widget inside it. */
export interface MuniConfig {
  backendUrl?: string;
  locale?: Locale;
  timeZone?: string;
  theme?: Theme;
}

/**
 * A string key, not a Symbol: two separately bundled copies of core on one
 * page (per-widget CDN bundles) must still find each other's provider.
 */
export const muniConfigContext = createContext<MuniConfig>('muni-widgets.config');
