// fast-check arbitraries for the diagnostic: any valid answer to any question of the questionnaire.
import fc from 'fast-check';
import { isScored, itemScore, optionsOf } from '../../src/diagnostic/answers.js';
import type { Answer, Answers, Question, Questionnaire } from '../../src/diagnostic/types.js';

export function answerArb(question: Question): fc.Arbitrary<Answer> {
  const extra: Answer[] = [{ type: 'dontknow' }];
  if (question.notConcernedAllowed) extra.push({ type: 'notconcerned' });
  const ids = optionsOf(question).map((o) => o.id);
  let main: fc.Arbitrary<Answer>;
  switch (question.type) {
    case 'yesno':
      main = fc.constantFrom(...(ids as ('yes' | 'partly' | 'no')[])).map((value) => ({ type: 'yesno' as const, value }));
      break;
    case 'choice':
      main = fc.constantFrom(...ids).map((value) => ({ type: 'choice' as const, value }));
      break;
    case 'size':
      main = fc.constantFrom('0', '1-4', '5-9', '10-49', '50-249', '250+' as const).map((value) => ({ type: 'size' as const, value }));
      break;
    case 'multi': {
      const exclusive = optionsOf(question)
        .filter((o) => o.exclusive)
        .map((o) => o.id);
      const inclusive = ids.filter((id) => !exclusive.includes(id));
      main = fc.oneof(
        fc.subarray(inclusive, { minLength: 1 }).map((values) => ({ type: 'multi' as const, values })),
        ...exclusive.map((id) => fc.constant<Answer>({ type: 'multi', values: [id] })),
      );
      break;
    }
    case 'number':
      main = fc.integer({ min: 0, max: 12 }).map((value) => ({ type: 'number' as const, value }));
      break;
    case 'percent':
      main = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true })).map((value) => ({ type: 'percent' as const, value }));
      break;
    case 'money':
      main = fc
        .record({ amount: fc.integer({ min: 0, max: 20000 }), period: fc.constantFrom('year' as const, 'month' as const) })
        .map((m) => ({ type: 'money' as const, ...m }));
      break;
    case 'sector':
      main = fc.constantFrom('commerce', 'artisanat', 'industrie', 'services').map((value) => ({ type: 'sector' as const, value }));
      break;
    case 'location':
      main = fc.constantFrom('84', '11', '76', '44').map((region) => ({ type: 'location' as const, region }));
      break;
  }
  return fc.oneof({ weight: 8, arbitrary: main }, { weight: 1, arbitrary: fc.constantFrom(...extra) });
}

/** A complete set of answers (every question answered). */
export function answersArb(q: Questionnaire): fc.Arbitrary<Record<string, Answer>> {
  return fc.record(Object.fromEntries(q.questions.map((question) => [question.id, answerArb(question)])));
}

/** Best (or worst) answer to each scored question, by item score. */
export function extremeAnswers(q: Questionnaire, best: boolean, base: Answers = {}): Record<string, Answer> {
  const out: Record<string, Answer> = { ...base };
  for (const question of q.questions.filter(isScored)) {
    const candidates: Answer[] = [];
    if (question.type === 'multi') {
      const opts = optionsOf(question);
      candidates.push({ type: 'multi', values: opts.filter((o) => !o.exclusive).map((o) => o.id) });
      for (const o of opts.filter((x) => x.exclusive)) candidates.push({ type: 'multi', values: [o.id] });
    } else if (question.type === 'yesno') {
      for (const o of optionsOf(question)) candidates.push({ type: 'yesno', value: o.id as 'yes' });
    } else if (question.type === 'choice') {
      for (const o of optionsOf(question)) candidates.push({ type: 'choice', value: o.id });
    } else if (question.type === 'number' || question.type === 'percent') {
      candidates.push({ type: question.type, value: 0 }, { type: question.type, value: 100 });
    } else if (question.type === 'money') {
      candidates.push({ type: 'money', amount: 0, period: 'year' }, { type: 'money', amount: 100000, period: 'year' });
    }
    candidates.sort((a, b) => (itemScore(question, a) ?? 0) - (itemScore(question, b) ?? 0));
    out[question.id] = best ? candidates[candidates.length - 1] : candidates[0];
  }
  return out;
}
