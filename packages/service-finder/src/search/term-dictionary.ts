/**
 * The vocabulary of an index: every distinct term once, sorted, with lookups for the ways a
 * query word may match a term (exact, prefix, compound tail, typos). Posting lists live in
 * service-index.ts; this file only maps a query word to term numbers and match qualities.
 */
import { boundedEditDistance } from './edit-distance.js';
import {
  COMPOUND_MIN_LENGTH,
  COMPOUND_MIN_REST,
  FUZZY_MIN_LENGTH,
  FUZZY_TWO_EDITS_MIN_LENGTH,
  INFIX_MIN_LENGTH,
  MATCH,
  PREFIX_MIN_LENGTH,
  WORD_FORM_MIN_LENGTH,
} from './weights.js';

/** Endings that German inflection and derivation put on one stem, longest first. */
const ENDINGS = ['ungen', 'ung', 'ern', 'en', 'er', 'es', 'e', 'n', 's'];

/**
 * A term without what tells its word forms apart: umlauts as plain vowels ("ue" → "u", as
 * people type without umlauts) and up to two inflection endings. "anmelden" and "anmeldung"
 * share "anmeld", "verlaengern" and "verlaengerung" share "verlang", "fuhrerschein" and
 * "fuehrerschein" share "fuhrerschein". Folded terms only.
 */
export function looseKey(term: string): string {
  let key = term.replace(/([aou])e/g, '$1');
  for (let round = 0; round < 2; round++) {
    const ending = ENDINGS.find((e) => key.endsWith(e) && key.length - e.length >= WORD_FORM_MIN_LENGTH);
    if (!ending) break;
    key = key.slice(0, -ending.length);
  }
  return key;
}

export interface TermMatch {
  /** Index into the dictionary's sorted terms. */
  term: number;
  /** 0 … 1, see `MATCH`. */
  quality: number;
  /** False when the word matched only the tail of a compound: then a name does not "start with" it. */
  fromStart: boolean;
}

export class TermDictionary {
  /** Sorted, distinct. A term's number is its index here. */
  readonly terms: readonly string[];
  readonly #ids: Map<string, number>;
  /** Terms reversed and sorted, for compound tails ("…ausweis"), with their numbers. */
  readonly #reversed: readonly string[];
  readonly #reversedIds: Uint32Array;
  /** Term numbers by term length, for typo matching. */
  readonly #byLength: Uint32Array[];

  /** Loose keys (see `looseKey`) sorted, with their terms' numbers. */
  readonly #loose: readonly string[];
  readonly #looseIds: Uint32Array;
  /** Terms that only match exactly, never as prefix, compound part or typo target. */
  readonly #exactOnly: Uint8Array;

