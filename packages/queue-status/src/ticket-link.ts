import type { TicketRef } from './provider.js';

/** "A-042"; the code: six of A–Z and 2–9 without I, L, O (as printed on the ticket). */
export const NUMBER_PATTERN = /^[A-Z]-\d{3,4}$/;
export const CODE_PATTERN = /^[A-HJKMNP-Z2-9]{6}$/;

/** "A-042.K7M2P9" (attribute `ticket`, or the link `#muni-queue=ticket:A-042.K7M2P9`). */
export function parseTicketLink(value: string | null | undefined): TicketRef | undefined {
  const match = /^([A-Za-z]-\d{3,4})[.\s]+([A-Za-z0-9]{6})$/.exec((value ?? '').trim());
  if (!match) return undefined;
  const ref = { number: match[1]!.toUpperCase(), code: match[2]!.toUpperCase() };
  return CODE_PATTERN.test(ref.code) ? ref : undefined;
}
