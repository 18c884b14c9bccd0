/**
 * Turning text into terms. The index and the query fold the same way (fold.ts) but split a
 * little differently: the index also stores hyphenated compounds written together
 * ("Kita-Platz" → kita, platz, kitaplatz), because citizens write them either way, while a
 * query is just its folded words.
 */
import { foldChunks, foldWords } from '@muni-widgets/core/text';

/** One term of an indexed text. */
export interface IndexedTerm {
  term: string;
  /** Word position in the text, counted in folded words. */
  position: number;
  /** How many words the term stands for: 1, or the parts of a compound written together. */
  span: number;
  /** For a compound written together: its parts. */
  parts?: string[];
}

/** The terms of a text for the index, and its length in words. */
export function indexTerms(text: string): { terms: IndexedTerm[]; length: number } {
  const terms: IndexedTerm[] = [];
  let position = 0;
  // Whitespace separates words; inside a chunk, hyphens, dots and slashes separate the parts of one compound.
  for (const parts of foldChunks(text)) {
    parts.forEach((term, i) => terms.push({ term, position: position + i, span: 1 }));
    if (parts.length > 1) terms.push({ term: parts.join(''), position, span: parts.length, parts });
    position += parts.length;
  }
  return { terms, length: position };
}

/** The words of a query, folded, without repeats, in order. */
export function queryTerms(query: string): string[] {
  return [...new Set(foldWords(query))];
}
