/**
 * The search index over service summaries: built once from the catalogue, queried on every
 * keystroke. The same code ranks in the browser (catalogues up to 10,000 services, instant
 * and offline once loaded) and on the reference server (larger catalogues), so both give the
 * same order for the same catalogue.
 *
 * Layout, chosen to stay small for 10,000 services:
 * - a term dictionary (term-dictionary.ts): every distinct folded word once;
 * - "slots": one per indexed text (a service's name, each synonym, its short description, and
 *   each category name once), with its owner, field and length in words;
 * - postings: per term one run of 32-bit numbers in a shared Uint32Array, each number packing
 *   slot (24 bits), word position (6 bits) and span (2 bits). No strings are copied per service.
 */
import type { ServiceSummary } from '../model.js';
import { STOPWORDS } from './stopwords.js';
import { TermDictionary, type TermMatch } from './term-dictionary.js';
import { indexTerms, queryTerms } from './tokenize.js';
import {
  BONUS,
  FIELD_CATEGORY,
  FIELD_DESCRIPTION,
  FIELD_NAME,
  FIELD_SYNONYM,
  FIELD_WEIGHTS,
  MAX_QUERY_TERMS,
  STOPWORD_WEIGHT,
} from './weights.js';

export interface ServiceIndexOptions {
  /**
   * Category id → display name ("familie-kinder" → "Familie & Kinder"), so that a life
   * situation finds its services. Without a name the category id itself is indexed.
   */
  categoryNames?: Readonly<Record<string, string>>;
}

export interface SearchOptions {
  /** Most hits to return; default 10. */
  limit?: number;
}

/** `S`: the catalogue's own objects; the index only reads the `ServiceSummary` fields and hands them back. */
export interface SearchHit<S extends ServiceSummary = ServiceSummary> {
  service: S;
  /** Higher is better; only meaningful relative to the other hits of the same query. */
  score: number;
}

export interface ServiceIndex<S extends ServiceSummary = ServiceSummary> {
  /** Number of services. */
  readonly size: number;
  /** Number of distinct terms. */
  readonly termCount: number;
  /**
   * Services that match every word of `query` (function words like "für" are optional), best
   * first; equal scores keep catalogue order. When fewer than `limit` match every word, the
   * services matching most of them follow, so that one word the catalogue does not know
   * ("neuen Reisepass") never empties the answer. A word matches its other forms ("anmelden":
   * "Anmeldung"), umlauts typed as plain vowels and parts of compounds. The last word also
   * matches as a prefix, so that results appear while typing. An empty query finds nothing.
   */
  search(query: string, options?: SearchOptions): SearchHit<S>[];
}

export const DEFAULT_SEARCH_LIMIT = 10;

/**
 * Builds the index. The catalogue order is the tie-break of equal scores, so pass the services
 * in display order; the array is kept (not copied) and must not change afterwards.
 */
export function createServiceIndex<S extends ServiceSummary>(services: readonly S[], options: ServiceIndexOptions = {}): ServiceIndex<S> {
  return new CompactServiceIndex(services, options.categoryNames ?? {});
}

const MAX_POSITION = 63;
const MAX_SPAN = 4;
const MAX_SLOTS = 2 ** 24;

class CompactServiceIndex<S extends ServiceSummary> implements ServiceIndex<S> {
  readonly #services: readonly S[];
  readonly #dictionary: TermDictionary;
  /** Postings of term t: #postings[#postingStart[t] … #postingStart[t + 1]). */
  readonly #postingStart: Uint32Array;
  readonly #postings: Uint32Array;
  /** Per slot: the service (or for category slots: the category) it belongs to, its field and length. */
  readonly #slotOwner: Uint32Array;
  readonly #slotField: Uint8Array;
  readonly #slotLength: Uint8Array;
  /** Sum of the word weights (inverse document frequency) of each slot. */
  readonly #slotWeight: Float32Array;
  /** Per term: its weight as a single word, and as a compound written together (sum of its parts). */
  readonly #termWeight: Float32Array;
  readonly #joinedWeight: Float32Array;
  /** Services of each category, for matches on category names. */
  readonly #categoryServices: Uint32Array[];
  #scratch: Scratch | undefined;

