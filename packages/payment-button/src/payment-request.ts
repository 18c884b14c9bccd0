/**
 * Limits of XBezahldienste platforms (ePayBL and others), checked before anything is sent, so a
 * web editor sees at once what to fix instead of a citizen seeing a failed payment. The server
 * checks the same rules again.
 */
export const PURPOSE_MAX = 27;
/** The SEPA character set plus German umlauts, as the platforms accept it. */
const PURPOSE_CHARACTERS = /^[A-Za-z0-9ÄÖÜäöüß /?:().,'+-]+$/;
const REFERENCE = /^[A-Za-z0-9-]{1,36}$/;
const MAX_CENTS = 1_000_000;
export const DESCRIPTION_MAX = 250;

export interface PaymentAttributes {
  amount: string | undefined;
  currency: string | undefined;
  purpose: string | undefined;
  reference: string | undefined;
  description: string | undefined;
}

export type RequestProblem =
  | { field: 'amount'; code: 'missing' | 'not-cents' | 'out-of-range' }
  | { field: 'currency'; code: 'unsupported' }
  | { field: 'purpose'; code: 'missing' | 'too-long' | 'characters'; characters?: string }
  | { field: 'reference'; code: 'missing' | 'format' }
  | { field: 'description'; code: 'too-long' };

/** Everything wrong with the attributes at once, so the editor fixes them in one go. */
export function requestProblems(a: PaymentAttributes): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const amount = a.amount?.trim();
  if (!amount) problems.push({ field: 'amount', code: 'missing' });
  else if (!/^\d+$/.test(amount)) problems.push({ field: 'amount', code: 'not-cents' });
  else if (Number(amount) < 1 || Number(amount) > MAX_CENTS) problems.push({ field: 'amount', code: 'out-of-range' });
  if ((a.currency ?? 'EUR') !== 'EUR') problems.push({ field: 'currency', code: 'unsupported' });
  const purpose = a.purpose?.trim() ?? '';
  if (!purpose) problems.push({ field: 'purpose', code: 'missing' });
  else if (purpose.length > PURPOSE_MAX) problems.push({ field: 'purpose', code: 'too-long' });
  else if (!PURPOSE_CHARACTERS.test(purpose)) {
    const bad = [...new Set([...purpose].filter((c) => !PURPOSE_CHARACTERS.test(c)))].join(' ');
    problems.push({ field: 'purpose', code: 'characters', characters: bad });
  }
  if (!a.reference?.trim()) problems.push({ field: 'reference', code: 'missing' });
  else if (!REFERENCE.test(a.reference.trim())) problems.push({ field: 'reference', code: 'format' });
  if ((a.description?.length ?? 0) > DESCRIPTION_MAX) problems.push({ field: 'description', code: 'too-long' });
  return problems;
}
