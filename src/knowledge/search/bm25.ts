// A small field-weighted BM25 (BM25F-style: a term's frequency is the weighted sum of its counts in the
// fields of a document) over pre-analysed terms. Postings are flat arrays; a query touches only the
// postings of its terms. Scores also tell which query terms matched each document (a bit mask), so that
// the caller can compute the coverage of the query.

export interface Field {
  terms: string[];
  weight: number;
}

export interface Bm25Params {
  k1: number;
  b: number;
}

export interface QueryTerm {
  term: string;
  /** Multiplier of the term's contribution (1, or less for a typo-corrected word). */
  weight: number;
}

export interface ScoreSheet {
  /** Score of every document (0 when no term matched). */
  scores: Float64Array;
  /** Bit i set when query term i matched the document (first 31 query terms). */
  masks: Uint32Array;
  /** Documents with a non-zero score, in first-touched order. */
  touched: number[];
}

export const MAX_QUERY_TERMS = 31;

export class Bm25Index {
  private readonly postings = new Map<string, { docs: number[]; tfs: number[] }>();
  private readonly lengths: number[] = [];
  private avgLength = 1;
  private sealed = false;

  constructor(private readonly params: Bm25Params = { k1: 1.2, b: 0.75 }) {}

  get size(): number {
    return this.lengths.length;
  }

  /** Adds a document; returns its number (0, 1, 2… in order of addition). */
  add(fields: Field[]): number {
    if (this.sealed) throw new Error('Bm25Index: add() after seal()');
    const doc = this.lengths.length;
    const tf = new Map<string, number>();
    let length = 0;
    for (const f of fields) {
      for (const t of f.terms) tf.set(t, (tf.get(t) ?? 0) + f.weight);
      length += f.terms.length * f.weight;
    }
    for (const [term, freq] of tf) {
      let p = this.postings.get(term);
      if (!p) this.postings.set(term, (p = { docs: [], tfs: [] }));
      p.docs.push(doc);
      p.tfs.push(freq);
    }
    this.lengths.push(length);
    return doc;
  }

  seal(): void {
    const total = this.lengths.reduce((a, b) => a + b, 0);
    this.avgLength = this.lengths.length ? Math.max(total / this.lengths.length, 1) : 1;
    this.sealed = true;
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  docFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /** BM25 idf (the non-negative variant), for a term with document frequency `df`. */
  idfFor(df: number): number {
    const n = this.lengths.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  idf(term: string): number {
    return this.idfFor(this.docFrequency(term));
  }

  /** The most a term can add to one document's score (its frequency tending to infinity). */
  maxContribution(term: string): number {
    return this.idf(term) * (this.params.k1 + 1);
  }

  /** The largest idf of this index (a term found in one document only). */
  get rareIdf(): number {
    return this.idfFor(1);
  }

  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  /** Each query term's contribution to each document of [from, to) (rows: terms, columns: documents). */
  contributions(query: QueryTerm[], from: number, to: number): Float64Array[] {
    const { k1, b } = this.params;
    return query.map((q) => {
      const row = new Float64Array(Math.max(0, to - from));
      const p = this.postings.get(q.term);
      if (!p || q.weight <= 0) return row;
      const idf = this.idfFor(p.docs.length) * q.weight;
      let lo = 0;
      let hi = p.docs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (p.docs[mid]! < from) lo = mid + 1;
        else hi = mid;
      }
      for (let j = lo; j < p.docs.length && p.docs[j]! < to; j++) {
        const tf = p.tfs[j]!;
        const norm = k1 * (1 - b + (b * this.lengths[p.docs[j]!]!) / this.avgLength);
        row[p.docs[j]! - from] = (idf * tf * (k1 + 1)) / (tf + norm);
      }
      return row;
    });
  }

  score(query: QueryTerm[]): ScoreSheet {
    const n = this.lengths.length;
    const scores = new Float64Array(n);
    const masks = new Uint32Array(n);
    const touched: number[] = [];
    const { k1, b } = this.params;
    query.slice(0, MAX_QUERY_TERMS).forEach((q, i) => {
      const p = this.postings.get(q.term);
      if (!p || q.weight <= 0) return;
      const idf = this.idfFor(p.docs.length) * q.weight;
      const bit = 1 << i;
      for (let j = 0; j < p.docs.length; j++) {
        const doc = p.docs[j]!;
        const tf = p.tfs[j]!;
        const norm = k1 * (1 - b + (b * this.lengths[doc]!) / this.avgLength);
        if (masks[doc] === 0) touched.push(doc);
        scores[doc]! += (idf * tf * (k1 + 1)) / (tf + norm);
        masks[doc]! |= bit;
      }
    });
    return { scores, masks, touched };
  }
}
