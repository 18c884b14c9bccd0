import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Locale } from '../packages/core/src/index.js';
import '../packages/found-item-search/src/define.js';
import type { MuniFoundItemSearch } from '../packages/found-item-search/src/muni-found-item-search.js';
import { daysAgo, foundProvider } from '../packages/found-item-search/test/found-fixtures.js';

type Fake = ReturnType<typeof foundProvider>;
type Drive = (el: MuniFoundItemSearch) => Promise<void>;

const settled = async (el: MuniFoundItemSearch) => {
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

/**
 * Each story opens the widget on the in-memory Fundbüro (the same public projection, search and
 * matching as the reference server) at a place given by its deep link, as a shared link or a mail
 * would, and may then act like a citizen. `setup` prepares the office first (e.g. a loss report
 * whose management link the story opens).
 */
function story(
  options: { hash?: string; drive?: Drive; fail?: Parameters<typeof foundProvider>[0]; setup?: (fake: Fake) => Promise<string | undefined> } = {},
): StoryObj {
  return {
    render: (_args, { globals }) => {
      const holder = document.createElement('div');
      const fake = foundProvider(options.fail);
      void (async () => {
        const hash = (await options.setup?.(fake)) ?? options.hash;
        history.replaceState(null, '', `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`);
        const el = document.createElement('muni-found-item-search');
        el.setAttribute('locale', (globals['locale'] as Locale | undefined) ?? 'de');
        el.provider = fake.provider;
        holder.append(el);
        await settled(el);
        await options.drive?.(el);
      })();
      return holder;
    },
  };
}

const field = (el: MuniFoundItemSearch, id: string, value: string | boolean) => {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
  if (typeof value === 'boolean') input.checked = value;
  else input.value = value;
  input.dispatchEvent(new Event(input.tagName === 'SELECT' || input.type === 'checkbox' ? 'change' : 'input'));
};

const press =
  (selector: string, ...then: Drive[]): Drive =>
  async (el) => {
    el.shadowRoot!.querySelector<HTMLElement>(selector)!.click();
    await settled(el);
    for (const step of then) await step(el);
  };

const fillClaim: Drive = async (el) => {
  field(el, 'name', 'Erika Mustermann');
  field(el, 'email', 'erika@example.org');
  field(el, 'features', 'Im Kartenfach steckt ein Foto meiner Katze und eine Bahncard 25.');
  field(el, 'consent', true);
  await settled(el);
};

const fillReport: Drive = async (el) => {
  field(el, 'category', 'geldboerse');
  field(el, 'colour', 'schwarz');
  field(el, 'description', 'Schwarze Lederbörse mit Druckknopf');
  field(el, 'lostOn', daysAgo(3));
  field(el, 'lostPlace', 'Hauptbahnhof');
  field(el, 'name', 'Erika Mustermann');
  field(el, 'email', 'erika@example.org');
  field(el, 'consent', true);
  await settled(el);
};

/** Erika's loss report of a black wallet, as the citizen sends it from this page. */
const reportWallet = (fake: Fake) =>
  fake.memory.reportLoss({
    category: 'geldboerse',
    colour: 'schwarz',
    description: 'Schwarze Lederbörse mit Druckknopf',
    lostOn: daysAgo(3),
    lostPlace: 'Hauptbahnhof',
    contact: { name: 'Erika Mustermann', email: 'erika@example.org' },
    consent: true,
    returnUrl: location.href.split('#')[0]!,
  });

/** A new loss report; opens the confirmation link from its first mail. */
const pendingReport = async (fake: Fake) => {
  await reportWallet(fake);
  return new URL(fake.memory.outbox.find((m) => m.kind === 'loss-report-activation')!.activateLink!).hash.slice(1);
};

/** A confirmed loss report and a matching find registered later; opens the management link from the mail. */
const managedReport = async (fake: Fake) => {
  await reportWallet(fake);
  const activation = fake.memory.outbox.find((m) => m.kind === 'loss-report-activation')!;
  await fake.memory.activateLossReport(new URL(activation.activateLink!).hash.split('activate:')[1]!);
  fake.memory.registerFind({ category: 'geldboerse', colour: 'schwarz', description: 'Lederbörse mit Druckknopf', foundOn: daysAgo(1), foundPlace: 'Busbahnhof' });
  const mail = fake.memory.outbox.find((m) => m.kind === 'match-found') ?? fake.memory.outbox[0]!;
  return new URL(mail.manageLink!).hash.slice(1);
};

const meta = {
  title: 'Widgets/Found item search',
  component: 'muni-found-item-search',
} satisfies Meta;
export default meta;

/** The start: the search form and the newest finds, 20 per page. */
export const Start = story();
/** Filters from a shared link: category and colour. */
export const Filtered = story({ hash: 'muni-found-item=search:category%3Dgeldboerse%26colour%3Dschwarz' });
/** The second page: the current page is marked with aria-current. */
export const SecondPage = story({ hash: 'muni-found-item=search:page%3D2' });
/** Nothing found: the loss report is offered. */
export const NoResults = story({ hash: 'muni-found-item=search:q%3DXylophon' });
/** A wrong date range, reported next to the field and in the summary. */
export const SearchErrors = story({
  drive: async (el) => {
    field(el, 'from', daysAgo(1));
    field(el, 'to', daysAgo(10));
    await press('[part~=search-button]')(el);
  },
});
/** One find, as the link in a notification mail opens it. */
export const Item = story({ hash: 'muni-found-item=item:F-2026-00001' });
/** A find that has been collected: no "Das gehört mir". */
export const ItemHandedOver = story({ hash: 'muni-found-item=item:F-2026-00005' });
/** An old link to a find that is not in the register. */
export const ItemMissing = story({ hash: 'muni-found-item=item:F-1999-99999' });
/** "Das gehört mir": contact and what only the owner knows. */
export const ClaimForm = story({ hash: 'muni-found-item=claim:F-2026-00001' });
/** Sent empty: every problem next to its field and in the summary. */
export const ClaimErrors = story({ hash: 'muni-found-item=claim:F-2026-00001', drive: press('[part~=submit-button]') });
/** The server did not answer: the message and a retry; everything typed stays. */
export const ClaimFailed = story({ hash: 'muni-found-item=claim:F-2026-00001', fail: { fail: { claim: 99 } }, drive: async (el) => (await fillClaim(el), await press('[part~=submit-button]')(el)) });
/** The claim is stored: its reference and everything about the pickup. */
export const ClaimConfirmation = story({ hash: 'muni-found-item=claim:F-2026-00001', drive: async (el) => (await fillClaim(el), await press('[part~=submit-button]')(el)) });
/** Verlustanzeige: the form. */
export const ReportForm = story({ hash: 'muni-found-item=report' });
/** The loss report is stored pending: check your e-mail to confirm; the finds that match now. */
export const ReportConfirmation = story({ hash: 'muni-found-item=report', drive: async (el) => (await fillReport(el), await press('[part~=submit-button]')(el)) });
/** The confirmation link from the first mail: the report is confirmed and shown. */
export const ReportActivated = story({ setup: pendingReport });
/** The loss report from the mail's link: expiry, renew, delete, matches. */
export const Manage = story({ setup: managedReport });
/** After "Verlängern". */
export const ManageRenewed = story({ setup: managedReport, drive: press('[part~=renew-button]') });
/** "Löschen" asks first. */
export const ManageConfirmDelete = story({ setup: managedReport, drive: press('[part~=delete-button]') });
/** Deleted: nothing is kept. */
export const ManageDeleted = story({ setup: managedReport, drive: press('[part~=delete-button]', press('[part~=confirm-delete-button]')) });
/** An expired or deleted report's link. */
export const ManageExpired = story({ hash: 'muni-found-item=manage:abgelaufen' });
/** The register could not be loaded: a message and a retry. */
export const LoadError = story({ fail: { fail: { categories: 99 } } });
