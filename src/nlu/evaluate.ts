// Evaluation of the NLU on our labelled corpus (test/nlu/corpus/*.json), shared by
// `npm run eval:nlu` (scripts/eval-nlu.ts) and the jest gate (test/nlu/eval.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Answer, Nlu, QuestionContext } from './index.js';
import type { ChoiceOption } from './types.js';

type Expected = string | number | string[] | { value?: number; kind?: string; min?: number; max?: number; period?: string };

/** One extractor's corpus: each case is [text, expected] (+ per-file question for choices). */
export interface Corpus {
  intents: [string, string][];
  extractors: { name: string; context: QuestionContext; cases: [string, Expected][] }[];
}

export interface Failure {
  text: string;
  expected: unknown;
  got: unknown;
}

export interface ExtractorScore {
  name: string;
  total: number;
  correct: number;
  accuracy: number;
  failures: Failure[];
}

export interface IntentScore {
  total: number;
  correct: number;
  accuracy: number;
  perIntent: { intent: string; precision: number; recall: number; support: number }[];
  confusions: { expected: string; got: string; count: number; examples: string[] }[];
}

export interface EvalReport {
  intents: IntentScore;
  extractors: ExtractorScore[];
  /** Number of utterances in the corpus. */
  size: number;
}

const CONTEXT_OF: Record<string, QuestionContext> = {
  yesno: { type: 'yesno', allowNotConcerned: true },
  numbers: { type: 'number' },
  percent: { type: 'percent' },
  money: { type: 'money' },
  sector: { type: 'sector' },
  location: { type: 'location' },
  size: { type: 'size' },
};

/** Read every corpus file of the folder. */
export function loadCorpus(dir: string): Corpus {
  const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  const corpus: Corpus = { intents: read('intents.json').cases, extractors: [] };
  for (const [name, context] of Object.entries(CONTEXT_OF)) {
    if (existsSync(path.join(dir, `${name}.json`))) corpus.extractors.push({ name, context, cases: read(`${name}.json`).cases });
  }
  if (existsSync(path.join(dir, 'choice.json'))) {
    const c = read('choice.json') as { questions: Record<string, ChoiceOption[]>; cases: [string, 'choice' | 'multi', string, Expected][] };
    for (const type of ['choice', 'multi'] as const) {
      corpus.extractors.push({
        name: type,
        context: { type },
        cases: c.cases.filter((x) => x[1] === type).map(([q, , text, exp]) => [`${q}::${text}`, exp]),
      });
    }
    (corpus as Corpus & { questions?: Record<string, ChoiceOption[]> }).questions = c.questions;
  }
  return corpus;
}

function near(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= Math.max(0.5, Math.abs(b) * 0.01);
}

/** Whether an extracted answer matches the expected value of the corpus. */
export function answerMatches(answer: Answer, expected: Expected): boolean {
  switch (answer.type) {
    case 'yesno':
    case 'choice':
      return answer.value === expected;
    case 'multi': {
      const exp = expected as string[];
      return exp.length === answer.value.ids.length && exp.every((id) => answer.value.ids.includes(id));
    }
    case 'sector':
      return answer.value.id === expected;
    case 'location': {
      const exp = String(expected);
      if (exp.startsWith('region:')) return answer.value.region === exp.slice(7) && !answer.value.departement;
      return answer.value.departement === exp;
    }
    case 'size':
      return answer.value.band === expected;
    case 'number':
    case 'percent':
    case 'money': {
      const exp = typeof expected === 'number' ? { value: expected } : (expected as Exclude<Expected, string | number | string[]>);
      const v = answer.value;
      if (exp.value !== undefined && !near(v.value, exp.value)) return false;
      if (exp.kind !== undefined && v.kind !== exp.kind) return false;
      if (exp.min !== undefined && !near(v.min, exp.min)) return false;
      if (exp.max !== undefined && !near(v.max, exp.max)) return false;
      if (answer.type === 'money' && exp.period !== undefined && (answer.value as { period?: string }).period !== exp.period) return false;
      if (answer.type === 'money' && exp.period === undefined && typeof expected === 'object' && 'period' in (expected as object))
        return false;
      return true;
    }
    case 'text':
      return answer.value === expected;
  }
}

