// Shared by the « Vos aides » tests: a firm's profile answers, and its result through the real buildResult,
// the shipped diagnostic model and the real aid catalogue, as of a given day.
import { buildResult } from '../../src/diagnostic/result.js';
import type { Answers } from '../../src/diagnostic/types.js';
import { content, findAids } from '../helpers/content.js';

export type Size = '0' | '1-4' | '5-9' | '10-49' | '50-249';

/** The profile answers of a firm (size, sector, status, location), plus `extra` answers. */
export const firm = (size: Size, sector: string, status: string, departement: string, region: string, extra: Answers = {}): Answers => ({
  profil_effectif: { type: 'size', value: size },
  profil_secteur: { type: 'sector', value: sector },
  profil_localisation: { type: 'location', departement, region },
  profil_statut: { type: 'choice', value: status },
  ...extra,
});

/** `resultOf(answers)` on the day `nowIso`, and `ids(answers)`: the ids of its plan's aids. */
export function resultsOn(nowIso: string) {
  const model = content().diagnostic;
  const resultOf = (answers: Answers) => buildResult(model.questionnaire, {}, answers, { model, findAids, now: new Date(nowIso) });
  return { resultOf, ids: (answers: Answers) => resultOf(answers).plan.aids.map((a) => a.id) };
}
