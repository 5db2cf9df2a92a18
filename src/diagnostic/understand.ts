// From what the person said (a button, a card submit or free text understood by src/nlu) to a
// diagnostic Answer for the current question. Pure: the dialog calls it, the NLU does the French.
import { fold, type Answer as NluAnswer, type QuestionContext } from '../nlu/index.js';
import { isValidAnswer, optionsOf } from './answers.js';
import type { Answer, Question, SizeBand } from './types.js';

export const DONT_KNOW = 'Je ne sais pas';
export const NOT_CONCERNED = 'Non concerné';

// One context per question, built once: the NLU caches its prepared option phrases per options array,
// so a new array per message would rebuild (stem, fold) every phrase of the question at every message.
const contextCache = new WeakMap<Question, QuestionContext>();

/** What the NLU should extract for this question (the same object for the same question). */
export function questionContext(question: Question): QuestionContext {
  let ctx = contextCache.get(question);
  if (!ctx) {
    ctx = {
      type: question.type,
      options: optionsOf(question).map((o) => ({ id: o.id, label: o.label, synonyms: o.synonyms })),
      allowNotConcerned: question.notConcernedAllowed ?? false,
    };
    contextCache.set(question, ctx);
  }
  return ctx;
}

/**
 * The buttons offered for a question, each with the answer it gives. Multi-choice questions get a card
 * instead (several boxes to tick), location and sector questions mostly free text.
 */
export function buttonsFor(
  question: Question,
  sectors: Array<{ id: string; label: string }> = [],
): Array<{ label: string; answer: Answer }> {
  const extra: Array<{ label: string; answer: Answer }> = [{ label: DONT_KNOW, answer: { type: 'dontknow' } }];
  if (question.notConcernedAllowed) extra.push({ label: NOT_CONCERNED, answer: { type: 'notconcerned' } });
  switch (question.type) {
    case 'yesno':
      return [
        { label: 'Oui', answer: { type: 'yesno', value: 'yes' } },
        { label: 'En partie', answer: { type: 'yesno', value: 'partly' } },
        { label: 'Non', answer: { type: 'yesno', value: 'no' } },
        ...extra,
      ];
    case 'choice':
      return [...optionsOf(question).map((o) => ({ label: o.label, answer: { type: 'choice', value: o.id } as Answer })), ...extra];
    // The buttons of quantity questions are the questionnaire's (`buttons`), checked at load.
    case 'size':
      return (question.buttons ?? []).map((b) => ({ label: b.label, answer: { type: 'size', value: String(b.value) as SizeBand } }));
    case 'money':
      return [
        ...(question.buttons ?? []).map((b) => ({
          label: b.label,
          answer: { type: 'money', amount: Number(b.value), period: 'year' } as Answer,
        })),
        ...extra,
      ];
    case 'percent':
      return [
        ...(question.buttons ?? []).map((b) => ({ label: b.label, answer: { type: 'percent', value: Number(b.value) } as Answer })),
        ...extra,
      ];
    case 'number':
      return [
        ...(question.buttons ?? []).map((b) => ({ label: b.label, answer: { type: 'number', value: Number(b.value) } as Answer })),
        ...extra,
      ];
    case 'sector':
      return sectors.map((s) => ({ label: s.label, answer: { type: 'sector', value: s.id } }));
    case 'multi':
    case 'location':
      return question.type === 'multi' ? extra : [];
  }
}

/** The answer given by a button label, if the text is exactly one (case and spaces ignored). */
export function answerFromButton(question: Question, text: string, sectors: Array<{ id: string; label: string }> = []): Answer | undefined {
  const t = text.trim().toLowerCase();
  return buttonsFor(question, sectors).find((b) => b.label.toLowerCase() === t)?.answer;
}

/** A multi-choice card submit: `{ questionId, values: string[] | "a,b" }`. */
export function answerFromSubmit(question: Question, value: unknown): Answer | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as { questionId?: unknown; values?: unknown };
  if (v.questionId !== question.id) return undefined;
  const raw = Array.isArray(v.values) ? v.values : typeof v.values === 'string' ? v.values.split(',') : [];
  const ids = raw.filter((x): x is string => typeof x === 'string' && x.length > 0);
  const answer: Answer = { type: 'multi', values: ids };
  return ids.length && isValidAnswer(question, answer) ? answer : undefined;
}

