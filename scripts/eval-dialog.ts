// npm run eval:dialog — replays the in-situ corpus of test/dialog-eval/ (per-question free-text answers and
// whole conversations written by dirigeants' standards, never by the code's) through the real /api/messages
// endpoint of a real Virage, and prints: understood at first try, stored as meant, hijacks, question items
// handled, conversations finished — per split. Failures are listed for the tune split only.
// The dev split (test/dialog-eval/dev/, written after the tune/test corpus) is reported apart; « all » is tune + test.
// Dev items whose id ends in « -h<n> » (e.g. « -devd-h3 ») are a held-out half of their batch: figures only
// (« dev, held out »), never their texts or failures, so that a batch can tell whether its fixes generalise.
// Flags: --split tune|test|dev|all (default all), --verbose, --only <text in item/conversation id>.
// Writes test-output/eval-dialog.json. A measure, not a gate: exits 0 unless it crashes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/paths.js';
import { coverage, devDir, loadConversations, loadItems } from './lib/dialog-eval/corpus.js';
import { loadQuestions } from './lib/dialog-eval/questions.js';
import { figures, formatFailures, formatFigures, perQuestion } from './lib/dialog-eval/report.js';
import { evaluate } from './lib/dialog-eval/run.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const split = flag('--split') ?? 'all';
const only = flag('--only');
const verbose = args.includes('--verbose');
if (!['tune', 'test', 'dev', 'all'].includes(split)) throw new Error('--split must be tune, test, dev or all');

const questions = loadQuestions();
const HELD = /-h\d+$/;
const heldOut = (x: { split: string; id: string }) => x.split === 'dev' && HELD.test(x.id);
const inSplit = <T extends { split: string; id: string }>(xs: T[]) =>
  xs.filter((x) => (split === 'all' || x.split === split) && (!only || x.id.includes(only)));
const allItems = loadItems(questions);
const devItems = loadItems(questions, devDir);
if (devItems.some((i) => i.split !== 'dev')) throw new Error('[eval-dialog] items under dev/ must have split « dev »');
const items = inSplit([...allItems, ...devItems]);
const conversations = inSplit(loadConversations(questions));
for (const p of coverage(allItems, questions)) console.warn(`coverage: ${p}`);

let shown = '';
const results = await evaluate(items, conversations, {
  concurrency: Number(process.env.EVAL_DIALOG_CONCURRENCY ?? 2),
  progress: (what, n, of) => {
    if (!process.stderr.isTTY) return;
    const line = `\r${what} ${n}/${of}`;
    if (line !== shown) process.stderr.write((shown = line));
  },
});
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');

const lines: string[] = [];
const splits = split === 'all' ? (['tune', 'test', 'all', 'dev'] as const) : ([split] as const);
const report: Record<string, unknown> = {};
for (const s of splits) {
  const inS = (x: { split: string; id: string }) => (s === 'all' ? x.split !== 'dev' : x.split === s && !heldOut(x));
  const its = results.items.filter(inS);
  const cvs = results.conversations.filter(inS);
  const f = figures(its, cvs);
  report[s] = f;
  lines.push(...formatFigures(s, f));
  const held = s === 'dev' ? results.items.filter(heldOut) : [];
  const heldConvs = s === 'dev' ? results.conversations.filter(heldOut) : [];
  if (held.length || heldConvs.length) {
    report['dev-held'] = figures(held, heldConvs);
    lines.push(...formatFigures('dev, held out (figures only)', figures(held, heldConvs)));
  }
}
if (split !== 'test') {
  const tuneItems = results.items.filter((i) => i.split === 'tune');
  const tuneConvs = results.conversations.filter((c) => c.split === 'tune');
  lines.push(...formatFailures(tuneItems, tuneConvs, verbose));
  const dev = results.items.filter((i) => i.split === 'dev' && !heldOut(i));
  const devConvs = results.conversations.filter((c) => c.split === 'dev' && !heldOut(c));
  if (dev.length || devConvs.length) lines.push(...formatFailures(dev, devConvs, verbose).map((l) => l.replace(/^-- tune /, '-- dev ')));
}
lines.push(
  '',
  `(${results.items.length} items and ${results.conversations.length} conversations in ${(results.ms / 1000).toFixed(1)} s; report: test-output/eval-dialog.json)`,
);
console.log(lines.join('\n'));

const outDir = path.join(projectRoot, 'test-output');
mkdirSync(outDir, { recursive: true });
const tuneOnly = <T extends { split: string; id: string }>(xs: T[]) =>
  xs.filter((x) => x.split === 'tune' || (x.split === 'dev' && !heldOut(x)));
writeFileSync(
  path.join(outDir, 'eval-dialog.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      figures: report,
      // Per question, over the splits run (figures only).
      perQuestion: perQuestion(results.items.filter((i) => i.split !== 'dev')),
      // Details of the tune and dev splits only; the test split is reported as figures (nobody tunes on it).
      items: tuneOnly(results.items),
      conversations: tuneOnly(results.conversations),
    },
    null,
    2,
  ),
);
