import type { CoreMessages, Translate } from '@muni-widgets/core';
import type { PickerMessages } from './i18n/messages.js';
import type { AppointmentService } from './provider.js';
import type { ContactInput } from './muni-appointment-picker.js';

/** Deliberately loose: the server is the judge; this only catches typos before a round trip. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Field id → message, for the contact fields and the chosen services' own fields. */
export function validateDetails(
  contact: ContactInput,
  fields: Record<string, string>,
  services: AppointmentService[],
  t: Translate<PickerMessages>,
  core: Translate<CoreMessages>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!contact.name.trim()) errors['name'] = core('fieldRequired');
  if (!contact.email.trim()) errors['email'] = core('fieldRequired');
  else if (!EMAIL.test(contact.email.trim())) errors['email'] = core('fieldInvalidEmail');
  for (const field of services.flatMap((s) => s.fields)) {
    const value = (fields[field.id] ?? '').trim();
    if (field.required && !value) errors[field.id] = core('fieldRequired');
    else if (value && field.type === 'date' && Number.isNaN(Date.parse(value))) errors[field.id] = t('invalidDate');
    else if (value && field.type === 'email' && !EMAIL.test(value)) errors[field.id] = core('fieldInvalidEmail');
  }
  return errors;
}
