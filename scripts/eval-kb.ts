// npm run eval:kb — evaluates the knowledge search on the section-level set (test half, tuning half; see
// test/knowledge/eval/README.md), on our development set and on the older 165-question set: top-1, top-3,
// right section, MRR, off-topic rejection, side by side. Lists the failures of the tuning half, of the
// development set and of the old set only: the test half is reported as aggregate figures, never as
// sentences, so that nobody tunes on it. Exits 1 below the targets of the test half.
// `npm run eval:kb -- tune dev old` evaluates only the sets named (to tune without seeing the test half).
// The held-out halves of dev sets (dev5h, dev6h) are printed as figures only, like the test half.
import { knowledgeOptions, loadContent } from '../src/content/index.js';
import { EVAL_SETS, createKnowledgeBase, evaluate, formatReport, loadQuestions, type EvalReport } from '../src/knowledge/search/index.js';

const content = loadContent();
const threshold = process.env.KB_THRESHOLD ? Number(process.env.KB_THRESHOLD) : undefined;
const clarifyRatio = process.env.KB_CLARIFY ? Number(process.env.KB_CLARIFY) : undefined;
const kb = createKnowledgeBase(content.guides, {
  ...knowledgeOptions(content),
  ...(threshold === undefined ? {} : { threshold }),
  ...(clarifyRatio === undefined ? {} : { clarifyRatio }),
});
const t0 = performance.now();
const names = {
  test: 'moitié test (jamais réglée)',
  tune: 'moitié réglage',
  dev: 'jeu de développement',
  dev2: 'jeu de développement 2',
  dev3: 'jeu de développement 3',
  dev4: 'jeu de développement 4',
  dev5: 'jeu de développement 5',
  dev5h: 'jeu 5, moitié réservée',
  dev6: 'jeu de développement 6',
  dev6h: 'jeu 6, moitié réservée',
  dev7h: 'jeu 7, contrôle réservé',
  old: 'ancien jeu (165 questions)',
} as const;
// Sets whose sentences and failures are never printed: the test half, and the held-out half of a dev set.
const HIDDEN: ReadonlySet<string> = new Set(['test', 'dev5h', 'dev6h', 'dev7h']);
const wanted = process.argv.slice(2);
const unknownSet = wanted.find((k) => !(k in EVAL_SETS));
if (unknownSet) throw new Error(`Jeu inconnu : ${unknownSet} (jeux : ${Object.keys(EVAL_SETS).join(', ')})`);
const sets = (Object.keys(EVAL_SETS) as Array<keyof typeof EVAL_SETS>).filter((k) => wanted.length === 0 || wanted.includes(k));
const reports = Object.fromEntries(sets.map((k) => [k, evaluate(kb, loadQuestions(EVAL_SETS[k]))])) as Partial<
  Record<keyof typeof EVAL_SETS, EvalReport>
>;
const ms = performance.now() - t0;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(8);
console.log(`${'jeu'.padEnd(28)}   top-1    top-3  section  hors sujet rejeté`);
for (const [k, r] of Object.entries(reports) as Array<[keyof typeof EVAL_SETS, EvalReport]>) {
  const section = r.withSection > 0 ? pct(r.rightSection) : '       -';
  console.log(`${names[k].padEnd(28)} ${pct(r.top1)} ${pct(r.top3)} ${section} ${pct(r.offTopicRejection)}`);
}
console.log('');
for (const [k, r] of Object.entries(reports) as Array<[keyof typeof EVAL_SETS, EvalReport]>) {
  console.log(`— ${names[k]}`);
  console.log(formatReport(r, kb.threshold, !HIDDEN.has(k)).join('\n'));
  console.log('');
}
console.log(`(${content.guides.length} guides, ${kb.stats.passages} passages ; évaluation en ${ms.toFixed(0)} ms)`);
const t = reports.test;
if (t && (t.top1 < 0.92 || t.top3 < 0.98 || t.rightSection < 0.85 || t.offTopicRejection < 1)) {
  console.log('Objectifs non atteints sur la moitié test : top-1 ≥ 92 %, top-3 ≥ 98 %, bonne section ≥ 85 %, hors sujet jamais répondu.');
  process.exitCode = 1;
}
