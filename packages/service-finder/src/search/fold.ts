/**
 * Folding: the one normalization that index and query share, so that every spelling a citizen
 * may type lands on the same term.
 *
 * - lower case;
 * - ä → ae, ö → oe, ü → ue, ß → ss: the German transcription, because that is what people type
 *   on keyboards without umlauts ("Fuehrerschein"). The other habit, dropping the dots
 *   ("Fuhrerschein"), is one edit away from the folded term and left to typo tolerance;
 * - other accents are dropped (é → e, ç → c), a few letters without a decomposition are spelled out;
 * - everything that is not a letter or a digit separates words (hyphens, slashes, punctuation).
 */

const SPELLED_OUT: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
};
const SPELLED_OUT_PATTERN = /[äöüßæœøłđı]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const SEPARATORS = /[^a-z0-9]+/g;

/** Folds `text` and returns its words joined by single spaces (no leading or trailing space). */
export function foldText(text: string): string {
  return foldWords(text).join(' ');
}

/** Folds `text` into its words, in order. */
export function foldWords(text: string): string[] {
  // NFC first: "a" + combining diaeresis must become "ä" before it is spelled out as "ae",
  // otherwise stripping the marks below would turn it into "a". toLowerCase maps "ẞ" to "ß".
  const folded = text
    .normalize('NFC')
    .toLowerCase()
    .replace(SPELLED_OUT_PATTERN, (c) => SPELLED_OUT[c] ?? c)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(SEPARATORS, ' ')
    .trim();
  return folded === '' ? [] : folded.split(' ');
}
