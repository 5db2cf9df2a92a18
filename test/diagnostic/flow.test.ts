import { applicableQuestions, nextQuestion, previousQuestion, progress, withoutAnswer } from '../../src/diagnostic/flow.js';
import { loadQuestionnaire } from '../../src/diagnostic/questionnaire.js';
import type { Answer, Answers } from '../../src/diagnostic/types.js';

const q = loadQuestionnaire();
const ids = q.questions.map((x) => x.id);

/** Answers every question before `id` (in order) with a neutral answer. */
function answeredUpTo(id: string, overrides: Record<string, Answer> = {}): Answers {
  const answers: Record<string, Answer> = {};
  for (const question of q.questions) {
    if (question.id === id) break;
    answers[question.id] = overrides[question.id] ?? { type: 'dontknow' };
  }
  return answers;
}

describe('flow', () => {
  test('starts with the profile and ends with null', () => {
    expect(nextQuestion(q, {})?.id).toBe('profil_effectif');
    const all = Object.fromEntries(ids.map((id) => [id, { type: 'dontknow' } as Answer]));
    expect(nextQuestion(q, all)).toBeNull();
  });

  test('no website → « site à jour ? » is skipped', () => {
    const noSite = answeredUpTo('presence_site_a_jour', { presence_site: { type: 'choice', value: 'non' } });
    expect(nextQuestion(q, noSite)?.id).toBe('presence_google');
    const site = answeredUpTo('presence_site_a_jour', { presence_site: { type: 'choice', value: 'oui' } });
    expect(nextQuestion(q, site)?.id).toBe('presence_site_a_jour');
  });

  test('no online sales → the share of turnover online is not asked', () => {
    const none = answeredUpTo('vente_part_ca', { vente_en_ligne: { type: 'multi', values: ['aucun'] } });
    expect(nextQuestion(q, none)?.id).toBe('vente_fichier_clients');
  });

  test('progress counts only the questions that will be asked', () => {
    const start = progress(q, {})!;
    expect(start).toMatchObject({ position: 1, total: ids.length, axis: 'profil', answered: 0 });
    expect(start.label).toBe(`Question 1/${ids.length} · Votre entreprise`);
    const noSite = answeredUpTo('presence_site_a_jour', { presence_site: { type: 'choice', value: 'non' } });
    const p = progress(q, noSite)!;
    expect(p.total).toBe(ids.length - 1);
    expect(p.label).toMatch(/^Question \d+\/\d+ · Présence en ligne$/);
    expect(progress(q, noSite, 'presence_site_a_jour')).toBeNull();
  });

  test('« retour » goes to the last answered question, skipping skipped ones', () => {
    expect(previousQuestion(q, {}, 'profil_effectif')).toBeNull();
    const noSite = answeredUpTo('presence_site_a_jour', { presence_site: { type: 'choice', value: 'non' } });
    const back = previousQuestion(q, noSite, 'presence_google');
    expect(back?.id).toBe('presence_site');
    const again = withoutAnswer(noSite, back!.id);
    expect(nextQuestion(q, again)?.id).toBe('presence_site');
    // Changing the answer brings the skipped question back.
    const withSite = { ...again, presence_site: { type: 'choice', value: 'oui' } as Answer };
    expect(nextQuestion(q, withSite)?.id).toBe('presence_site_a_jour');
    expect(applicableQuestions(q, withSite)).toHaveLength(ids.length);
  });

  test('at the end, « retour » goes to the last question', () => {
    const all = Object.fromEntries(ids.map((id) => [id, { type: 'dontknow' } as Answer]));
    expect(previousQuestion(q, all, null)?.id).toBe(ids[ids.length - 1]);
  });
});
