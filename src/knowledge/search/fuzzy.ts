// Typo tolerance: an unknown word of a query (5 letters or more) is matched to the closest word of the
// index vocabulary by Damerau–Levenshtein distance (optimal string alignment, bounded): 1 edit up to
// 8 letters, 2 edits from 9 letters, and the first letter must be right (typos rarely hit it, and it
// avoids « calories » → « salaries »). Ties go to the more frequent word. Results are cached.

/** Bounded OSA distance: returns max + 1 as soon as the distance is known to exceed `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

export const MIN_FUZZY_LENGTH = 5;

export function allowedEdits(word: string): number {
  if (word.length < MIN_FUZZY_LENGTH) return 0;
  return word.length >= 9 ? 2 : 1;
}

/** The vocabulary of surface words of the index, bucketed by length, with their frequencies. */
export class Vocabulary {
  private readonly byLength = new Map<number, Array<{ word: string; count: number }>>();
  private readonly counts = new Map<string, number>();
  private readonly cache = new Map<string, string | null>();
  private static readonly CACHE_MAX = 5000;

  add(word: string): void {
    this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
  }

  /** Freezes the buckets; call once after the last add. */
  seal(): void {
    this.byLength.clear();
    for (const [word, count] of this.counts) {
      let bucket = this.byLength.get(word.length);
      if (!bucket) this.byLength.set(word.length, (bucket = []));
      bucket.push({ word, count });
    }
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  get size(): number {
    return this.counts.size;
  }

  /** The closest known word within the allowed edits, or null. */
  correct(word: string): string | null {
    const max = allowedEdits(word);
    if (max === 0 || /\d/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let best: { word: string; count: number; d: number } | null = null;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const cand of this.byLength.get(len) ?? []) {
        if (cand.word.length < MIN_FUZZY_LENGTH || cand.word.charCodeAt(0) !== word.charCodeAt(0)) continue;
        const limit = best ? Math.min(best.d, max) : max;
        const d = boundedEditDistance(word, cand.word, limit);
        if (d > limit) continue;
        if (!best || d < best.d || (d === best.d && cand.count > best.count)) best = { word: cand.word, count: cand.count, d };
      }
    }
    const result = best?.word ?? null;
    if (this.cache.size >= Vocabulary.CACHE_MAX) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }
}
