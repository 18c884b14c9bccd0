import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Locale } from '../packages/core/src/index.js';
import '../packages/service-finder/src/define.js';
import type { MuniServiceFinder } from '../packages/service-finder/src/muni-service-finder.js';
import { finderProvider } from '../packages/service-finder/test/finder-fixtures.js';

type Drive = (el: MuniServiceFinder) => Promise<void>;

const settled = async (el: MuniServiceFinder) => {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

/**
 * Each story opens the finder on the in-memory sample catalog at a place given by its deep
 * link (the URL fragment), as a shared link would, and may then act like a citizen.
 */
function story(options: { hash?: string; attributes?: Record<string, string>; drive?: Drive; fail?: Parameters<typeof finderProvider>[0] } = {}): StoryObj {
  return {
    render: (_args, { globals }) => {
      history.replaceState(null, '', `${location.pathname}${location.search}${options.hash ? `#${options.hash}` : ''}`);
      const el = document.createElement('muni-service-finder');
      el.setAttribute('locale', (globals['locale'] as Locale | undefined) ?? 'de');
      for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
      el.provider = finderProvider(options.fail).provider;
      void settled(el).then(() => options.drive?.(el));
      return el;
    },
  };
}

/** Types into the search box the way a citizen does, one input event per character. */
const typing =
  (text: string): Drive =>
  async (el) => {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    for (const char of text) {
      input.value += char;
      input.dispatchEvent(new Event('input'));
    }
    await settled(el);
  };

const meta = {
  title: 'Widgets/Service finder',
  component: 'muni-service-finder',
} satisfies Meta;
export default meta;

/** The start: search, life situations and the A–Z link. */
export const Start = story();
/** Suggestions while typing, an APG combobox: Down/Up move, Enter opens, Escape closes. */
export const Suggestions = story({ drive: typing('perso') });
/** After Enter: every hit, with the count. */
export const Results = story({ hash: 'muni-service=search:beantragen' });
/** Nothing found: the A–Z list and the city's contact instead. */
export const NoResults = story({ hash: 'muni-service=search:Xylophon' });
/** One life situation. */
export const Category = story({ hash: 'muni-service=category:familie' });
/** Everything from A to Z; the letters jump to their group. */
export const AToZ = story({ hash: 'muni-service=az' });
/** A service page: documents as a checklist, fees, office with "open now" and hours, "Termin buchen". */
export const ServicePage = story({ hash: 'muni-service=service:personalausweis-beantragen', attributes: { 'appointment-url': 'termin.html' } });
/** Catalog markup (DLDB, XZuFi) sanitized: the sample's script and image handler are gone. */
export const RichText = story({ hash: 'muni-service=service:wohnsitz-anmelden' });
/** With an online service: "Online beantragen". */
export const OnlineService = story({ hash: 'muni-service=service:reisepass-beantragen' });
/** A town-hall terminal: larger targets, addresses instead of links, restart, reset when idle. */
export const Kiosk = story({ hash: 'muni-service=service:reisepass-beantragen', attributes: { kiosk: '', 'idle-seconds': '120' } });
/** An old link to a service that is gone. */
export const NotFound = story({ hash: 'muni-service=service:gibt-es-nicht' });
/** The catalog could not be loaded: a message and a retry. */
export const CatalogError = story({ fail: { failCatalog: 99 } });
