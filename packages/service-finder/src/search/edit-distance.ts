/**
 * Bounded Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute,
 * swap two neighbours), the typo model of the search.
 *
 * Why bounded: the search compares a query word with every dictionary term of similar length
 * and only cares whether the distance is at most 1 or 2. Stopping as soon as a whole row of the
 * table exceeds the bound makes most comparisons a few characters long.
 */

// Rows are reused between calls: the search runs this thousands of times per keystroke.
let previous2 = new Uint16Array(32);
let previous = new Uint16Array(32);
let current = new Uint16Array(32);

/** The distance between `a` and `b` when it is at most `max`, otherwise `max + 1`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (m === 0 || n === 0) return Math.max(m, n);
  if (previous.length <= n) {
    previous2 = new Uint16Array(n + 1);
    previous = new Uint16Array(n + 1);
    current = new Uint16Array(n + 1);
  }
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    const ca = a.charCodeAt(i - 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        value = Math.min(value, previous2[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    // Rotate the rows without allocating.
    const oldest = previous2;
    previous2 = previous;
    previous = current;
    current = oldest;
  }
  const distance = previous[n]!;
  return distance > max ? max + 1 : distance;
}
