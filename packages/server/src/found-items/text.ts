/**
 * Text for search and matching: German words folded so that "Schlüssel", "Schluessel" and
 * "schlussel" are the same word. Stored text and queries go through the same `fold`, so the
 * folding only has to be consistent, not linguistically perfect.
 */

/**
 * Lower case, accents and umlauts to their base letter, ß to ss, then ae/oe/ue to a/o/u (for
 * people who type "Geldboerse"), every run of other characters to one space.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that say nothing about an item. */
const STOP_WORDS = new Set(
  (
    'und oder mit ohne der die das den dem des ein eine einer einem einen ist war sind wurde habe hat ich mein meine meinen ' +
    'meinem meiner in im am an auf aus bei von vom zu zur zum fur sehr ca etwa evtl vermutlich wahrscheinlich verloren ' +
    'liegen gelassen drin darin dabei innen aussen farbe marke noch nicht kein keine alt neu neue neuer neues gross klein'
  )
    .split(' ')
    .map(fold),
);

/** Distinct folded words of at least three letters that carry meaning. */
export function words(text: string): string[] {
  return [...new Set(fold(text).split(' ').filter((w) => w.length >= 3 && !STOP_WORDS.has(w)))];
}

/**
 * A crude German stem: common inflection endings off, so "schwarzes", "schwarze" and "schwarz"
 * or "blauer" and "blau" meet. Never shorter than three letters.
 */
export function stem(word: string): string {
  for (const ending of ['en', 'er', 'es', 'em', 'e', 'n', 's']) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
  }
  return word;
}

/** Escapes LIKE wildcards so user input matches literally (with ESCAPE '\'). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
