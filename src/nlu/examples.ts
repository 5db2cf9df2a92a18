// A second reader of diagnostic answers, learned from example answers labelled as an advisor would record them
// (knowledge/nlu/exemples-reponses/*.fr.json, written apart from any evaluation corpus). One naive Bayes model
// per question, trained at start on the question's own examples plus, for yes/no questions, the examples of
// every other yes/no question (weighted lower): « pas encore » means no wherever it is said.
// Features are French stems; a word in the scope of a negation (« pas d'adresse ») is a different feature
// from the word itself, a « mais » marks the words after it, and each two neighbouring features make one more
// (« aucune_!ide » is not « aucune_!sauvegard »).
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

/**
 * Features of a normalised text: stems, negated stems (« !adress »), stems after « mais » also as « >stem », and
 * pairs of neighbours (« mot_pass »): a pair tells apart what its two words alone do not (cross-validated on the
 * examples: 77.4 → 79.3 % right).
 */
export function exampleFeatures(text: string): string[] {
  const words = wordFeatures(text);
  const pairs: string[] = [];
  const base = words.filter((f) => !f.startsWith('>'));
  for (let i = 0; i + 1 < base.length; i++) pairs.push(`${base[i]}_${base[i + 1]}`);
  return [...words, ...pairs];
}

function wordFeatures(text: string): string[] {
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

/** natural's Bayes classifier proper, fed sparse observations (a map whose values are the features present). */
type Bayes = BayesClassifier['classifier'];

/**
 * A sparse observation (natural's wrapper would make each text a vector as long as the vocabulary); values are
 * prefixed so that no feature is read as an Object property (« constructor »).
 */
const observation = (features: string[]) => Object.fromEntries(features.map((f) => [f, `#${f}`]));

interface Learned {
  bayes: Bayes;
  /** Every feature the model was trained on. */
  known: Set<string>;
  /** The content words of the question's own examples (negation words aside). */
  topical: Set<string>;
}

/** A content word or pair (« adress », « !adress », « >adress », « pas_!adress »), not a negation or « mais » alone. */
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
   * Trains every question's model, one per turn of the event loop (the first takes ~0.3 s, reading every example; the
   * others tens of ms), so that no conversation waits for it; a question asked before its turn is trained on demand.
   * Resolves when done.
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
    // The wrapper (natural.BayesClassifier) makes each document a dense vector over the whole vocabulary: with pairs
    // of words, training took ~50 s. Its classifier takes sparse observations; training is then linear.
    const bayes = new BayesClassifier(frenchStemmer as unknown as ConstructorParameters<typeof BayesClassifier>[0], SMOOTHING).classifier;
    const known = new Set<string>();
    let docs = 0;
    const add = (text: string, label: string) => {
      let f = this.trained.get(text);
      if (!f) this.trained.set(text, (f = this.read(text)));
      if (f.length === 0 || (d.labels && !d.labels.includes(label))) return;
      bayes.addExample(observation(f), label);
      for (const x of f) known.add(x);
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
      m = { bayes, topical, known };
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
    const scores = m.bayes.getClassifications(observation(known));
    const total = scores.reduce((s, c) => s + c.value, 0);
    if (!(total > 0)) return [];
    // Damped when most words of the message are unknown to the model (words, not pairs: most pairs are new).
    const single = all.filter((f) => !f.includes('_'));
    const coverage = single.filter((f) => m.known.has(f)).length / Math.max(1, single.length);
    return scores.map((c) => ({ label: c.label, share: (c.value / total) * (0.7 + 0.3 * coverage) }));
  }
}
