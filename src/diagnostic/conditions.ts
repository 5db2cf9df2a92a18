// The small declarative condition language shared by skipIf, weights, the « socle » basics, comparisons and
// plan rules: { "question": "presence_site", "in": ["non"] }, { "profile": "sizeBand", "in": ["0", "1-4"] },
// { "question": "vente_part_ca", "min": 1 }, combined with { "all": [...] }, { "any": [...] }, { "not": ... }.
import type { Answer, Answers, Condition, Profile, ProfileField } from './types.js';

export interface ConditionContext {
  answers: Answers;
  profile?: Profile;
}

/** Yearly amount of a money answer (a monthly amount ×12; a one-off amount as is). */
export function yearlyAmount(answer: { amount: number; period: string }): number {
  return answer.period === 'month' ? answer.amount * 12 : answer.amount;
}

/** The string values a condition's `in` / `notIn` compares with. */
export function answerValues(answer: Answer): string[] {
  switch (answer.type) {
    case 'yesno':
    case 'choice':
    case 'sector':
    case 'size':
      return [answer.value];
    case 'multi':
      return [...answer.values];
    case 'location':
      return answer.departement ? [answer.region, answer.departement] : [answer.region];
    case 'dontknow':
    case 'notconcerned':
      return [answer.type];
    case 'number':
    case 'percent':
      return [String(answer.value)];
    case 'money':
      return [String(yearlyAmount(answer))];
  }
}

/** The number a condition's `min` / `max` compares with, if the answer is numeric. */
export function answerNumber(answer: Answer): number | undefined {
  if (answer.type === 'number' || answer.type === 'percent') return answer.value;
  if (answer.type === 'money') return yearlyAmount(answer);
  return undefined;
}

function profileValues(profile: Profile | undefined, field: ProfileField): { values: string[]; num?: number } | undefined {
  if (!profile) return undefined;
  switch (field) {
    case 'location': {
      const values = [profile.region, profile.departement].filter((v): v is string => typeof v === 'string');
      return values.length ? { values } : undefined;
    }
    case 'budget':
      return profile.budgetPerYear === undefined ? undefined : { values: [String(profile.budgetPerYear)], num: profile.budgetPerYear };
    default: {
      const v = profile[field];
      return typeof v === 'string' ? { values: [v] } : undefined;
    }
  }
}

/** Whether the condition holds. A leaf on an unanswered question (or unknown profile field) is false. */
export function evaluate(condition: Condition, ctx: ConditionContext): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, ctx));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, ctx));
  if ('not' in condition) return !evaluate(condition.not, ctx);

  let found: { values: string[]; num?: number } | undefined;
  if (condition.question !== undefined) {
    const answer = ctx.answers[condition.question];
    found = answer ? { values: answerValues(answer), num: answerNumber(answer) } : undefined;
  } else if (condition.profile !== undefined) {
    found = profileValues(ctx.profile, condition.profile);
  }
  if (condition.answered !== undefined && (found !== undefined) !== condition.answered) return false;
  if (!found) return condition.answered === false;
  if (condition.in && !found.values.some((v) => condition.in!.includes(v))) return false;
  if (condition.notIn && found.values.some((v) => condition.notIn!.includes(v))) return false;
  if (condition.min !== undefined && !(found.num !== undefined && found.num >= condition.min)) return false;
  if (condition.max !== undefined && !(found.num !== undefined && found.num <= condition.max)) return false;
  return true;
}

/** Question ids a condition refers to (for the loaders' reference checks). */
export function referencedQuestions(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(referencedQuestions);
  if ('any' in condition) return condition.any.flatMap(referencedQuestions);
  if ('not' in condition) return referencedQuestions(condition.not);
  return condition.question !== undefined ? [condition.question] : [];
}

/** Answer values (option ids, yes/partly/no…) a condition compares each question with. */
export function referencedValues(condition: Condition): { question: string; value: string }[] {
  if ('all' in condition) return condition.all.flatMap(referencedValues);
  if ('any' in condition) return condition.any.flatMap(referencedValues);
  if ('not' in condition) return referencedValues(condition.not);
  if (condition.question === undefined) return [];
  const q = condition.question;
  return [...(condition.in ?? []), ...(condition.notIn ?? [])].map((value) => ({ question: q, value }));
}
