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

/**
 * Each story renders the picker on the in-memory Kita provider and walks it,
 * through its own methods, to the state the story shows.
 */
function story(drive?: Drive, attributes: Record<string, string> = {}): StoryObj {
  return {
    render: (_args, { globals }) => {
      const mails: Array<{ kind: string; token: string }> = [];
      const kita = kitaProvider({ onMail: (m) => mails.push(m) });
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
  el.setCount('kita-anmeldung', 2);
  await el.submitServices();
  await settled(el);
};
const chooseDay: Drive = async (el, kita, mails) => {
  await chooseKita(el, kita, mails);
  await el.chooseDay(kita.firstDay);
  await settled(el);
};
const reserve: Drive = async (el, kita, mails) => {
  await chooseDay(el, kita, mails);
  await el.chooseSlot(el.daySlots[0]!);
  await settled(el);
};
const fillDetails: Drive = async (el, kita, mails) => {
  await reserve(el, kita, mails);
  el.contact = { name: 'Erika Mustermann', email: 'erika@example.org', phone: '' };
  el.fields = { child_birth_date: '2024-05-01' };
  await el.submitDetails();
  await settled(el);
};
const send: Drive = async (el, kita, mails) => {
  await fillDetails(el, kita, mails);
  el.consent = true;
  await el.send();
  await settled(el);
};
/** Follows the activation link from the (in-memory) e-mail. */
const activated: Drive = async (el, kita, mails) => {
  await send(el, kita, mails);
  const appointment = await kita.provider.activate(mails[0]!.token);
  el.appointment = appointment;
  el.managementToken = appointment.managementToken;
};
const manage: Drive = async (el, kita, mails) => {
  await activated(el, kita, mails);
  await el.goTo('manage');
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
  for (let left = el.reservation!.extensionsLeft!; left > 0; left--) await el.extendHold();
});
/** Details sent empty: errors at the fields and a summary that moves focus. */
export const DetailsWithErrors = story(async (el, kita, mails) => {
  await reserve(el, kita, mails);
  await el.submitDetails();
});
/** Step 4: everything once more, with the privacy consent. */
export const Review = story(fillDetails);
/** Sent: the activation e-mail is on its way. */
export const ActivationSent = story(send);
/** Opened from the activation link: booked, with calendar file, cancel and reschedule. */
export const Confirmed = story(async (el, kita, mails) => {
  await activated(el, kita, mails);
  await el.goTo('confirmed');
});
/** Several offices offer the service: choose one, or "any" for the earliest time anywhere. */
export const ChooseOffice = story(async (el, kita, mails) => {
  kita.data.offices.push({ id: 'kita-nord', name: 'Kita-Büro Nord', street: 'Nordring 2', postalCode: '12347', city: 'Musterstadt', accessibility: 'Aufzug vorhanden' });
  kita.data.services[0]!.officeIds.push('kita-nord');
  el.offices = await kita.provider.offices();
  el.services = await kita.provider.services();
  await chooseKita(el, kita, mails);
});
/** The free days as a plain list, the alternative to the month grid. */
export const ListView = story(async (el, kita, mails) => {
  await chooseKita(el, kita, mails);
  el.listView = true;
});
/** Someone else took the time a moment earlier: it disappears and the citizen picks another. */
export const SlotTaken = story(async (el, kita, mails) => {
  await chooseDay(el, kita, mails);
  await kita.provider.reserve({ services: el.requests, slot: el.daySlots[0]! });
  await el.chooseSlot(el.daySlots[0]!);
});
/** Opened from the management link in the confirmation e-mail. */
export const Manage = story(manage);
/** Cancelling asks once more before it happens. */
export const ConfirmCancel = story(async (el, kita, mails) => {
  await manage(el, kita, mails);
  await el.askCancel(true);
});
/** Cancelled: the time is free again for others. */
export const Cancelled = story(async (el) => {
  await el.goTo('cancelled');
});
/** An old or broken link from an e-mail. */
export const LinkExpired = story(async (el) => {
  await el.goTo('link-error');
});
/** The backend cannot be reached: a plain message and a retry; nothing typed is lost. */
export const BackendUnreachable = story(async (el, kita) => {
  kita.provider.availability = async () => {
    throw new ApiError('network');
  };
  el.setCount('kita-anmeldung', 1);
  await el.submitServices();
});