  constructor(services: readonly S[], categoryNames: Readonly<Record<string, string>>) {
    this.#services = services;
    const termNumbers = new Map<string, number>();
    const termPostings: number[][] = [];
    const slotOwner: number[] = [];
    const slotField: number[] = [];
    const slotLength: number[] = [];

    const joinedParts = new Map<number, number[]>();
    const termNumber = (term: string): number => {
      let number = termNumbers.get(term);
      if (number === undefined) {
        number = termPostings.length;
        termNumbers.set(term, number);
        termPostings.push([]);
      }
      return number;
    };
    const addSlot = (owner: number, field: number, text: string) => {
      const { terms, length } = indexTerms(text);
      if (length === 0) return;
      const slot = slotOwner.length;
      if (slot >= MAX_SLOTS) throw new RangeError('Too many texts for one search index');
      slotOwner.push(owner);
      slotField.push(field);
      slotLength.push(Math.min(length, 255));
      for (const { term, position, span, parts } of terms) {
        const number = termNumber(term);
        termPostings[number]!.push(slot * 256 + Math.min(position, MAX_POSITION) * 4 + (Math.min(span, MAX_SPAN) - 1));
        if (parts && !joinedParts.has(number)) joinedParts.set(number, parts.map(termNumber));
      }
    };

    const categoryNumbers = new Map<string, number>();
    const categoryMembers: number[][] = [];
    services.forEach((service, doc) => {
      addSlot(doc, FIELD_NAME, service.name);
      for (const synonym of service.synonyms) addSlot(doc, FIELD_SYNONYM, synonym);
      addSlot(doc, FIELD_DESCRIPTION, service.shortDescription);
      let category = categoryNumbers.get(service.category);
      if (category === undefined) {
        category = categoryMembers.length;
        categoryNumbers.set(service.category, category);
        categoryMembers.push([]);
        addSlot(category, FIELD_CATEGORY, categoryNames[service.category] ?? service.category);
      }
      categoryMembers[category]!.push(doc);
    });

    // Number the terms in sorted order, so that the dictionary can find prefixes by binary search.
    const sorted = [...termNumbers.keys()].sort();
    const oldNumbers = sorted.map((term) => termNumbers.get(term)!);
    this.#dictionary = new TermDictionary(sorted, STOPWORDS);
    this.#postingStart = new Uint32Array(sorted.length + 1);
    let total = 0;
    oldNumbers.forEach((old, i) => {
      this.#postingStart[i] = total;
      total += termPostings[old]!.length;
    });
    this.#postingStart[sorted.length] = total;
    this.#postings = new Uint32Array(total);
    oldNumbers.forEach((old, i) => this.#postings.set(termPostings[old]!, this.#postingStart[i]!));
    this.#slotOwner = Uint32Array.from(slotOwner);
    this.#slotField = Uint8Array.from(slotField);
    this.#slotLength = Uint8Array.from(slotLength);
    this.#categoryServices = categoryMembers.map((members) => Uint32Array.from(members));

    // Weights for "how much of a name or synonym did the query cover": rare words weigh more than
    // "beantragen", so "Sterbeurkunde" covers most of "Sterbeurkunde beantragen".
    const idfByOld = new Float32Array(termPostings.length);
    termPostings.forEach((postings, old) => {
      let services = 0;
      let previous = -1;
      for (const posting of postings) {
        const slot = posting >>> 8;
        if (slotField[slot] === FIELD_CATEGORY || slotOwner[slot] === previous) continue;
        previous = slotOwner[slot]!;
        services++;
      }
      idfByOld[old] = Math.log(1 + this.#services.length / Math.max(1, services));
    });
    this.#termWeight = Float32Array.from(oldNumbers, (old) => idfByOld[old]!);
    this.#joinedWeight = Float32Array.from(oldNumbers, (old) => (joinedParts.get(old) ?? []).reduce((sum, part) => sum + idfByOld[part]!, 0));
    const slotWeight = new Float32Array(slotOwner.length);
    termPostings.forEach((postings, old) => {
      for (const posting of postings) if ((posting & 3) === 0) slotWeight[posting >>> 8]! += idfByOld[old]!;
    });
    this.#slotWeight = slotWeight;
  }

  get size(): number {
    return this.#services.length;
  }

  get termCount(): number {
    return this.#dictionary.size;
  }

  search(query: string, options: SearchOptions = {}): SearchHit<S>[] {
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT));
    if (limit === 0 || this.#services.length === 0) return [];
    const typed = queryTerms(query);
    // The dictionary is asked once per word; a word it cannot match may be a compound of two it knows.
    const words: string[] = [];
    const matches: TermMatch[][] = [];
    typed.forEach((word, i) => {
      const asPrefix = i === typed.length - 1;
      const found = this.#dictionary.match(word, asPrefix);
      const parts = found.length === 0 ? this.#dictionary.split(word) : undefined;
      if (!parts) {
        words.push(word);
        matches.push(found);
      } else
        for (const [p, part] of parts.entries()) {
          words.push(part);
          matches.push(this.#dictionary.match(part, asPrefix && p === 1));
        }
    });
    words.splice(MAX_QUERY_TERMS);
    matches.splice(MAX_QUERY_TERMS);
    if (words.length === 0) return [];
    const n = words.length;
    const all = (1 << n) - 1;
    let required = 0;
    words.forEach((word, i) => {
      if (!STOPWORDS.has(word)) required |= 1 << i;
    });
    // A query of function words only ("in der") means them.
    if (required === 0) required = all;

    // A word the catalogue does not know ("neuen", "Adresse") must not hide what the others find.
    const known = matches.reduce((mask, m, i) => (m.length > 0 ? mask | (1 << i) : mask), 0);
    if (!(required & known)) return [];
    required &= known;

    const s = this.#prepareScratch();
    const { best, docStamp, docBonus, slotStamp, slotMask, slotParts, slotCovered, slotQuality, slotStart, categoryBest } = s;
    const generation = s.generation;
    const touchedDocs: number[] = [];
    const touchedSlots: number[] = [];
    const categoryCount = this.#categoryServices.length;
    categoryBest.fill(0, 0, n * categoryCount);
    const touchDoc = (doc: number) => {
      if (docStamp[doc] === generation) return;
      docStamp[doc] = generation;
      best.fill(0, doc * MAX_QUERY_TERMS, doc * MAX_QUERY_TERMS + n);
      docBonus[doc] = 0;
      touchedDocs.push(doc);
    };

    // Required words first: optional words only add to services that already qualify.
    const order = words.map((_, i) => i).sort((a, b) => Number(!(required & (1 << a))) - Number(!(required & (1 << b))) || a - b);
    for (const i of order) {
      const bit = 1 << i;
      const optional = !(required & bit);
      if (optional) this.#addCategoryMatches(touchDoc, n);
      for (const { term, quality, fromStart } of matches[i]!) {
        for (let p = this.#postingStart[term]!, end = this.#postingStart[term + 1]!; p < end; p++) {
          const posting = this.#postings[p]!;
          const slot = posting >>> 8;
          const field = this.#slotField[slot]!;
          const owner = this.#slotOwner[slot]!;
          if (field === FIELD_CATEGORY) {
            const k = i * categoryCount + owner;
            if (quality > categoryBest[k]!) categoryBest[k] = quality;
            continue;
          }
          if (optional && docStamp[owner] !== generation) continue;
          touchDoc(owner);
          const score = FIELD_WEIGHTS[field]! * quality;
          const k = owner * MAX_QUERY_TERMS + i;
          if (score > best[k]!) best[k] = score;
          if (slotStamp[slot] !== generation) {
            slotStamp[slot] = generation;
            slotMask[slot] = 0;
            slotParts[slot] = 0;
            slotCovered[slot] = 0;
            slotQuality[slot] = 0;
            slotStart[slot] = 0;
            touchedSlots.push(slot);
          }
          // Terms come best first, so the first match of word i in this slot is its best one.
          if (!(slotMask[slot]! & bit)) {
            slotMask[slot] = slotMask[slot]! | bit;
            const span = (posting & 3) + 1;
            slotParts[slot] = slotParts[slot]! + span;
            slotCovered[slot] = slotCovered[slot]! + (span === 1 ? this.#termWeight[term]! : this.#joinedWeight[term]!);
            slotQuality[slot] = slotQuality[slot]! + quality;
          }
          if (i === 0 && fromStart && ((posting >>> 2) & 63) === 0) slotStart[slot] = 1;
        }
      }
    }
    this.#addCategoryMatches(touchDoc, n);

    const requiredCount = popCount(required);
    for (const slot of touchedSlots) {
      const mask = slotMask[slot]!;
      const matchedRequired = popCount(mask & required);
      if (matchedRequired === 0) continue;
      const field = this.#slotField[slot]!;
      const weight = FIELD_WEIGHTS[field]!;
      const length = this.#slotLength[slot]!;
      const quality = slotQuality[slot]! / popCount(mask);
      const wordShare = matchedRequired / requiredCount;
      const slotShare = Math.min(1, slotCovered[slot]! / this.#slotWeight[slot]!);
      let bonus = weight * wordShare * slotShare * quality * BONUS.phrase;
      if (mask === all && slotParts[slot]! >= length && quality === 1) bonus += weight * BONUS.exactPhrase;
      if (field === FIELD_NAME && slotStart[slot] && wordShare === 1) bonus += BONUS.nameStart;
      const doc = this.#slotOwner[slot]!;
      if (bonus > docBonus[doc]!) docBonus[doc] = bonus;
    }

    // Services with every required word first; when fewer than asked, those with the most of them.
    const hits: Array<{ doc: number; score: number; missing: number }> = [];
    for (const doc of touchedDocs) {
      let score = docBonus[doc]!;
      let missing = 0;
      for (let i = 0; i < n; i++) {
        const value = best[doc * MAX_QUERY_TERMS + i]!;
        if (required & (1 << i)) {
          if (value === 0) missing++;
          score += value;
        } else score += STOPWORD_WEIGHT * value;
      }
      if (missing < requiredCount) hits.push({ doc, score, missing });
    }
    hits.sort((a, b) => a.missing - b.missing || b.score - a.score || a.doc - b.doc);
    return hits.slice(0, limit).map(({ doc, score }) => ({ service: this.#services[doc]!, score: Math.round(score * 1000) / 1000 }));
  }

  /**
   * A category name match counts for every service of the category. Applied once, after the
   * required words (so that services found only through their category take part) and before
   * optional words (which only add to services already found); runs once per query.
   */
  #addCategoryMatches(touchDoc: (doc: number) => void, n: number): void {
    const s = this.#scratch!;
    if (s.categoriesApplied === s.generation) return;
    s.categoriesApplied = s.generation;
    const categoryCount = this.#categoryServices.length;
    const weight = FIELD_WEIGHTS[FIELD_CATEGORY]!;
    for (let c = 0; c < categoryCount; c++) {
      let any = false;
      for (let i = 0; i < n; i++) if (s.categoryBest[i * categoryCount + c]! > 0) any = true;
      if (!any) continue;
      for (const doc of this.#categoryServices[c]!) {
        touchDoc(doc);
        for (let i = 0; i < n; i++) {
          const score = weight * s.categoryBest[i * categoryCount + c]!;
          const k = doc * MAX_QUERY_TERMS + i;
          if (score > s.best[k]!) s.best[k] = score;
        }
      }
    }
  }

  /** Per-query working memory, allocated on the first search and reused (stamped by generation, never cleared). */
  #prepareScratch(): Scratch {
    if (!this.#scratch || this.#scratch.generation >= 0xfffffffe) {
      const docs = this.#services.length;
      const slots = this.#slotOwner.length;
      this.#scratch = {
        generation: 0,
        categoriesApplied: 0,
        best: new Float32Array(docs * MAX_QUERY_TERMS),
        docStamp: new Uint32Array(docs),
        docBonus: new Float32Array(docs),
        slotStamp: new Uint32Array(slots),
        slotMask: new Uint8Array(slots),
        slotParts: new Uint8Array(slots),
        slotCovered: new Float32Array(slots),
        slotQuality: new Float32Array(slots),
        slotStart: new Uint8Array(slots),
        categoryBest: new Float32Array(MAX_QUERY_TERMS * this.#categoryServices.length),
      };
    }
    this.#scratch.generation++;
    return this.#scratch;
  }
}

interface Scratch {
  generation: number;
  categoriesApplied: number;
  /** Best score of each query word per service: best[doc * MAX_QUERY_TERMS + word]. */
  best: Float32Array;
  docStamp: Uint32Array;
  docBonus: Float32Array;
  slotStamp: Uint32Array;
  /** Which query words matched in the slot (bit i: word i). */
  slotMask: Uint8Array;
  /** How many of the slot's words those matches cover. */
  slotParts: Uint8Array;
  /** The weight of those words (see #slotWeight). */
  slotCovered: Float32Array;
  /** Sum of the match qualities of those words. */
  slotQuality: Float32Array;
  /** Whether the first query word matched the slot's first word. */
  slotStart: Uint8Array;
  categoryBest: Float32Array;
}

function popCount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}
