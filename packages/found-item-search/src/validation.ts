import type { CoreMessages, Translate } from '@muni-widgets/core';
import type { FoundMessages } from './i18n/messages.js';
import type { SearchFilters } from './provider.js';

/** What the claim form holds, as typed. */
export interface ClaimInput {
  name: string;
  email: string;
  phone: string;
  features: string;
  lostOn: string;
  lostPlace: string;
  consent: boolean;
}

/** What the loss-report form holds, as typed. */
export interface ReportInput {
  category: string;
  colour: string;
  brand: string;
  description: string;
  lostOn: string;
  lostPlace: string;
  name: string;
  email: string;
  phone: string;
  consent: boolean;
}

type Errors = Record<string, string>;

/** Deliberately loose: the server is the judge; this only catches typos before a round trip. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const FEATURES_MIN = 20;
export const DESCRIPTION_MIN = 10;

function yearBefore(today: string): string {
  return `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
}

function contact(input: { name: string; email: string }, errors: Errors, t: Translate<FoundMessages>, core: Translate<CoreMessages>): void {
  const name = input.name.trim();
  if (!name) errors['name'] = core('fieldRequired');
  else if (name.length < 2) errors['name'] = t('nameTooShort');
  if (!input.email.trim()) errors['email'] = core('fieldRequired');
  else if (!EMAIL.test(input.email.trim())) errors['email'] = core('fieldInvalidEmail');
}

export function validateSearch(filters: SearchFilters, t: Translate<FoundMessages>): Errors {
  const errors: Errors = {};
  if (filters.from && filters.to && filters.from > filters.to) errors['to'] = t('toBeforeFrom');
  return errors;
}

/** Element id → message, in the order of the form. */
export function validateClaim(input: ClaimInput, today: string, t: Translate<FoundMessages>, core: Translate<CoreMessages>): Errors {
  const errors: Errors = {};
  contact(input, errors, t, core);
  const features = input.features.trim();
  if (!features) errors['features'] = core('fieldRequired');
  else if (features.length < FEATURES_MIN) errors['features'] = t('featuresTooShort', { min: FEATURES_MIN });
  if (input.lostOn && (!ISO_DATE.test(input.lostOn) || input.lostOn > today)) errors['lostOn'] = t('lostOnFuture');
  if (!input.consent) errors['consent'] = t('consentRequired');
  return errors;
}

export function validateReport(input: ReportInput, today: string, t: Translate<FoundMessages>, core: Translate<CoreMessages>): Errors {
  const errors: Errors = {};
  if (!input.category) errors['category'] = t('chooseCategory');
  const description = input.description.trim();
  if (!description) errors['description'] = core('fieldRequired');
  else if (description.length < DESCRIPTION_MIN) errors['description'] = t('descriptionTooShort', { min: DESCRIPTION_MIN });
  if (!input.lostOn) errors['lostOn'] = core('fieldRequired');
  else if (!ISO_DATE.test(input.lostOn) || input.lostOn > today) errors['lostOn'] = t('lostOnFuture');
  else if (input.lostOn < yearBefore(today)) errors['lostOn'] = t('lostOnTooOld');
  const place = input.lostPlace.trim();
  if (!place) errors['lostPlace'] = core('fieldRequired');
  else if (place.length < 2) errors['lostPlace'] = t('placeTooShort');
  contact(input, errors, t, core);
  if (!input.consent) errors['consent'] = t('consentRequired');
  return errors;
}

const SERVER_FIELDS: Record<string, string> = {
  'contact.name': 'name',
  'contact.email': 'email',
  'contact.phone': 'phone',
  identifyingFeatures: 'features',
  lostOn: 'lostOn',
  lostPlace: 'lostPlace',
  category: 'category',
  colour: 'colour',
  brand: 'brand',
  description: 'description',
  consent: 'consent',
  from: 'from',
  to: 'to',
  q: 'q',
  place: 'place',
};

/** The element id for a field named in a server's `errors[].field`, or undefined when it is not one of the form's. */
export function fieldIdFor(serverField: string): string | undefined {
  return SERVER_FIELDS[serverField];
}
