// npm run eval:kb — evaluates the knowledge search on test/knowledge/questions.fr.json (top-1, top-3, MRR,
// off-topic rejection) and lists every failure, for the curators and for tuning. Exits 1 below the gates.
import path from 'node:path';
import { readGuides } from '../src/knowledge/guides.js';
import { createKnowledgeBase, evaluate, formatReport, loadQuestions } from '../src/knowledge/search/index.js';
import { formatProblems } from '../src/knowledge/validation.js';
import { knowledgeDir } from '../src/paths.js';

const { guides, problems } = readGuides(path.join(knowledgeDir, 'guides'));
if (problems.length > 0) console.warn(`Attention, guides avec problèmes (npm run kb:check) :\n${formatProblems(problems)}\n`);
const threshold = process.env.KB_THRESHOLD ? Number(process.env.KB_THRESHOLD) : undefined;
const kb = createKnowledgeBase(guides, threshold === undefined ? {} : { threshold });
const t0 = performance.now();
const report = evaluate(kb, loadQuestions());
console.log(formatReport(report, kb.threshold).join('\n'));
console.log(`(${guides.length} guides, ${kb.stats.passages} passages ; évaluation en ${(performance.now() - t0).toFixed(0)} ms)`);
if (report.top1 < 0.85 || report.top3 < 0.95 || report.offTopicRejection < 0.9) {
  console.log('Objectifs non atteints : top-1 ≥ 85 %, top-3 ≥ 95 %, rejet hors sujet ≥ 90 %.');
  process.exitCode = 1;
}
