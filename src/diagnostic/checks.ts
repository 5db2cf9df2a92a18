// Checks shared by the loaders of the diagnostic's data files: conditions must name existing questions and
// possible answers; problems are collected as French messages.
import { optionsOf } from './answers.js';
import { referencedQuestions, referencedValues } from './conditions.js';
import type { Problem } from './data.js';
import { findQuestion } from './questionnaire.js';
import type { Condition, Questionnaire } from './types.js';

export type Add = (where: string, message: string) => void;

/** Problems of a condition: unknown questions, or values that are not possible answers. */
export function checkCondition(q: Questionnaire, condition: Condition, where: string, add: Add): void {
  for (const id of referencedQuestions(condition)) {
    if (!findQuestion(q, id)) add(where, `la condition porte sur la question inconnue « ${id} »`);
  }
  for (const { question: id, value } of referencedValues(condition)) {
    const target = findQuestion(q, id);
    if (!target || !['yesno', 'choice', 'multi', 'size'].includes(target.type)) continue;
    const valid = [...optionsOf(target).map((o) => o.id), 'dontknow', 'notconcerned'];
    if (!valid.includes(value)) add(where, `« ${value} » n'est pas une réponse possible à « ${id} »`);
  }
}

export function collector(file: string): { problems: Problem[]; add: Add } {
  const problems: Problem[] = [];
  return { problems, add: (where, message) => problems.push({ file, message: `${where} : ${message}` }) };
}
