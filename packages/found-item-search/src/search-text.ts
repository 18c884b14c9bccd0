/**
 * The words of the lost-and-found register's search and matching, shared by the reference server
 * and the in-memory provider so that both find and match alike. DOM-free
 * (`@muni-widgets/found-item-search/search-text`).
 */
import { foldLoosely } from '@muni-widgets/core/text';

/** Words that say nothing about an item. */
const STOP_WORDS = new Set(
  (
    'und oder mit ohne der die das den dem des ein eine einer einem einen ist war sind wurde habe hat ich mein meine meinen ' +
    'meinem meiner in im am an auf aus bei von vom zu zur zum fur sehr ca etwa evtl vermutlich wahrscheinlich verloren ' +
    'liegen gelassen drin darin dabei innen aussen farbe marke noch nicht kein keine alt neu neue neuer neues gross klein'
  ).split(' '),
);

/** Distinct folded words of at least three letters that carry meaning. */
export function words(text: string): string[] {
  return [...new Set(foldLoosely(text).split(' ').filter((w) => w.length >= 3 && !STOP_WORDS.has(w)))];
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

/** What a search looks for: folded, stemmed, at most eight words (more narrow nothing down in practice). */
export function queryWords(text: string | undefined): string[] {
  return text ? [...new Set(foldLoosely(text).split(' ').filter((w) => w.length >= 2).map(stem))].slice(0, 8) : [];
}
