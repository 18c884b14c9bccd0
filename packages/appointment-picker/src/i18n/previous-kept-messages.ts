import { Catalogs } from '@muni-widgets/core';

/** Texts of a rare outcome (see views/previous-kept.ts), loaded with it rather than with every page. */
export const de = {
  title: 'Ihr bisheriger Termin ist noch gebucht',
  body: (p: { when: string }) =>
    `Ihr neuer Termin steht. Den bisherigen Termin am ${p.when} konnten wir nicht absagen. Bitte sagen Sie ihn hier ab, damit er für andere frei wird, oder über den Absage-Link in der E-Mail zu diesem Termin.`,
  cancel: 'Bisherigen Termin absagen',
  cancelled: 'Ihr bisheriger Termin ist abgesagt. Ihr neuer Termin bleibt bestehen.',
} as const;

export const previousKeptMessages = new Catalogs(de, { en: () => import('./previous-kept-en.js').then((m) => m.en) });
