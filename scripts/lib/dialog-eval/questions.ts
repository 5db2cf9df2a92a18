// What a dirigeant sees of the questionnaire: each question's id, type, text and option labels (never the
// synonyms: the evaluation must stay a voice other than the code's), and which question the bot is asking.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { knowledgeDir } from '../../../src/paths.js';
import type { QuestionType } from '../../../src/diagnostic/types.js';

export interface SeenQuestion {
  id: string;
  index: number;
  type: QuestionType;
  text: string;
  options: Array<{ id: string; label: string }>;
  notConcernedAllowed: boolean;
}

export interface Sector {
  id: string;
  label: string;
}

export function loadQuestions(): SeenQuestion[] {
  const raw = JSON.parse(readFileSync(path.join(knowledgeDir, 'diagnostic', 'questionnaire.fr.json'), 'utf8'));
  return raw.questions.map((q: any, index: number) => ({
    id: q.id,
    index,
    type: q.type,
    text: q.text,
    options: (q.options ?? []).map((o: any) => ({ id: o.id, label: o.label })),
    notConcernedAllowed: q.notConcernedAllowed === true,
  }));
}

/** Sector ids and labels (the labels are what the sector buttons show). */
export function loadSectors(): Sector[] {
  const raw = JSON.parse(readFileSync(path.join(knowledgeDir, 'nlu', 'secteurs.fr.json'), 'utf8'));
  return raw.secteurs.map((s: any) => ({ id: s.id, label: s.label }));
}

/** Lower case, no accents, straight apostrophes, single spaces: for comparing what people and the bot write. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[*_]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The questionnaire question the bot is asking in these texts: the one whose text appears last
 * (an echo line, an explanation or a clarification may come before it). Undefined when none is asked.
 */
export function askedQuestion(questions: SeenQuestion[], texts: string[]): SeenQuestion | undefined {
  const all = fold(texts.join('\n'));
  let best: SeenQuestion | undefined;
  let at = -1;
  for (const q of questions) {
    const i = all.lastIndexOf(fold(q.text));
    if (i > at) {
      at = i;
      best = q;
    }
  }
  return best;
}

/**
 * What the bot said before asking question q again (in the same message or earlier ones), without the
 * « Question n/N · axe » header nor « Reprenons » : the answer to a question asked mid-question.
 */
export function textBefore(q: SeenQuestion, texts: string[]): string {
  const all = fold(texts.join('\n'));
  const at = all.lastIndexOf(fold(q.text));
  if (at < 0) return '';
  return all
    .slice(0, at)
    .trim()
    .replace(/question \d+\/\d+[^·]*(·[^·]*)?$/, '')
    .replace(/reprenons\s*:?/g, '')
    .trim();
}
