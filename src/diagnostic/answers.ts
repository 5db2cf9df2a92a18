// Answers against questions: whether an answer fits a question, its item score (0–1, or null when it does
// not count), and how to say it back in French (« En partie », « Boutique en ligne, Réservation »).
import { yearlyAmount } from './conditions.js';
import { SIZE_BANDS, type Answer, type Option, type Question, type YesNo } from './types.js';

const YESNO_OPTIONS: Readonly<Record<YesNo, { label: string; score: number }>> = {
  yes: { label: 'Oui', score: 1 },
  partly: { label: 'En partie', score: 0.5 },
  no: { label: 'Non', score: 0 },
};

/** The options of a question; a yes/no question has yes/partly/no unless its options override them. */
export function optionsOf(question: Question): Option[] {
  if (question.type !== 'yesno') return question.options ?? [];
  return (Object.keys(YESNO_OPTIONS) as YesNo[]).map((id) => {
    const override = question.options?.find((o) => o.id === id);
    return { id, ...YESNO_OPTIONS[id], ...override };
  });
}

/** Whether the question counts in the axis score (profile and info questions do not). */
export function isScored(question: Question): boolean {
  return question.scored ?? question.axis !== 'profil';
}

/** Whether an answer has the right shape for the question (a button, or what the NLU extracted). */
export function isValidAnswer(question: Question, answer: Answer): boolean {
  if (answer.type === 'dontknow') return true;
  if (answer.type === 'notconcerned') return question.notConcernedAllowed === true;
  if (answer.type !== question.type) return false;
  const ids = new Set(optionsOf(question).map((o) => o.id));
  switch (answer.type) {
    case 'yesno':
    case 'choice':
      return ids.has(answer.value);
    case 'multi': {
      if (answer.values.length === 0 || !answer.values.every((v) => ids.has(v))) return false;
      const exclusive = optionsOf(question)
        .filter((o) => o.exclusive)
        .map((o) => o.id);
      return answer.values.length === 1 || !answer.values.some((v) => exclusive.includes(v));
    }
    case 'number':
      return Number.isFinite(answer.value) && answer.value >= 0;
    case 'percent':
      return Number.isFinite(answer.value) && answer.value >= 0 && answer.value <= 100;
    case 'money':
      return Number.isFinite(answer.amount) && answer.amount >= 0;
    case 'size':
      return (SIZE_BANDS as readonly string[]).includes(answer.value);
    case 'sector':
      return answer.value.length > 0;
    case 'location':
      return answer.region.length > 0;
  }
}

function bandScore(question: Question, value: number): number | null {
  const bands = question.bands;
  if (!bands?.length) return null;
  let score: number | null = null;
  for (const band of bands) if (value >= band.min) score = band.score;
  return score ?? 0;
}

/**
 * Item score in [0, 1] of a valid answer, or null when it does not count: not concerned, « je ne sais pas »
 * (unless the question gives `dontKnowScore`), an unscored question, or an invalid answer.
 */
export function itemScore(question: Question, answer: Answer | undefined): number | null {
  if (!answer || !isScored(question) || !isValidAnswer(question, answer)) return null;
  switch (answer.type) {
    case 'dontknow':
      return question.dontKnowScore ?? null;
    case 'notconcerned':
      return null;
    case 'yesno':
    case 'choice':
      return optionsOf(question).find((o) => o.id === answer.value)?.score ?? null;
    case 'multi': {
      const options = optionsOf(question);
      const total = answer.values.reduce((sum, id) => sum + (options.find((o) => o.id === id)?.score ?? 0), 0);
      const cap = question.multiCap ?? options.reduce((sum, o) => sum + (o.score ?? 0), 0);
      return cap > 0 ? Math.min(total, cap) / cap : null;
    }
    case 'number':
    case 'percent':
      return bandScore(question, answer.value);
    case 'money':
      return bandScore(question, yearlyAmount(answer));
    default:
      return null;
  }
}

const PERIODS = { year: ' par an', month: ' par mois', once: '' } as const;

function euros(amount: number): string {
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(amount).replace(/\u202f/g, ' ')} €`;
}

/** The answer said back in French, e.g. « En partie », « 2 », « 1 000 € par an ». */
export function describeAnswer(question: Question, answer: Answer): string {
  const label = (id: string): string => optionsOf(question).find((o) => o.id === id)?.label ?? id;
  switch (answer.type) {
    case 'dontknow':
      return 'Je ne sais pas';
    case 'notconcerned':
      return 'Non concerné';
    case 'yesno':
    case 'choice':
    case 'size':
    case 'sector':
      return label(answer.value);
    case 'multi':
      return answer.values.map(label).join(', ');
    case 'number':
      return String(answer.value);
    case 'percent':
      return `${answer.value} %`;
    case 'money':
      return `${euros(answer.amount)}${PERIODS[answer.period]}`;
    case 'location':
      return answer.departement ?? answer.region;
  }
}
