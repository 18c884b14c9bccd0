import type { CatalogOf } from './translate.js';
import type { de } from './messages.de.js';

export const en: CatalogOf<typeof de> = {
  loading: 'Loading …',
  retry: 'Try again',
  errorTitle: 'Sorry, that did not work',
  errorOffline: 'You are offline. Please check your internet connection and try again. Your entries are kept.',
  errorNetwork: 'The server cannot be reached right now. Please try again in a moment. Your entries are kept.',
  errorTimeout: 'The server did not answer in time. Please try again in a moment. Your entries are kept.',
  errorServer: 'An error occurred on the server. Please try again later. Your entries are kept.',
  errorMalformed: 'The server sent an unexpected answer. Please try again later. Your entries are kept.',
  errorLoad: 'The information could not be loaded. Please try again.',
  errorValidation: 'Please check your entries.',
  errorNotFound: 'What you were looking for was not found. It may have been deleted, or the link has expired.',
  errorConflict: 'This has changed in the meantime. Please reload the details.',
  errorRateLimited: 'Too many requests in a short time. Please wait a moment, then try again.',
  errorBusy: (p: { time: string }) => `The server is busy. Please try again ${p.time ? `from ${p.time}` : 'later'}.`,
  errorUnknown: 'An unexpected error occurred. Please try again.',
  fieldRequired: 'Please fill in this field.',
  fieldInvalidEmail: 'Please enter a valid e-mail address, for example name@example.com.',
  errorSummaryTitle: (p: { count: number }) =>
    p.count === 1 ? 'Please correct 1 entry:' : `Please correct ${p.count} entries:`,
  optional: 'optional',
};
