/**
 * The German e-mails of the lost-and-found office. Every find in them is the public projection;
 * links lead back to the page with the widget, which reads `#muni-found-item=<action>:<value>`.
 */
import { routeLink } from '@muni-widgets/core/fragment';
import { germanDate, publicSummary, type PublicFoundItem } from './public-projection.js';

/** `item:F-2026-00123` opens a find, `activate:<token>` confirms a loss report, `manage:<token>` opens it. */
export function foundItemLink(returnUrl: string, action: 'item' | 'activate' | 'manage', value: string): string {
  return routeLink(returnUrl, 'muni-found-item', { kind: action, arg: value });
}

const BERLIN_DATE = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: 'numeric', month: 'long', year: 'numeric' });

const BERLIN_DATE_TIME = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long', timeStyle: 'short' });

export function lossReportActivationMail(options: {
  to: string;
  name: string;
  reference: string;
  categoryName: string;
  lostOn: string;
  expiresAt: Date;
  returnUrl: string;
  token: string;
}) {
  return {
    to: options.to,
    subject: `Bitte bestätigen Sie Ihre Verlustanzeige ${options.reference}`,
    text: [
      `Guten Tag ${options.name},`,
      '',
      `beim Fundbüro der Stadt Musterstadt wurde mit Ihrer E-Mail-Adresse die Verlustanzeige ${options.reference} aufgegeben (${options.categoryName}, verloren am ${germanDate(options.lostOn)}).`,
      `Sie gilt erst, wenn Sie sie bis zum ${BERLIN_DATE_TIME.format(options.expiresAt)} Uhr über diesen Link bestätigen:`,
      foundItemLink(options.returnUrl, 'activate', options.token),
      '',
      'Danach schreiben wir Ihnen, sobald eine passende Fundsache abgegeben wird.',
      'Wenn Sie diese Verlustanzeige nicht aufgegeben haben, ignorieren Sie diese E-Mail; die Angaben werden dann von selbst gelöscht.',
    ].join('\n'),
  };
}

export function lossReportCreatedMail(options: {
  to: string;
  name: string;
  reference: string;
  categoryName: string;
  lostOn: string;
  expiresAt: Date;
  matches: PublicFoundItem[];
  returnUrl: string;
  token: string;
}) {
  const manage = foundItemLink(options.returnUrl, 'manage', options.token);
  return {
    to: options.to,
    subject: `Ihre Verlustanzeige ${options.reference}`,
    text: [
      `Guten Tag ${options.name},`,
      '',
      `Ihre Verlustanzeige ${options.reference} beim Fundbüro der Stadt Musterstadt ist bestätigt (${options.categoryName}, verloren am ${germanDate(options.lostOn)}).`,
      'Sobald eine passende Fundsache abgegeben wird, schreiben wir Ihnen.',
      '',
      ...(options.matches.length > 0
        ? [`Schon jetzt ${options.matches.length === 1 ? 'passt vielleicht diese Fundsache' : `passen vielleicht ${options.matches.length} Fundsachen`}:`, '', ...options.matches.slice(0, 5).flatMap((m) => [publicSummary(m), foundItemLink(options.returnUrl, 'item', m.reference), ''])]
        : []),
      `Ihre Angaben werden am ${BERLIN_DATE.format(options.expiresAt)} gelöscht, wenn Sie die Anzeige nicht verlängern.`,
      'Ansehen, verlängern oder sofort löschen können Sie sie über diesen Link:',
      manage,
      '',
      'Wenn Sie diese Verlustanzeige nicht aufgegeben haben, löschen Sie sie bitte über den Link.',
    ].join('\n'),
  };
}

export function matchFoundMail(options: {
  to: string;
  name: string;
  reference: string;
  item: PublicFoundItem;
  expiresAt: Date;
  returnUrl: string;
  token: string;
}) {
  return {
    to: options.to,
    subject: `Fundsache passend zu Ihrer Verlustanzeige ${options.reference}`,
    text: [
      `Guten Tag ${options.name},`,
      '',
      `beim Fundbüro wurde eine Fundsache abgegeben, die zu Ihrer Verlustanzeige ${options.reference} passen könnte:`,
      '',
      publicSummary(options.item),
      '',
      'Wenn sie Ihnen gehört, melden Sie sich hier mit „Das gehört mir“ und nennen Merkmale, die nur Sie kennen:',
      foundItemLink(options.returnUrl, 'item', options.item.reference),
      '',
      `Ihre Verlustanzeige bleibt bis zum ${BERLIN_DATE.format(options.expiresAt)} gespeichert. Verlängern oder löschen:`,
      foundItemLink(options.returnUrl, 'manage', options.token),
    ].join('\n'),
  };
}

export function claimReceivedMail(options: { to: string; name: string; reference: string; item: PublicFoundItem; pickup: string }) {
  return {
    to: options.to,
    subject: `Ihre Anfrage ${options.reference} beim Fundbüro`,
    text: [
      `Guten Tag ${options.name},`,
      '',
      `Ihre Anfrage ${options.reference} zu dieser Fundsache ist beim Fundbüro eingegangen:`,
      '',
      publicSummary(options.item),
      '',
      'Das Fundbüro vergleicht Ihre Angaben mit den Merkmalen der Fundsache und meldet sich bei Ihnen.',
      'Bitte kommen Sie erst nach dieser Nachricht zur Abholung.',
      '',
      options.pickup,
    ].join('\n'),
  };
}

