import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { ApiError, type Locale } from '../packages/core/src/index.js';
import '../packages/appointment-picker/src/define.js';
import type { MuniAppointmentPicker } from '../packages/appointment-picker/src/muni-appointment-picker.js';
import { kitaProvider } from '../packages/appointment-picker/test/picker-fixtures.js';

type Drive = (el: MuniAppointmentPicker, kita: ReturnType<typeof kitaProvider>, mails: Array<{ kind: string; token: string }>) => Promise<void>;

const settled = async (el: MuniAppointmentPicker) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

const $ = <T extends HTMLElement = HTMLElement>(el: MuniAppointmentPicker, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const buttonNamed = (el: MuniAppointmentPicker, name: RegExp) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => name.test(b.textContent!.trim()))!;
const type = (el: MuniAppointmentPicker, id: string, value: string) => {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
};
const submitStep = async (el: MuniAppointmentPicker) => {
  $(el, 'button[type=submit]').click();
  await settled(el);
};

/**
 * Each story renders the picker on the in-memory Kita provider and walks it, the way a citizen
 * does (clicks, typing, e-mail links), to the state the story shows; `setup` changes the data first.
 */
function story(drive?: Drive, attributes: Record<string, string> = {}, setup?: (kita: ReturnType<typeof kitaProvider>) => void): StoryObj {
  return {
    render: (_args, { globals }) => {
      const mails: Array<{ kind: string; token: string }> = [];
      const kita = kitaProvider({ onMail: (m) => mails.push(m) });
      setup?.(kita);
      const el = document.createElement('muni-appointment-picker');
      el.setAttribute('locale', (globals['locale'] as Locale | undefined) ?? 'de');
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      el.provider = kita.provider;
      void settled(el).then(() => drive?.(el, kita, mails));
      return el;
    },
  };
}

const chooseKita: Drive = async (el) => {
  $(el, '#service-kita-anmeldung').click();
  await settled(el);
  const count = $<HTMLSelectElement>(el, '#count-kita-anmeldung');
  count.value = '2';
  count.dispatchEvent(new Event('change'));
  await submitStep(el);
};
const chooseDay: Drive = async (el, kita, mails) => {
  await chooseKita(el, kita, mails);
  $(el, `[data-date="${kita.firstDay}"]`).click();
  await settled(el);
};
const reserve: Drive = async (el, kita, mails) => {
  await chooseDay(el, kita, mails);
  $(el, '.time').click();
  await settled(el);
};
const fillDetails: Drive = async (el, kita, mails) => {
  await reserve(el, kita, mails);
  type(el, 'name', 'Erika Mustermann');
  type(el, 'email', 'erika@example.org');
  type(el, 'field-child_birth_date', '2024-05-01');
  await submitStep(el);
};
const send: Drive = async (el, kita, mails) => {
  await fillDetails(el, kita, mails);
  $(el, '#consent').click();
  await submitStep(el);
};
/** Follows a link from the (in-memory) e-mails, the way the citizen arrives from the mail program. */
const followLink = async (el: MuniAppointmentPicker, fragment: string) => {
  location.hash = fragment;
  await new Promise((r) => setTimeout(r, 20));
  await settled(el);
};
/** Follows the activation link from the (in-memory) e-mail. */
const activated: Drive = async (el, kita, mails) => {
  await send(el, kita, mails);
  await followLink(el, `muni-appointment=activate:${mails[0]!.token}`);
};
const manage: Drive = async (el, kita, mails) => {
  await send(el, kita, mails);
  const appointment = await kita.provider.activate(mails[0]!.token);
  await followLink(el, `muni-appointment=manage:${appointment.managementToken}`);
};

const meta = {
  title: 'Widgets/Appointment picker',
  component: 'muni-appointment-picker',
} satisfies Meta;
export default meta;

/** Step 1: the Kita department's services, each with its duration. */
export const Services = story();
/** A department page: `office` narrows the services, `service` preselects one. */
export const PreselectedService = story(undefined, { office: 'kita-abteilung', service: 'kita-anmeldung' });
/** Step 2: the month grid with free-slot counts; arrows, Home/End and PageUp/PageDown move. */
export const ChooseDay = story(chooseKita);
/** The day's free times, grouped into morning and afternoon. */
export const ChooseTime = story(chooseDay);
/** Step 3: the slot is held; the countdown offers to extend and says how often that is still possible. */
export const Details = story(reserve);
/** The last extension is used: the button is gone, and the sentence that says so has focus. */
export const NoExtensionLeft = story(async (el, kita, mails) => {
  await reserve(el, kita, mails);
  for (let extend = $(el, '[part=hold] button'); extend; extend = $(el, '[part=hold] button')) {
    extend.click();
    await settled(el);
  }
});
/** Details sent empty: errors at the fields and a summary that moves focus. */
export const DetailsWithErrors = story(async (el, kita, mails) => {
  await reserve(el, kita, mails);
  await submitStep(el);
});
/** Step 4: everything once more, with the privacy consent. */
export const Review = story(fillDetails);
/** Sent: the activation e-mail is on its way. */
export const ActivationSent = story(send);
/** Opened from the activation link: booked, with calendar file, cancel and reschedule. */
export const Confirmed = story(activated);
/** Several offices offer the service: choose one, or "any" for the earliest time anywhere. */
export const ChooseOffice = story(chooseKita, {}, (kita) => {
  kita.data.offices.push({ id: 'kita-nord', name: 'Kita-Büro Nord', street: 'Nordring 2', postalCode: '12347', city: 'Musterstadt', accessibility: 'Aufzug vorhanden' });
  kita.data.services[0]!.officeIds.push('kita-nord');
});
/** The free days as a plain list, the alternative to the month grid. */
export const ListView = story(async (el, kita, mails) => {
  await chooseKita(el, kita, mails);
  buttonNamed(el, /Liste/).click();
});
/** Someone else took the time a moment earlier: it disappears and the citizen picks another. */
export const SlotTaken = story(async (el, kita, mails) => {
  await chooseDay(el, kita, mails);
  const services = [{ serviceId: 'kita-anmeldung', count: 2 }];
  const [first] = await kita.provider.slots({ services, date: kita.firstDay });
  await kita.provider.reserve({ services, slot: first! });
  $(el, '.time').click();
});
/** Opened from the management link in the confirmation e-mail. */
export const Manage = story(manage);
/** Cancelling asks once more before it happens. */
export const ConfirmCancel = story(async (el, kita, mails) => {
  await manage(el, kita, mails);
  $(el, '#cancel-open').click();
  await settled(el);
});
/** Cancelled: the time is free again for others. */
export const Cancelled = story(async (el, kita, mails) => {
  await manage(el, kita, mails);
  $(el, '#cancel-open').click();
  await settled(el);
  $(el, '#cancel-yes').click();
  await settled(el);
});
/** An old or broken link from an e-mail. */
export const LinkExpired = story((el) => followLink(el, 'muni-appointment=activate:expired-or-broken'));
/** The backend cannot be reached: a plain message and a retry; nothing typed is lost. */
export const BackendUnreachable = story(async (el, kita) => {
  kita.provider.availability = async () => {
    throw new ApiError('network');
  };
  $(el, '#service-kita-anmeldung').click();
  await settled(el);
  await submitStep(el);
});