  /**
   * `terms` must be sorted and distinct. `exactOnly`: function words ("dem", "und"), which
   * would otherwise turn "demo" or "hund" into matches of almost every description.
   */
  constructor(terms: readonly string[], exactOnly: ReadonlySet<string> = new Set()) {
    this.terms = terms;
    this.#exactOnly = Uint8Array.from(terms, (t) => (exactOnly.has(t) ? 1 : 0));
    this.#ids = new Map(terms.map((t, i) => [t, i]));
    const reversed = terms.map((t, i) => [reverse(t), i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#reversed = reversed.map(([r]) => r);
    this.#reversedIds = Uint32Array.from(reversed, ([, i]) => i);
    const loose = terms.map((t, i) => [looseKey(t), i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#loose = loose.map(([k]) => k);
    this.#looseIds = Uint32Array.from(loose, ([, i]) => i);
    const buckets: number[][] = [];
    terms.forEach((t, i) => (buckets[t.length] ??= []).push(i));
    this.#byLength = Array.from(buckets, (bucket) => Uint32Array.from(bucket ?? []));
  }

  get size(): number {
    return this.terms.length;
  }

  /**
   * A compound of two catalogue words that the catalogue only has apart: "wunschkennzeichen"
   * → ["wunsch", "kennzeichen"] (also with the linking "s": "zulassungsstelle"). `undefined`
   * when no split finds both parts.
   */
  split(word: string): [string, string] | undefined {
    for (let cut = word.length - COMPOUND_MIN_LENGTH; cut >= COMPOUND_MIN_LENGTH; cut--) {
      const head = word.slice(0, cut);
      if (!this.#knows(head)) continue;
      const tail = word.slice(cut);
      if (this.#knows(tail)) return [head, tail];
      if (tail.startsWith('s') && tail.length > COMPOUND_MIN_LENGTH && this.#knows(tail.slice(1))) return [head, tail.slice(1)];
    }
    return undefined;
  }

  /** A catalogue word in this or another form. */
  #knows(word: string): boolean {
    const key = looseKey(word);
    return this.#ids.has(word) || this.#loose[lowerBound(this.#loose, key)] === key;
  }

  /**
   * Every term `word` may stand for, best quality per term, best first.
   * `asPrefix`: the word may be unfinished (the last word while typing).
   */
  match(word: string, asPrefix: boolean): TermMatch[] {
    const found = new Map<number, TermMatch>();
    const exact = this.#ids.get(word);
    if (exact !== undefined) found.set(exact, { term: exact, quality: MATCH.exact, fromStart: true });
    const offer = (term: number, quality: number, fromStart = true) => {
      if (!this.#exactOnly[term] && quality > (found.get(term)?.quality ?? 0)) found.set(term, { term, quality, fromStart });
    };

    // Prefix: the word being typed, or (for finished words) the head of a compound ("hund" → "hundesteuer").
    const prefixMin = asPrefix ? PREFIX_MIN_LENGTH : COMPOUND_MIN_LENGTH;
    if (word.length >= prefixMin) {
      for (let i = lowerBound(this.terms, word); i < this.terms.length && this.terms[i]!.startsWith(word); i++) {
        const term = this.terms[i]!;
        if (term.length === word.length) continue;
        if (!asPrefix && term.length - word.length < COMPOUND_MIN_REST) continue;
        offer(i, MATCH.prefixBase + MATCH.prefixSpan * (word.length / term.length));
      }
    }

    // Compound tail: "ausweis" in "personalausweis".
    if (word.length >= COMPOUND_MIN_LENGTH) {
      const tail = reverse(word);
      for (let i = lowerBound(this.#reversed, tail); i < this.#reversed.length && this.#reversed[i]!.startsWith(tail); i++) {
        const length = this.#reversed[i]!.length;
        if (length - word.length < COMPOUND_MIN_REST) continue;
        offer(this.#reversedIds[i]!, MATCH.compoundBase + MATCH.compoundSpan * (word.length / length), false);
      }
    }

    // Word forms and umlauts typed as plain vowels, also as the head of a compound ("nachbarn" → "nachbarschaftslaerm").
    const key = looseKey(word);
    if (key.length >= WORD_FORM_MIN_LENGTH) {
      for (let i = lowerBound(this.#loose, key); i < this.#loose.length && this.#loose[i]!.startsWith(key); i++) {
        const length = this.#loose[i]!.length;
        if (length === key.length) offer(this.#looseIds[i]!, MATCH.wordForm);
        else if (length - key.length >= COMPOUND_MIN_REST) offer(this.#looseIds[i]!, MATCH.compoundBase + MATCH.compoundSpan * (key.length / length));
      }
    }
    // Inside a compound ("stand" in "sachstandabfrage"): a scan of all terms, so only for a word nothing else explains well.
    if (key.length >= INFIX_MIN_LENGTH && ![...found.values()].some((m) => m.quality >= MATCH.wordForm)) {
      this.#loose.forEach((other, i) => {
        const at = other.indexOf(key, 1);
        if (at > 0 && other.length - key.length >= COMPOUND_MIN_REST) offer(this.#looseIds[i]!, MATCH.infix, false);
      });
    }
    // Typos: only terms whose length is within the allowed number of edits.
    if (word.length >= FUZZY_MIN_LENGTH) {
      const maxEdits = word.length >= FUZZY_TWO_EDITS_MIN_LENGTH ? 2 : 1;
      // A word the catalogue knows is more likely meant than a typo of a neighbour ("abmelden" is not "anmelden").
      const factor = exact === undefined ? 1 : MATCH.editOfKnownWordFactor;
      for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
        const bucket = this.#byLength[length];
        if (!bucket) continue;
        for (const term of bucket) {
          const distance = boundedEditDistance(word, this.terms[term]!, maxEdits);
          if (distance === 0 || distance > maxEdits) continue;
          const quality = distance === 2 ? MATCH.twoEdits : word.length >= FUZZY_TWO_EDITS_MIN_LENGTH ? MATCH.oneEditLong : MATCH.oneEditShort;
          offer(term, quality * factor);
        }
      }
    }

    return [...found.values()].sort((a, b) => b.quality - a.quality || a.term - b.term);
  }
}

function reverse(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}

/** First index whose entry is >= `key` (the entries are sorted by code unit). */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
