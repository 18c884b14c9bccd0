import type { Locale } from '@muni-widgets/core';
import type { RequestProblem } from '../payment-request.js';

/**
 * What a web editor set up wrong, in words. Loaded only when a button is misconfigured, so
 * citizens on a correct page never download it.
 */
type Wording = Record<string, (p: { characters: string }) => string>;

const de: Wording = {
  amount_missing: () => 'amount fehlt: den Betrag in Cent angeben, z. B. amount="2500" für 25,00 €.',
  'amount_not-cents': () => 'amount muss eine ganze Zahl in Cent sein, z. B. "2500" für 25,00 €.',
  'amount_out-of-range': () => 'amount muss zwischen 1 Cent und 10.000 € (1000000) liegen.',
  currency_unsupported: () => 'currency: Nur "EUR" wird unterstützt.',
  purpose_missing: () => 'purpose fehlt: den Verwendungszweck angeben, z. B. purpose="Hundesteuer 2026".',
  'purpose_too-long': () => 'purpose ist zu lang: höchstens 27 Zeichen.',
  purpose_characters: (p) => `purpose enthält Zeichen, die Bezahldienste nicht annehmen: ${p.characters}`,
  reference_missing: () => 'reference fehlt: das Kassenzeichen angeben.',
  reference_format: () => 'reference: 1 bis 36 Zeichen aus A–Z, a–z, 0–9 und Bindestrich.',
  'description_too-long': () => 'description ist zu lang: höchstens 250 Zeichen.',
};

const en: Record<string, (p: { characters: string }) => string> = {
  amount_missing: () => 'amount is missing: give the amount in cents, e.g. amount="2500" for €25.00.',
  'amount_not-cents': () => 'amount must be a whole number of cents, e.g. "2500" for €25.00.',
  'amount_out-of-range': () => 'amount must be between 1 cent and €10,000 (1000000).',
  currency_unsupported: () => 'currency: only "EUR" is supported.',
  purpose_missing: () => 'purpose is missing: give the payment reference text, e.g. purpose="Dog tax 2026".',
  'purpose_too-long': () => 'purpose is too long: at most 27 characters.',
  purpose_characters: (p) => `purpose contains characters payment services do not accept: ${p.characters}`,
  reference_missing: () => 'reference is missing: give the cash reference number (Kassenzeichen).',
  reference_format: () => 'reference: 1 to 36 characters from A–Z, a–z, 0–9 and hyphen.',
  'description_too-long': () => 'description is too long: at most 250 characters.',
};

/** The heading above the list, in the page's language (the editor's words are in the list). */
export const misconfiguredTitle: Record<Locale, string> = {
  de: 'Dieser Bezahlknopf ist falsch eingerichtet',
  en: 'This payment button is set up incorrectly',
};

export function describeProblem(problem: RequestProblem, locale: Locale): string {
  return { de, en }[locale][`${problem.field}_${problem.code}`]!({ characters: 'characters' in problem ? (problem.characters ?? '') : '' });
}
