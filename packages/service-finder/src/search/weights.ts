/**
 * The numbers behind the ranking, in one place so that a change is one diff and the quality
 * test (test/data/service-search-queries.json) shows what it did.
 *
 * A service's score is, for every query word, the best "field weight × match quality" among
 * its matches, summed, plus phrase bonuses for one field (name or one synonym) that the
 * query covers as a whole.
 */

/** Fields of a service summary, in the order of `FIELD_WEIGHTS`. */
export const FIELD_NAME = 0;
export const FIELD_SYNONYM = 1;
export const FIELD_CATEGORY = 2;
export const FIELD_DESCRIPTION = 3;

/**
 * The name says what the service is; synonyms are the citizen's words for it, nearly as
 * strong; the category name (life situation) only narrows; the short description mentions
 * many things in passing.
 */
export const FIELD_WEIGHTS: readonly number[] = [1, 0.8, 0.5, 0.35];

/** Quality of a match between a query word and a dictionary term, 0 … 1. */
export const MATCH = {
  exact: 1,
  /**
   * The last query word while typing: "gewer" → "gewerbe". base + span × typed share of the
   * term, so that a nearly complete word beats a long compound that merely starts the same.
   */
  prefixBase: 0.55,
  prefixSpan: 0.35,
  /**
   * The query word is the tail of a compound ("ausweis" in "personalausweis",
   * "gebuehren" in "kitagebuehren"): German glues its nouns together.
   */
  compoundBase: 0.45,
  compoundSpan: 0.3,
  /**
   * Another form of the same word, or the umlaut typed as a plain vowel: "anmelden" for
   * "Anmeldung", "Kopie" for "Kopien", "Fuhrerschein" for "Führerschein" (see `looseKey`).
   */
  wordForm: 0.85,
  /** The word (in any form) in the middle of a compound: "stand" in "Sachstandabfrage". */
  infix: 0.4,
  /** One typo in a word of 8 letters or more is almost certainly a typo. */
  oneEditLong: 0.8,
  /** One typo in a short word is more often another word ("Hund" and "Bund"). */
  oneEditShort: 0.6,
  twoEdits: 0.5,
  /** Typo matches of a query word that is itself a catalogue term count this much less. */
  editOfKnownWordFactor: 0.5,
} as const;

/** Shortest query word that is matched with typos, and with two typos. */
export const FUZZY_MIN_LENGTH = 4;
export const FUZZY_TWO_EDITS_MIN_LENGTH = 8;
/** Shortest last query word that is completed as a prefix while typing. */
export const PREFIX_MIN_LENGTH = 2;
/** Shortest query word matched as the head ("hund" in "hundesteuer") or tail of a compound. */
export const COMPOUND_MIN_LENGTH = 4;
/** Shortest loose key (see `looseKey`) matched as another word form, and inside a compound. */
export const WORD_FORM_MIN_LENGTH = 4;
export const INFIX_MIN_LENGTH = 5;
/** A compound must have at least this many letters around the query word. */
export const COMPOUND_MIN_REST = 3;

export const BONUS = {
  /**
   * One field that holds all query words and little else: "Hochzeit" is the whole synonym of
   * the civil wedding, only a part of "Feuerwerk Hochzeit". Scaled by the field weight, by the
   * share of query words and the share of the field's words matched, and by the match quality.
   */
  phrase: 1,
  /** The query is exactly a name or synonym (all words, nothing more, no typos or prefixes). */
  exactPhrase: 0.5,
  /** The name starts with the query ("gewer" → "Gewerbe anmelden" before "Auskunft aus dem Gewerbezentralregister"). */
  nameStart: 0.3,
} as const;

/** Share of the score that an optional word (stopword) contributes when it matches. */
export const STOPWORD_WEIGHT = 0.2;

/** Query words beyond this are ignored: a search box is not a document. */
export const MAX_QUERY_TERMS = 8;
