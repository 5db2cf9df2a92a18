// Amounts, counts and corrections read as meant: co-owners counted once with the dirigeant, durations that are not
// counts, « pas un centime », money per quarter or week, a first answer corrected in the same message, a plain
// « pas encore » to a checkbox question, and frustration offered only from its own words. Our own sentences.
import { read, stored } from '../helpers/reading.js';

describe('amounts and counts', () => {
  test.each([
    // The dirigeant is one of « deux associés »: one less person when head counts add up.
    ['profil_effectif', 'nous sommes trois associés avec deux vendeuses', { type: 'size', value: '1-4' }],
    ['profil_effectif', "j'ai deux associés et trois techniciens", { type: 'size', value: '5-9' }],
    ['profil_effectif', 'on est 4 salariés et 2 apprentis en me comptant', { type: 'size', value: '5-9' }],
    // How long is not how many.
    ['presence_reseaux', 'LinkedIn, depuis deux ans à peu près', { type: 'number', value: 1 }],
    ['presence_reseaux', "rien depuis trois mois, avant j'étais sur Facebook", { type: 'number', value: 0 }],
    // No money at all said with an article.
    ['profil_budget', 'franchement pas un sou de côté', { type: 'money', amount: 0, period: 'year' }],
    ['profil_budget', 'pas un euro pour ça', { type: 'money', amount: 0, period: 'year' }],
    // Per quarter, per week: counted per year.
    ['profil_budget', '150 € par trimestre', { type: 'money', amount: 600, period: 'year' }],
    ['profil_budget', 'dans les 10 euros par semaine', { type: 'money', amount: 520, period: 'year' }],
    // Two amounts: the one that can be afforded, over one already spent, with its own period.
    [
      'profil_budget',
      "l'abonnement du site nous coûte 20 € par mois, on pourrait aller jusqu'à 800 € sur l'année",
      { type: 'money', amount: 800, period: 'year' },
    ],
    [
      'profil_budget',
      'on dépense 40 € par mois en logiciels, je peux mettre 60 € par mois de plus',
      { type: 'money', amount: 60, period: 'month' },
    ],
    // A first answer corrected further on: what follows the correction.
    ['profil_budget', '2 000 € par an, non plutôt 1 500, soyons raisonnables', { type: 'money', amount: 1500, period: 'year' }],
    ['profil_localisation', 'on est dans le 22, pardon, le 29', { type: 'location', departement: '29', region: '53' }],
    ['presence_reseaux', 'trois, je veux dire deux, TikTok je ne poste plus', { type: 'number', value: 2 }],
    // A plain « pas encore » to a checkbox question is its « Aucun ».
    ['gestion_outils_partages', 'non pas encore', { type: 'multi', values: ['aucun'] }],
    ['vente_en_ligne', 'pas encore, ça viendra', { type: 'multi', values: ['aucun'] }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test('an advisor is offered on a miss only for words of frustration, never for a classifier guess', () => {
    expect(read('ia_usage', 'pas encore')).not.toMatchObject({ kind: 'miss', frustrated: true });
    expect(read('cyber_rgpd', "c'est nul ce questionnaire")).toMatchObject({ kind: 'miss', frustrated: true });
  });
});
