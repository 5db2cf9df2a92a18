// Walking through the questionnaire: which question comes next, where « retour » goes, and the progress
// line (« Question 7/32 · Présence en ligne »). Pure functions of the questionnaire and the answers so far.
import { evaluate } from './conditions.js';
import { profileFromAnswers } from './profile.js';
import { axisLabel } from './questionnaire.js';
import type { Answers, AxisId, Question, Questionnaire } from './types.js';

/** Whether the question is skipped given the answers so far (its skipIf holds). */
export function isSkipped(q: Questionnaire, question: Question, answers: Answers): boolean {
  if (!question.skipIf) return false;
  return evaluate(question.skipIf, { answers, profile: profileFromAnswers(q, answers) });
}

/** The questions that will be asked given the answers so far, in order. */
export function applicableQuestions(q: Questionnaire, answers: Answers): Question[] {
  return q.questions.filter((question) => !isSkipped(q, question, answers));
}

/** The first applicable question not answered yet, or null when the diagnostic is complete. */
export function nextQuestion(q: Questionnaire, answers: Answers): Question | null {
  return applicableQuestions(q, answers).find((question) => answers[question.id] === undefined) ?? null;
}

/**
 * The question « retour » goes back to: the last answered applicable question before `currentId`
 * (before the end when `currentId` is null). Null at the first question. The dialog then removes that
 * answer (see `withoutAnswer`) and asks it again.
 */
export function previousQuestion(q: Questionnaire, answers: Answers, currentId: string | null): Question | null {
  const list = applicableQuestions(q, answers);
  const end = currentId === null ? list.length : list.findIndex((question) => question.id === currentId);
  for (let i = (end < 0 ? list.length : end) - 1; i >= 0; i--) {
    if (answers[list[i].id] !== undefined) return list[i];
  }
  return null;
}

/** The answers without one question's answer (for « retour » or « je veux changer ma réponse »). */
export function withoutAnswer(answers: Answers, questionId: string): Answers {
  const { [questionId]: _removed, ...rest } = answers;
  return rest;
}

export interface Progress {
  /** 1-based position of the question among those that will be asked. */
  position: number;
  total: number;
  answered: number;
  axis: AxisId | 'profil';
  axisLabel: string;
  /** « Question 7/32 · Présence en ligne » */
  label: string;
}

/** Progress at a question (by default the next one). Null when there is no such applicable question. */
export function progress(q: Questionnaire, answers: Answers, questionId?: string): Progress | null {
  const list = applicableQuestions(q, answers);
  const id = questionId ?? nextQuestion(q, answers)?.id;
  const index = list.findIndex((question) => question.id === id);
  if (index < 0) return null;
  const question = list[index];
  const label = axisLabel(q, question.axis);
  return {
    position: index + 1,
    total: list.length,
    answered: list.filter((x) => answers[x.id] !== undefined).length,
    axis: question.axis,
    axisLabel: label,
    label: `Question ${index + 1}/${list.length} · ${label}`,
  };
}
