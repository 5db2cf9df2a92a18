// Evaluation of the knowledge search on labelled questions (test/knowledge/questions.fr.json and the
// section-level set test/knowledge/eval/{tune,test}.fr.json), shared by `npm run eval:kb` and the jest
// gates. Definitions:
// - top-1: the question is answered (confidence ≥ threshold, or an urgent situation) AND the first guide is the
//   expected one (a close second guide is only offered beside the answer);
// - top-1 (ranking): the first guide is the expected one, whatever the confidence;
// - top-3: the expected guide is among the first three results;
// - right section: top-1 holds AND the section shown is the expected one (questions labelled with a section);
// - MRR: mean of 1 / rank of the expected guide among the first 10 (0 when absent);
// - off-topic rejection: share of off-topic questions (guide null) that are not answered.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../paths.js';
import type { KnowledgeBase } from './knowledge-base.js';

export interface LabelledQuestion {
  q: string;
  /** Expected guide slug, or null for an off-topic question. */
  guide: string | null;
  /** Expected section anchor (optional). */
  section?: string;
}

export interface EvalFailure {
  q: string;
  expected: string | null;
  got: string | null;
  confidence: number;
  rank: number | null;
  /** Expected and obtained sections, when the question is labelled with one. */
  expectedSection?: string;
  gotSection?: string;
}

export interface EvalReport {
  inDomain: number;
  offTopic: number;
  /** Questions whose guide does not exist (yet), not evaluated. */
  skipped: number;
  skippedGuides: string[];
  guidesCovered: number;
  top1: number;
  top1Ranking: number;
  top3: number;
  /** Questions labelled with a section, and the share of them answered with the right guide and section. */
  withSection: number;
  rightSection: number;
  mrr: number;
  offTopicRejection: number;
  failures: EvalFailure[];
}

export const QUESTIONS_FILE = path.join(projectRoot, 'test', 'knowledge', 'questions.fr.json');
/** The section-level set: a tuning half and a test half nobody tunes on (see test/knowledge/eval/README.md). */
export const EVAL_SETS = {
  test: path.join(projectRoot, 'test', 'knowledge', 'eval', 'test.fr.json'),
  tune: path.join(projectRoot, 'test', 'knowledge', 'eval', 'tune.fr.json'),
  /** Our own development set (new voices, off-topic kinds), written before the retrieval changes of issue 14. */
  dev: path.join(projectRoot, 'test', 'knowledge', 'eval', 'dev.fr.json'),
  /** A second development set, written from the headings only before the section-ranking changes of 1 December. */
  dev2: path.join(projectRoot, 'test', 'knowledge', 'eval', 'dev2.fr.json'),
  /** A third development set (new voices), written from the headings only before the changes of 1 December 04:15. */
  dev3: path.join(projectRoot, 'test', 'knowledge', 'eval', 'dev3.fr.json'),
  /** A fourth development set (new voices, urgent cases, brand names), written from the headings only on 1 December 07:30. */
  dev4: path.join(projectRoot, 'test', 'knowledge', 'eval', 'dev4.fr.json'),
  /** A fifth development set (new voices), written from the headings only on 1 December 10:40. */
  dev5: path.join(projectRoot, 'test', 'knowledge', 'eval', 'dev5.fr.json'),
  /** The held-out half of the fifth set: figures only, never its failures, to check that fixes generalise. */
  dev5h: path.join(projectRoot, 'test', 'knowledge', 'eval', 'dev5h.fr.json'),
  /** A sixth development set (new voices, urgent cases, off-topic), written from the headings only on 1 December 13:15. */
  dev6: path.join(projectRoot, 'test', 'knowledge', 'eval', 'dev6.fr.json'),
  /** The held-out half of the sixth set: figures only. */
  dev6h: path.join(projectRoot, 'test', 'knowledge', 'eval', 'dev6h.fr.json'),
  /** A held-out check set (60 off-topic questions sharing the guides' words, 60 in-domain), never tuned on: figures only. */
  dev7h: path.join(projectRoot, 'test', 'knowledge', 'eval', 'dev7h.fr.json'),
  old: QUESTIONS_FILE,
} as const;

