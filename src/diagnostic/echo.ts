// The short line that says back what was stored from a free-text answer (« Noté : 8 salariés (5 à 9). »),
// so that a misreading is seen at once and can be corrected with the next message.
import type { Nlu } from '../nlu/index.js';
import { describeAnswer, optionsOf } from './answers.js';
import type { Answer, Question } from './types.js';

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The stored answer in a few French words; `value` is what the NLU read, when it says more. */
export function echoOf(question: Question, answer: Answer, value: unknown, nlu: Pick<Nlu, 'sectors'>): string {
  switch (answer.type) {
    case 'size': {
      const band = optionsOf(question).find((o) => o.id === answer.value)?.label ?? answer.value;
      const employees = (value as { employees?: number } | undefined)?.employees;
      if (answer.value === '0') return 'seul(e), sans salarié';
      if (employees === undefined) return `${lower(band)} salariés`;
      return `${employees} salarié${employees > 1 ? 's' : ''} (${lower(band)})`;
    }
    case 'sector':
      return nlu.sectors.find((s) => s.id === answer.value)?.label ?? answer.value;
    case 'location': {
      const v = value as { departementName?: string; regionName?: string } | undefined;
      if (answer.departement) return v?.departementName ? `${v.departementName} (${answer.departement})` : answer.departement;
      return v?.regionName ?? answer.region;
    }
    case 'dontknow':
      return 'je ne sais pas';
    case 'notconcerned':
      return 'non concerné';
    default:
      return lower(describeAnswer(question, answer));
  }
}

/** « Noté : 8 salariés (5 à 9) · secteur : Boulangerie. » */
export function echoLine(main: { echo: string }, extra: Array<{ echo: string; short?: string }>): string {
  const parts = [main.echo, ...extra.map((e) => (e.short ? `${lower(e.short)} : ${e.echo}` : e.echo))];
  return `Noté : ${parts.join(' · ')}.`;
}
