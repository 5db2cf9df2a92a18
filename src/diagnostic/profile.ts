// The firm's profile, read from the answers to the profile questions (those with a `profileField`).
import { yearlyAmount } from './conditions.js';
import type { Answers, Profile, Questionnaire } from './types.js';

/** Profile fields filled from the answers; fields left unanswered (or « je ne sais pas ») stay undefined. */
export function profileFromAnswers(q: Questionnaire, answers: Answers): Profile {
  const profile: Profile = {};
  for (const question of q.questions) {
    const answer = answers[question.id];
    if (!question.profileField || !answer) continue;
    switch (question.profileField) {
      case 'sizeBand':
        if (answer.type === 'size') profile.sizeBand = answer.value;
        break;
      case 'location':
        if (answer.type === 'location') {
          profile.region = answer.region;
          if (answer.departement) profile.departement = answer.departement;
        }
        break;
      case 'budget':
        if (answer.type === 'money') profile.budgetPerYear = yearlyAmount(answer);
        break;
      default:
        if (answer.type === 'choice' || answer.type === 'sector') profile[question.profileField] = answer.value;
    }
  }
  return profile;
}

/** The profile given by the caller (e.g. known from the CCI's records), completed by the answers. */
export function mergeProfile(known: Profile | undefined, fromAnswers: Profile): Profile {
  const merged: Profile = { ...fromAnswers };
  for (const [key, value] of Object.entries(known ?? {})) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