export function loadQuestions(file = QUESTIONS_FILE): LabelledQuestion[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { questions?: LabelledQuestion[] };
  if (!Array.isArray(data.questions)) throw new Error(`${file}: « questions » manquant`);
  return data.questions;
}

export function evaluate(kb: KnowledgeBase, questions: LabelledQuestion[]): EvalReport {
  const known = new Set(kb.list().map((g) => g.id));
  const failures: EvalFailure[] = [];
  const skippedGuides = new Set<string>();
  const covered = new Set<string>();
  let inDomain = 0;
  let offTopic = 0;
  let skipped = 0;
  let top1 = 0;
  let top1Ranking = 0;
  let top3 = 0;
  let rr = 0;
  let rejected = 0;
  let withSection = 0;
  let rightSection = 0;
  for (const { q, guide, section } of questions) {
    if (guide !== null && !known.has(guide)) {
      skipped++;
      skippedGuides.add(guide);
      continue;
    }
    const res = kb.search(q, { top: 10 });
    const first = res.results[0];
    if (guide === null) {
      offTopic++;
      if (!res.answered) rejected++;
      else failures.push({ q, expected: null, got: first?.guideId ?? null, confidence: first?.confidence ?? 0, rank: null });
      continue;
    }
    inDomain++;
    covered.add(guide);
    const index = res.results.findIndex((r) => r.guideId === guide);
    const rank = index < 0 ? null : index + 1;
    if (rank === 1) top1Ranking++;
    const direct = res.answered;
    if (rank === 1 && direct) top1++;
    if (rank !== null && rank <= 3) top3++;
    if (rank !== null) rr += 1 / rank;
    const good = rank === 1 && direct;
    const sectionOk = section === undefined || (good && first?.sectionId === section);
    if (section !== undefined) {
      withSection++;
      if (sectionOk) rightSection++;
    }
    if (!good || !sectionOk) {
      const f: EvalFailure = { q, expected: guide, got: first?.guideId ?? null, confidence: first?.confidence ?? 0, rank };
      if (section !== undefined) Object.assign(f, { expectedSection: section, gotSection: first?.sectionId });
      failures.push(f);
    }
  }
  const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return {
    inDomain,
    offTopic,
    skipped,
    skippedGuides: [...skippedGuides].sort(),
    guidesCovered: covered.size,
    top1: ratio(top1, inDomain),
    top1Ranking: ratio(top1Ranking, inDomain),
    top3: ratio(top3, inDomain),
    withSection,
    rightSection: ratio(rightSection, withSection),
    mrr: ratio(rr, inDomain),
    offTopicRejection: ratio(rejected, offTopic),
    failures,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The report as lines of text (French labels for curators); `withFailures` false for the test half. */
export function formatReport(r: EvalReport, threshold: number, withFailures = true): string[] {
  const lines = [
    `Questions évaluées : ${r.inDomain} sur ${r.guidesCovered} guides + ${r.offTopic} hors sujet (seuil de confiance ${threshold})`,
    `top-1 (répondu et bon guide) : ${pct(r.top1)}   top-1 (classement seul) : ${pct(r.top1Ranking)}`,
    `top-3 : ${pct(r.top3)}   MRR : ${r.mrr.toFixed(3)}   rejet hors sujet : ${pct(r.offTopicRejection)}`,
  ];
  if (r.withSection > 0) lines.push(`bonne section (bon guide, répondu) : ${pct(r.rightSection)} sur ${r.withSection} questions`);
  if (r.skipped > 0) lines.push(`Ignorées : ${r.skipped} questions (guides absents : ${r.skippedGuides.join(', ')})`);
  if (withFailures && r.failures.length > 0) {
    lines.push('Échecs :');
    for (const f of r.failures) {
      const sec = (id?: string) => (id ? `#${id}` : '');
      lines.push(
        `  « ${f.q} » attendu ${f.expected ?? 'hors sujet'}${sec(f.expectedSection)}, obtenu ${f.got ?? 'rien'}${f.expectedSection ? sec(f.gotSection) : ''} (confiance ${f.confidence}, rang ${f.rank ?? '-'})`,
      );
    }
  }
  return lines;
}