export function evaluate(nlu: Nlu, corpus: Corpus): EvalReport {
  const questions = (corpus as Corpus & { questions?: Record<string, ChoiceOption[]> }).questions ?? {};
  const extractors: ExtractorScore[] = corpus.extractors.map((ex) => {
    const failures: Failure[] = [];
    for (const [raw, expected] of ex.cases) {
      let text = raw;
      let context = ex.context;
      if (ex.name === 'choice' || ex.name === 'multi') {
        const [q, t] = raw.split('::');
        text = t;
        context = { type: ex.context.type, options: questions[q] };
      }
      const got = nlu.extract(text, context);
      if (!(got.ok ? answerMatches(got.value, expected) : expected === 'not_understood')) {
        failures.push({ text, expected, got: got.ok ? got.value.value : 'not_understood' });
      }
    }
    const total = ex.cases.length;
    return { name: ex.name, total, correct: total - failures.length, accuracy: total ? (total - failures.length) / total : 1, failures };
  });
  return {
    intents: evaluateIntents(nlu, corpus.intents),
    extractors,
    size: corpus.intents.length + extractors.reduce((s, e) => s + e.total, 0),
  };
}

function evaluateIntents(nlu: Nlu, cases: [string, string][]): IntentScore {
  const confusion = new Map<string, { count: number; examples: string[] }>();
  const stats = new Map<string, { tp: number; fp: number; fn: number; support: number }>();
  const stat = (k: string) => stats.get(k) ?? (stats.set(k, { tp: 0, fp: 0, fn: 0, support: 0 }), stats.get(k)!);
  let correct = 0;
  for (const [text, expected] of cases) {
    const got = nlu.interpret(text).intent.name;
    stat(expected).support++;
    if (got === expected) {
      correct++;
      stat(expected).tp++;
      continue;
    }
    stat(expected).fn++;
    stat(got).fp++;
    const key = `${expected} → ${got}`;
    const c = confusion.get(key) ?? { count: 0, examples: [] };
    c.count++;
    if (c.examples.length < 3) c.examples.push(text);
    confusion.set(key, c);
  }
  const perIntent = [...stats.entries()]
    .filter(([, s]) => s.support > 0)
    .map(([intent, s]) => ({
      intent,
      precision: s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1,
      recall: s.support ? s.tp / s.support : 1,
      support: s.support,
    }))
    .sort((a, b) => a.intent.localeCompare(b.intent));
  const confusions = [...confusion.entries()]
    .map(([k, v]) => {
      const [expected, got] = k.split(' → ');
      return { expected, got, count: v.count, examples: v.examples };
    })
    .sort((a, b) => b.count - a.count);
  return { total: cases.length, correct, accuracy: cases.length ? correct / cases.length : 1, perIntent, confusions };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Human-readable lines of a report. */
export function formatReport(r: EvalReport, withFailures = true): string[] {
  const lines = [`Corpus: ${r.size} utterances`, `Intents: ${pct(r.intents.accuracy)} (${r.intents.correct}/${r.intents.total})`];
  for (const p of r.intents.perIntent) {
    lines.push(`  ${p.intent.padEnd(20)} precision ${pct(p.precision).padStart(7)}  recall ${pct(p.recall).padStart(7)}  (n=${p.support})`);
  }
  if (r.intents.confusions.length) lines.push('  Confusions (expected → got):');
  for (const c of r.intents.confusions)
    lines.push(`    ${c.expected} → ${c.got} ×${c.count}: ${c.examples.map((e) => `« ${e} »`).join(', ')}`);
  lines.push('Extractors:');
  for (const e of r.extractors) {
    lines.push(`  ${e.name.padEnd(10)} ${pct(e.accuracy).padStart(7)} (${e.correct}/${e.total})`);
    if (withFailures)
      for (const f of e.failures) lines.push(`      « ${f.text} » expected ${JSON.stringify(f.expected)} got ${JSON.stringify(f.got)}`);
  }
  return lines;
}
