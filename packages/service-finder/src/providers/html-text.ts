import type { ServiceFee } from '../model.js';

/**
 * Plain text out of catalog markup, for the fields the widget renders as text (names, list
 * items, fees). DOMParser builds an inert document: no script runs, no image loads, no handler
 * fires, so reading `textContent` from it is safe for any input. Rich text that stays rich is
 * not handled here: adapters pass it on as `{ format: 'html' }` and the widget sanitizes it.
 */

/** Blocks that end a line when markup becomes lines. */
const BLOCKS = 'p, div, li, h1, h2, h3, h4, h5, h6, tr, dt, dd, blockquote, pre, section, article';

/** Elements whose content is never visible text. */
const INVISIBLE = 'script, style, template, noscript, iframe, object, embed';

interface InertPolicy {
  createHTML(input: string): string;
}

/**
 * Pages with `require-trusted-types-for 'script'` (the demo's CSP, many cities') refuse plain
 * strings in `parseFromString`. Parsing into an inert document runs nothing, so this policy
 * passes the markup on unchanged; it is made once, and only where Trusted Types exist.
 */
let inertPolicy: InertPolicy | undefined;
function inertHtml(html: string): string {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: InertPolicy): InertPolicy } }).trustedTypes;
  if (!tt) return html;
  inertPolicy ??= tt.createPolicy('muni-widgets-inert-html', { createHTML: (input) => input });
  return inertPolicy.createHTML(html);
}

function parse(html: string): HTMLElement {
  const body = new DOMParser().parseFromString(inertHtml(html), 'text/html').body;
  for (const element of body.querySelectorAll(INVISIBLE)) element.remove();
  return body;
}

/** The body's text with a line break wherever a block or `<br>` ends a line. */
function lineText(body: HTMLElement): string {
  const doc = body.ownerDocument;
  for (const br of body.querySelectorAll('br')) br.replaceWith(doc.createTextNode('\n'));
  for (const block of body.querySelectorAll(BLOCKS)) block.append(doc.createTextNode('\n'));
  return body.textContent ?? '';
}

/** Collapses runs of white space (including non-breaking spaces) to single spaces. */
function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The text of a piece of markup on one line: "<p>Antrag <b>persönlich</b></p>" -> "Antrag persönlich". */
export function htmlToText(html: string | undefined): string {
  if (!html) return '';
  // Most catalog strings carry no markup at all: a string without "<" or "&" is already its own text.
  if (!/[<&]/.test(html)) return squash(html);
  // Paragraphs stay words apart: "<p>a.</p><p>b.</p>" -> "a. b.", not "a.b.".
  return squash(lineText(parse(html)));
}

/**
 * The lines of a piece of markup: list items, paragraphs and `<br>`-separated lines. Catalog
 * editors write "Voraussetzungen" both ways, and often prose and a list together, whose prose
 * must not get lost.
 */
export function htmlToLines(html: string | undefined): string[] {
  if (!html) return [];
  if (!/[<&]/.test(html)) return html.split(/\r?\n/).map(squash).filter(Boolean);
  return lineText(parse(html)).split('\n').map(squash).filter(Boolean);
}

/** The links in a piece of markup, with their text. */
export function anchors(html: string | undefined): Array<{ text: string; href: string }> {
  if (!html || !/<a\b/i.test(html)) return [];
  return [...parse(html).querySelectorAll('a[href]')].map((a) => ({ text: squash(a.textContent ?? ''), href: a.getAttribute('href') ?? '' }));
}

/** The first sentence (or the first `max` characters) of a text, for list teasers. */
export function teaser(text: string, max = 180): string {
  const sentence = /^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()} …`;
}

/** "37,00", "1.234,50", "22.80" -> cents. */
function euroToCents(amount: string): number | undefined {
  let normalized = amount.replace(/\s/g, '');
  if (/,\d{1,2}$/.test(normalized)) normalized = normalized.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(normalized)) normalized = normalized.replace(/\./g, '');
  const euros = Number(normalized);
  return Number.isFinite(euros) ? Math.round(euros * 100) : undefined;
}

const AMOUNT = String.raw`(\d{1,3}(?:[.\s]\d{3})*(?:,\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;
const CURRENCY = String.raw`\s*(?:€|EUR\b|Euro\b)`;
const RANGE = new RegExp(String.raw`${AMOUNT}(?:${CURRENCY})?\s*(?:-|–|bis)\s*${AMOUNT}${CURRENCY}`, 'i');
const SINGLE = new RegExp(String.raw`${AMOUNT}${CURRENCY}`, 'i');

/**
 * Fees written as prose ("Gebühr: 37,00 Euro", "10 bis 50 Euro", "gebührenfrei"), one fee
 * per line. The line stays the label; an amount is added only when the line states one
 * unambiguously, so a reader never sees a number the source did not give.
 */
export function feesFromLines(lines: string[]): ServiceFee[] {
  return lines.map((label) => {
    const range = RANGE.exec(label);
    if (range) {
      const minCents = euroToCents(range[1]!);
      const maxCents = euroToCents(range[2]!);
      if (minCents !== undefined && maxCents !== undefined) return { label, minCents, maxCents };
    }
    const amounts = [...label.matchAll(new RegExp(SINGLE.source, 'gi'))];
    if (amounts.length === 1) {
      const amountCents = euroToCents(amounts[0]![1]!);
      if (amountCents !== undefined) return { label, amountCents };
    }
    return { label };
  });
}
