import type { CoreMessages, Translate } from '@muni-widgets/core';
import type { PickerMessages } from './i18n/messages.js';
import type { DetailField } from './provider.js';
import type { ContactInput } from './views/context.js';

/** Deliberately loose: the server is the judge; this only catches typos before a round trip. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** The element id of a service's own field: prefixed, so a backend id can never clash with ours. */
export const detailFieldId = (id: string) => `field-${id}`;

/** Element id → message, for the contact fields and the chosen services' own fields. */
export function validateDetails(
  contact: ContactInput,
  fields: Record<string, string>,
  detailFields: DetailField[],
  phoneRequired: boolean,
  t: Translate<PickerMessages>,
  core: Translate<CoreMessages>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = contact.name.trim();
  if (!name) errors['name'] = core('fieldRequired');
  else if (name.length < 2) errors['name'] = t('nameTooShort');
  if (!contact.email.trim()) errors['email'] = core('fieldRequired');
  else if (!EMAIL.test(contact.email.trim())) errors['email'] = core('fieldInvalidEmail');
  if (phoneRequired && !contact.phone.trim()) errors['phone'] = core('fieldRequired');
  for (const field of detailFields) {
    const value = (fields[field.id] ?? '').trim();
    const id = detailFieldId(field.id);
    if (field.required && !value) errors[id] = core('fieldRequired');
    else if (value && field.type === 'date' && Number.isNaN(Date.parse(value))) errors[id] = t('invalidDate');
    else if (value && field.type === 'email' && !EMAIL.test(value)) errors[id] = core('fieldInvalidEmail');
  }
  return errors;
}
