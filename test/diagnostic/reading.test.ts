// What a message means at a diagnostic question (src/diagnostic/reading.ts): the general readings of
// issue 10, each on our own examples (never the evaluation corpus's sentences).
import { factsIn } from '../../src/diagnostic/reading.js';
import { read, readingContext, stored } from '../helpers/reading.js';

describe('reading a message at a diagnostic question', () => {
  test.each([
    // Counting what is named; frequencies are not counts; denied after « mais ».
    ['presence_reseaux', 'Pinterest et YouTube', { type: 'number', value: 2 }],
    ['presence_reseaux', 'deux fois par mois sur LinkedIn', { type: 'number', value: 1 }],
    ['presence_reseaux', 'une page TikTok mais on ne poste jamais', { type: 'number', value: 0 }],
    // Articles are not head counts; people named are counted and add up.
    ['profil_effectif', 'moi et ma secrétaire', { type: 'size', value: '1-4' }],
    ['profil_effectif', '4 ouvriers et 3 apprentis', { type: 'size', value: '5-9' }],
    // Hedges keep the answer; « pas vraiment » is a no; contrasts are « en partie ».
    ['cyber_mises_a_jour', 'je pense que oui', { type: 'yesno', value: 'yes' }],
    ['strategie_indicateurs', 'pas vraiment', { type: 'yesno', value: 'no' }],
    ['cyber_rgpd', 'le registre oui, l’information des clients non', { type: 'yesno', value: 'partly' }],
    // Descriptions read against the options' phrasings.
    ['gestion_logiciel_factures', 'tout sur un tableur', { type: 'yesno', value: 'no' }],
    ['presence_domaine_email', 'une adresse Hotmail', { type: 'yesno', value: 'no' }],
    // Several options: on a scale the highest, beside « Les deux » that option; restrictives.
    ['presence_site', 'une fiche Pages Jaunes et un vrai site', { type: 'choice', value: 'oui' }],
    ['profil_clientele', 'des familles et des entreprises', { type: 'choice', value: 'mixte' }],
    ['vente_en_ligne', 'uniquement par téléphone', { type: 'multi', values: ['aucun'] }],
    ['vente_en_ligne', 'un lien de paiement envoyé par SMS', { type: 'multi', values: ['paiement_distance'] }],
    // « je ne sais pas » said in a sentence wins over a number; durations pick a time option.
    ['profil_budget', 'aucune idée, il faut que je voie', { type: 'dontknow' }],
    ['profil_temps', '3 heures par semaine', { type: 'choice', value: 'demi-journee' }],
    // Places: a city after its région, a misspelt département.
    ['profil_localisation', 'en Occitanie, à côté de Montpellier', { type: 'location', departement: '34', region: '76' }],
    ['profil_localisation', 'Finistere', { type: 'location', departement: '29', region: '53' }],
    ['profil_localisation', 'Finistre', { type: 'location', departement: '29', region: '53' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test('a question asked mid-question is a question, never an answer; a command only as a whole phrase', () => {
    expect(read('cyber_rgpd', 'qu’est-ce que le registre RGPD ?').kind).toBe('question');
    expect(read('ia_sobriete', 'on imprime moins, je vais faire une pause').kind).toBe('ambiguous');
    expect(read('ia_sobriete', 'pause')).toEqual({ kind: 'command', command: 'pause' });
    expect(read('strategie_pilote', 'tout le monde fait un peu de tout').kind).not.toBe('command');
  });

  test('corrections: « non, … » only when the rest answers the previous question', () => {
    expect(read('profil_secteur', 'non, on est 5', ['profil_effectif'])).toMatchObject({
      kind: 'correction',
      questionId: 'profil_effectif',
      answer: { answer: { type: 'size', value: '1-4' } },
    });
    expect(read('presence_google', 'non', ['presence_site'])).toMatchObject({
      kind: 'answer',
      main: { answer: { type: 'yesno', value: 'no' } },
    });
  });

  test('a weak reading is offered, not stored; two bands are asked about', () => {
    expect(read('profil_effectif', '9 ou 10 salariés').kind).toBe('choose');
    expect(read('profil_effectif', 'je tiens une boucherie')).toMatchObject({ kind: 'facts', extra: [{ questionId: 'profil_secteur' }] });
  });

  test('facts said before the diagnostic: trade, place and head count, never from a question about something else', () => {
    const facts = factsIn(['bonjour, je suis menuisier à Nantes avec 3 salariés'], readingContext());
    expect(Object.fromEntries(facts.map((f) => [f.questionId, f.answer]))).toMatchObject({
      profil_effectif: { type: 'size', value: '1-4' },
      profil_localisation: { departement: '44' },
    });
    expect(factsIn(['je voudrais savoir où en est ma boîte'], readingContext())).toEqual([]);
  });
});
