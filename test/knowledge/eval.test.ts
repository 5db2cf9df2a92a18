// The quality gate of the knowledge search on our labelled questions (see src/knowledge/search/evaluate.ts).
import path from 'node:path';
import { readGuides } from '../../src/knowledge/guides.js';
import { createKnowledgeBase, evaluate, formatReport, loadQuestions } from '../../src/knowledge/search/index.js';
import { knowledgeDir } from '../../src/paths.js';

const questions = loadQuestions();
const { guides } = readGuides(path.join(knowledgeDir, 'guides'));
const kb = createKnowledgeBase(guides);
const report = evaluate(kb, questions);

describe('knowledge search evaluation', () => {
  it('has enough labelled questions: ≥ 150, ≥ 4 per guide slug, ≥ 20 off-topic', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150);
    const perGuide = new Map<string, number>();
    for (const q of questions) if (q.guide) perGuide.set(q.guide, (perGuide.get(q.guide) ?? 0) + 1);
    expect(perGuide.size).toBeGreaterThanOrEqual(30);
    for (const [, n] of perGuide) expect(n).toBeGreaterThanOrEqual(4);
    expect(questions.filter((q) => q.guide === null).length).toBeGreaterThanOrEqual(20);
  });

  it('reaches top-1 ≥ 85 %, top-3 ≥ 95 %, off-topic rejection ≥ 90 %', () => {
    if (report.skipped > 0) console.warn(`[eval:kb] ${report.skipped} questions skipped: guides missing (${report.skippedGuides.join(', ')})`);
    const summary = formatReport(report, kb.threshold).slice(0, 3).join('\n');
    expect({ summary, top1: report.top1 >= 0.85, top3: report.top3 >= 0.95, offTopic: report.offTopicRejection >= 0.9 }).toEqual({
      summary,
      top1: true,
      top3: true,
      offTopic: true,
    });
  });
});
