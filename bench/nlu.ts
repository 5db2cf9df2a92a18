// NLU benchmark: time to understand one utterance of our corpus (intent + every extractor), and the
// intent classifier's training time at start. Baseline in the same process: tokenising the same
// utterances (fold + natural's French tokenizer), so the ratio says what the NLU adds on top.
import os from 'node:os';
import path from 'node:path';
import { loadContent } from '../src/content/index.js';
import { createNlu, type QuestionContext } from '../src/nlu/index.js';
import { loadQuestionnaire } from '../src/diagnostic/index.js';
import { readAnswerText } from '../src/diagnostic/reading.js';
import { loadCorpus } from '../src/nlu/evaluate.js';
import { tokens } from '../src/nlu/analyze.js';
import { projectRoot } from '../src/paths.js';
import { ms, ratio, summarize } from './stats.js';
import type { BenchSection } from './types.js';

const CONTEXTS: QuestionContext[] = [
  { type: 'yesno', allowNotConcerned: true },
  { type: 'number' },
  { type: 'percent' },
  { type: 'money' },
  { type: 'sector' },
  { type: 'location' },
  { type: 'size' },
  {
    type: 'multi',
    options: [
      { id: 'site', label: 'Un site internet', synonyms: ['site web', 'site'] },
      { id: 'reseaux', label: 'Une page sur les réseaux sociaux', synonyms: ['Facebook', 'Instagram'] },
      { id: 'marketplace', label: 'Une place de marché', synonyms: ['Etsy', 'Amazon'] },
    ],
  },
];

export async function benchNlu(rounds = 5): Promise<BenchSection> {
  const data = loadContent().nlu;
  const trainings: number[] = [];
  let nlu = createNlu(data);
  for (let i = 0; i < rounds; i++) {
    nlu = createNlu(data);
    trainings.push(nlu.trainingMs);
  }
  const corpus = loadCorpus(path.join(projectRoot, 'test', 'nlu', 'corpus'));
  const texts = [...corpus.intents.map(([t]) => t), ...corpus.extractors.flatMap((e) => e.cases.map(([t]) => t.split('::').pop() ?? t))];

  const full: number[] = [];
  const cpu: number[] = [];
  const base: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (const text of texts) {
      let s = performance.now();
      sink += tokens(text).length;
      base.push(performance.now() - s);
      const c0 = process.cpuUsage();
      s = performance.now();
      sink += nlu.interpret(text).intent.confidence;
      for (const c of CONTEXTS) sink += nlu.extract(text, c).ok ? 1 : 0;
      full.push(performance.now() - s);
      const c1 = process.cpuUsage(c0);
      cpu.push((c1.user + c1.system) / 1000);
    }
  }
  // What the diagnostic does with one message at a question: fixed phrases, the answer to that question
  // (counting, phrasings, corrections) and the other profile facts of the same message.
  const questionnaire = loadQuestionnaire();
  // The learned reader is trained in the background once the server listens; a turn never waits for it.
  const w0 = performance.now();
  await nlu.warm();
  const warmMs = performance.now() - w0;
  const reading: number[] = [];
  const readingCpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    texts.forEach((text, i) => {
      const question = questionnaire.questions[i % questionnaire.questions.length];
      const c0 = process.cpuUsage();
      const s = performance.now();
      sink += readAnswerText(text, question, { questionnaire, answers: {}, nlu, lastRead: [questionnaire.questions[0].id] }).kind.length;
      reading.push(performance.now() - s);
      const c1 = process.cpuUsage(c0);
      readingCpu.push((c1.user + c1.system) / 1000);
    });
  }
  const rd = summarize(reading);
  const rc = summarize(readingCpu);
  const f = summarize(full);
  const b = summarize(base);
  const t = summarize(trainings);
  const u = summarize(cpu);
  const [load1] = os.loadavg();
  return {
    title: `NLU: one utterance, intent + ${CONTEXTS.length} extractors (${texts.length} utterances × ${rounds})`,
    lines: [
      `analyse    p50 ${ms(f.p50, 3)}  p95 ${ms(f.p95, 3)}  mean ${ms(f.mean, 3)}  (target p95 < 1 ms)`,
      `reading    p50 ${ms(rd.p50, 3)}  p95 ${ms(rd.p95, 3)}  (one message at a diagnostic question: phrases, answer, corrections, other facts; target p95 < 1 ms); cpu p50 ${ms(rc.p50, 3)} p95 ${ms(rc.p95, 3)}`,
      `cpu time   p50 ${ms(u.p50, 3)}  p95 ${ms(u.p95, 3)}  (this process only; wall time above includes waiting for a core, load average ${load1.toFixed(1)} on ${os.cpus().length} cores)`,
      `baseline   p50 ${ms(b.p50, 3)}  p95 ${ms(b.p95, 3)}  (tokenise only)`,
      `ratio p50  ${ratio(f.p50, b.p50)} the tokeniser alone`,
      `training   median ${ms(t.p50, 1)}  max ${ms(Math.max(...trainings), 1)}  (Bayes, ${Object.keys(data.intents.intents).length} intents, at start)`,
      `learned    ${ms(warmMs, 0)} to train the reader of ${data.examples?.length ?? 0} questions from labelled examples (in the background after start, one question per event-loop turn)`,
      `(checksum ${sink.toFixed(0)})`,
    ],
  };
}