/** Converts an NLU extraction to a diagnostic answer, or undefined when it does not fit the question. */
export function toAnswer(question: Question, nlu: NluAnswer): Answer | undefined {
  const answer = convert(question, nlu);
  return answer && isValidAnswer(question, answer) ? answer : undefined;
}

function convert(question: Question, nlu: NluAnswer): Answer | undefined {
  switch (nlu.type) {
    case 'yesno':
      if (nlu.value === 'dont_know') return { type: 'dontknow' };
      if (nlu.value === 'not_concerned') return { type: 'notconcerned' };
      return question.type === 'yesno' ? { type: 'yesno', value: nlu.value } : undefined;
    case 'choice':
      return { type: 'choice', value: nlu.value };
    case 'multi': {
      if (nlu.value.none) {
        const exclusive = optionsOf(question).find((o) => o.exclusive);
        return exclusive ? { type: 'multi', values: [exclusive.id] } : undefined;
      }
      // « par SMS, avec un lien de paiement »: an exclusive option (« aucun ») named beside real ones gives way.
      const exclusive = new Set(
        optionsOf(question)
          .filter((o) => o.exclusive)
          .map((o) => o.id),
      );
      const real = nlu.value.ids.filter((id) => !exclusive.has(id));
      const ids = real.length ? real : nlu.value.ids;
      return ids.length ? { type: 'multi', values: ids } : undefined;
    }
    case 'number':
      return { type: 'number', value: nlu.value.value };
    case 'percent':
      return { type: 'percent', value: nlu.value.value };
    case 'money':
      return { type: 'money', amount: nlu.value.value, period: nlu.value.period ?? 'year' };
    case 'sector':
      return { type: 'sector', value: nlu.value.id };
    case 'location':
      return { type: 'location', departement: nlu.value.departement, region: nlu.value.region };
    case 'size':
      return { type: 'size', value: nlu.value.band };
    case 'text':
      return undefined;
  }
}

const PER_YEAR: Record<string, number> = { an: 1, jour: 250, semaine: 52, mois: 12, trimestre: 4 };
const plain = (s: string) => fold(s).replace(/(\d)[\s\u202f\u00a0.](?=\d{3}\b)/g, '$1');

/**
 * The bands of a count question (`countedPer` in the questionnaire: each option carries its range [min, max)
 * of the count per period), or undefined for any other question.
 */
export function countBands(question: Question): Array<{ id: string; min: number; max: number }> | undefined {
  if (question.type !== 'choice' || !question.countedPer) return undefined;
  const bands = optionsOf(question).map((o) => (o.range ? { id: o.id, min: o.range[0], max: o.range[1] } : undefined));
  return bands.length > 0 && bands.every((b) => b !== undefined) ? bands : undefined;
}

/** « par mois », « chaque semaine », « /jour »: how many times a year, when the text says it. */
export function timesPerYear(text: string): number | undefined {
  const m = /(?:\bpar|\bchaque|\/|\btous les|\btoutes les)\s*(jour|semaine|mois|trimestre)s?\b/.exec(plain(text));
  return m ? PER_YEAR[m[1]] : undefined;
}

/**
 * The option of a count question for a count said in words: « une cinquantaine par mois » is 600 a
 * year when the question counts per year (`countedPer: "an"`). `count` is what the NLU read as a number.
 */
/** « plus de 1 000 » is above 1 000, « moins de 100 » below 100: the bound itself belongs to the next band. */
export function strictCount(q: { kind: string; value: number }): number {
  return q.kind === 'above' ? q.value + 1 : q.kind === 'below' ? Math.max(0, q.value - 1) : q.value;
}

export function choiceFromCount(question: Question, count: number, text: string): Answer | undefined {
  const bands = countBands(question);
  if (!bands || !Number.isFinite(count) || count < 0) return undefined;
  // A count said per another period than the question's is converted (« une cinquantaine par mois » = 600 a year).
  const said = timesPerYear(text);
  const counted = said === undefined ? count : (count * said) / PER_YEAR[question.countedPer!];
  const band = [...bands].sort((a, b) => a.min - b.min).find((b) => counted < b.max);
  return band ? { type: 'choice', value: band.id } : undefined;
}
