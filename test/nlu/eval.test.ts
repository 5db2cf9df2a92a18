// Accuracy gate on our labelled corpus (the same evaluation as `npm run eval:nlu`).
import { createNlu } from '../../src/nlu/index.js';
import { content } from '../helpers/content.js';
import { evaluate, formatReport, loadCorpus } from '../../src/nlu/evaluate.js';
import { fileURLToPath } from 'node:url';

const report = evaluate(createNlu(content().nlu), loadCorpus(fileURLToPath(new URL('./corpus', import.meta.url))));
const acc = (name: string) => report.extractors.find((e) => e.name === name)?.accuracy ?? 0;

describe('NLU accuracy on the corpus', () => {
  afterAll(() => {
    if (process.env.NLU_REPORT) console.log(formatReport(report).join('\n'));
  });
  test('corpus has ≥ 400 utterances', () => expect(report.size).toBeGreaterThanOrEqual(400));
  test('intents ≥ 92 %', () => expect(report.intents.accuracy).toBeGreaterThanOrEqual(0.92));
  test('yes/partly/no ≥ 95 %', () => expect(acc('yesno')).toBeGreaterThanOrEqual(0.95));
  test('numbers ≥ 98 %', () => expect(acc('numbers')).toBeGreaterThanOrEqual(0.98));
  test('money ≥ 98 %', () => expect(acc('money')).toBeGreaterThanOrEqual(0.98));
  test('location ≥ 98 %', () => expect(acc('location')).toBeGreaterThanOrEqual(0.98));
});
