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
 *
 * Compatibility forms (ligatures, superscripts, full-width letters) fold like the letters they
 * stand for. Why a lookup table instead of `normalize('NFKD')` per text: building the finder's
 * index folds every name, synonym and description, and per-text normalization was most of the
 * build time for 10,000 services. The table is made once from the same rules, char by char.
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
/** What a character folds to: letters and digits, '' (dropped), or one of the separators. */
const SPACE = ' ';
const JOINER = '-';
const TABLE_SIZE = 0x250; // Latin-1 and Latin Extended-A/B: everything German and its neighbours write
const COMBINING = /[\u0300-\u036f]/;

function foldCharacter(character: string): string {
  if (/\s/.test(character)) return SPACE;
  const lower = character.toLowerCase(); // "ẞ" → "ß"
  let out = '';
  for (const c of lower) out += SPELLED_OUT[c] ?? c;
  out = out.normalize('NFKD').replace(/\p{M}+/gu, '');
  if (out === '' && character !== '') return /\p{M}/u.test(character) ? '' : JOINER;
  return /^[a-z0-9]+$/.test(out) ? out : JOINER;
}

const TABLE: readonly string[] = Array.from({ length: TABLE_SIZE }, (_, code) => foldCharacter(String.fromCharCode(code)));
const RARE = new Map<string, string>();

/**
 * The folded words of `text`, grouped by whitespace: "Kita-Platz beantragen" →
 * [["kita", "platz"], ["beantragen"]]. Hyphens, dots and slashes separate words inside a group,
 * which is how the index recognizes compounds written with a hyphen.
 */
export function foldChunks(text: string): string[][] {
  // A decomposed umlaut ("u" + U+0308) must become "ü" before it is spelled out as "ue".
  const source = COMBINING.test(text) ? text.normalize('NFC') : text;
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let word = '';
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    let folded: string;
    if (code < TABLE_SIZE) folded = TABLE[code]!;
    else {
      const character = source[i]!;
      folded = RARE.get(character) ?? foldCharacter(character);
      if (RARE.size < 1000) RARE.set(character, folded);
    }
    if (folded === SPACE || folded === JOINER) {
      if (word !== '') chunk.push(word);
      word = '';
      if (folded === SPACE && chunk.length > 0) {
        chunks.push(chunk);
        chunk = [];
      }
    } else word += folded;
  }
  if (word !== '') chunk.push(word);
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Folds `text` into its words, in order. */
export function foldWords(text: string): string[] {
  return foldChunks(text).flat();
}

/** Folds `text` and returns its words joined by single spaces (no leading or trailing space). */
export function foldText(text: string): string {
  return foldWords(text).join(' ');
}

/**
 * For matching without typo tolerance (the lost-and-found register's SQL `LIKE`): folded as
 * above, then ae/oe/ue to a/o/u, so that "Schlüssel", "Schluessel" and "Schlussel" are one word.
 * Stored text and queries go through this same function, so it only has to be consistent.
 */
export function foldLoosely(text: string): string {
  return foldText(text).replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}
