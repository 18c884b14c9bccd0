import type { CatalogOf } from '@muni-widgets/core';
import type { de } from './previous-kept-messages.js';

export const en: CatalogOf<typeof de> = {
  title: 'Your previous appointment is still booked',
  body: (p: { when: string }) =>
    `Your new appointment stands. We could not cancel the previous appointment on ${p.when}. Please cancel it here so that others can have the time, or through the cancellation link in the e-mail about that appointment.`,
  cancel: 'Cancel previous appointment',
  cancelled: 'Your previous appointment is cancelled. Your new appointment stands.',
};
