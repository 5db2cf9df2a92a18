// A second reader of diagnostic answers, learned from example answers labelled as an advisor would record them
// (knowledge/nlu/exemples-reponses/*.fr.json, written apart from any evaluation corpus). One naive Bayes model
// per question, trained at start on the question's own examples plus, for yes/no questions, the examples of
// every other yes/no question (weighted lower): « pas encore » means no wherever it is said.
// Features are French stems; a word in the scope of a negation (« pas d'adresse ») is a different feature
// from the word itself, and a « mais » marks the words after it.
import { BayesClassifier } from 'natural/lib/natural/classifiers/index.js';
import { frenchStemmer, isStopWord, stem, tokens } from './analyze.js';
import type { Normalize } from './normalize.js';

export interface ExampleAnswers {
  questionId: string;
  /** Answer type of the question (yesno examples are shared between yes/no questions). */
  type?: string;
  /** The labels this question accepts (its options, dontknow, notconcerned where allowed): others are not learned. */
  labels?: string[];
  examples: { text: string; answer: string }[];
}

export interface Guess {
  /** An option id, yes / partly / no, dontknow or notconcerned. */
  label: string;
  /** Share of the model's belief, in [0, 1]. */
  share: number;
}

/** Smoothing of the Bayes counts (natural's default 1 flattens the shares of small models). */
const SMOOTHING = 0.1;
/** Weight of a question's own examples against those of the other yes/no questions. */
const OWN_WEIGHT = 3;
/** Words that put the next few words in the scope of a negation. */
const NEGATORS = new Set(['pas', 'jamais', 'aucun', 'aucune', 'rien', 'sans', 'ni', 'non', 'personne', 'plus']);
/** How many meaningful words a negation reaches. */
const SCOPE = 3;
/** Words that end a negation's scope. */
const SCOPE_END = new Set(['mais', 'sauf', 'et', 'par', 'sinon', 'juste', 'seulement', 'que']);

/** Features of a normalised text: stems, negated stems (« !adress »), stems after « mais » also as « >stem ». */
export function exampleFeatures(text: string): string[] {
  const out: string[] = [];
  let negated = 0;
  let contrast = false;
  for (const t of tokens(text)) {
    if (NEGATORS.has(t)) {
      out.push(t);
      negated = SCOPE;
      continue;
    }
    if (SCOPE_END.has(t)) {
      negated = 0;
      if (t === 'mais' || t === 'sauf') {
        contrast = true;
        out.push(t);
      }
      continue;
    }
    if (isStopWord(t)) continue;
    const s = stem(t);
    if (!s) continue;
    if (negated > 0) {
      out.push(`!${s}`);
      negated--;
    } else out.push(s);
    if (contrast) out.push(`>${s}`);
  }
  return out;
}

interface Learned {
  bayes: BayesClassifier;
  /** Every feature the model was trained on. */
  known: Set<string>;
  /** The content words of the question's own examples (negation words aside). */
  topical: Set<string>;
}

/** A content word (« adress », « !adress », « >adress »), not a negation or « mais ». */
const isTopical = (f: string) => !NEGATORS.has(f) && f !== 'mais' && f !== 'sauf';

export class AnswerModel {
  private readonly data = new Map<string, ExampleAnswers>();
  private readonly models = new Map<string, Learned | null>();
  private readonly shared: ExampleAnswers[];
  /** Features of the examples (each is read once, however many models it trains). */
  private readonly trained = new Map<string, string[]>();
  private readonly read: (text: string) => string[];
  /** Milliseconds spent training so far (each question's model is trained on its first use). */
  trainingMs = 0;

  constructor(data: ExampleAnswers[], normalize: Normalize) {
    this.read = (text: string) => exampleFeatures(normalize(text).text);
    for (const d of data) this.data.set(d.questionId, d);
    this.shared = data.filter((d) => d.type === 'yesno');
  }

  has(questionId: string): boolean {
    return this.data.has(questionId);
  }

  /**
   * Trains every question's model, one per turn of the event loop (a yes/no model takes up to ~150 ms), so that
   * no conversation waits for it; a question asked before its turn is trained on demand. Resolves when done.
   */
  async warm(): Promise<void> {
    for (const id of this.data.keys()) {
      if (this.models.has(id)) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.model(id);
    }
  }

  private model(questionId: string): Learned | null {
    const cached = this.models.get(questionId);
    if (cached !== undefined) return cached;
    const d = this.data.get(questionId);
    if (!d) return null;
    const t0 = performance.now();
    const bayes = new BayesClassifier(frenchStemmer as unknown as ConstructorParameters<typeof BayesClassifier>[0], SMOOTHING);
    let docs = 0;
    const add = (text: string, label: string) => {
      let f = this.trained.get(text);
      if (!f) this.trained.set(text, (f = this.read(text)));
      if (f.length === 0 || (d.labels && !d.labels.includes(label))) return;
      bayes.addDocument(f, label);
      docs++;
    };
    // The question's own examples count OWN_WEIGHT times those of the other yes/no questions.
    const topical = new Set<string>();
    for (const ex of d.examples) {
      for (let i = 0; i < OWN_WEIGHT; i++) add(ex.text, ex.answer);
      for (const f of this.trained.get(ex.text) ?? []) if (isTopical(f)) topical.add(f);
    }
    if (d.type === 'yesno') for (const other of this.shared) if (other !== d) for (const ex of other.examples) add(ex.text, ex.answer);
    let m: Learned | null = null;
    if (docs > 0) {
      bayes.train();
      m = { bayes, topical, known: new Set(Object.keys((bayes as unknown as { features: Record<string, number> }).features)) };
    }
    this.models.set(questionId, m);
    this.trainingMs += performance.now() - t0;
    return m;
  }

  /**
   * The model's readings of `text` at `questionId`, best first; empty when no content word of it is one of the
   * question's own examples (« mon ordinateur a neuf ans » says nothing of the firm's priorities, whatever the
   * other yes/no questions taught the model about computers).
   */
  guess(questionId: string, text: string): Guess[] {
    const m = this.model(questionId);
    if (!m) return [];
    const all = this.read(text);
    const known = all.filter((f) => m.known.has(f));
    if (!known.some((f) => isTopical(f) && m.topical.has(f))) return [];
    const scores = m.bayes.getClassifications(known);
    const total = scores.reduce((s, c) => s + c.value, 0);
    if (!(total > 0)) return [];
    // Damped when most words of the message are unknown to the model.
    const coverage = known.length / all.length;
    return scores.map((c) => ({ label: c.label, share: (c.value / total) * (0.7 + 0.3 * coverage) }));
  }
}
