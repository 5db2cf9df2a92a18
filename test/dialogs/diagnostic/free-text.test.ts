// A whole diagnostic answered in the dirigeant's own words, through /api/messages and the real file
// store: each step checks that the next question comes, then the stored answers are what was meant.
import { startVirage, type Running } from '../../helpers/virage.js';
import { asks, Chat, DIAG, resultOf, type Step } from './steps.js';

/** [what the dirigeant types, the answer Virage must store for the question asked]. */
const WORDS: Array<[string, string, unknown]> = [
  ['on est 3 avec les saisonniers', 'profil_effectif', { type: 'size', value: '1-4' }],
  ['je tiens une boulangerie', 'profil_secteur', { type: 'sector', value: 'metiers_bouche' }],
  ['surtout des particuliers', 'profil_clientele', { type: 'choice', value: 'b2c' }],
  ['on est dans le 33', 'profil_localisation', { type: 'location', departement: '33', region: '75' }],
  ['artisan', 'profil_statut', { type: 'choice', value: 'artisan' }],
  ['une cinquantaine par mois', 'profil_factures', { type: 'choice', value: '100_1000' }],
  ['ouais', 'strategie_priorites', { type: 'yesno', value: 'yes' }],
  ["c'est moi quand j'ai le temps", 'strategie_pilote', { type: 'choice', value: 'moi_au_fil' }],
  ['non pas vraiment', 'strategie_indicateurs', { type: 'yesno', value: 'no' }],
  ['on a une page Facebook mais pas de site', 'presence_site', { type: 'choice', value: 'page_annuaire' }],
  ['bof, ça date un peu', 'presence_site_a_jour', { type: 'yesno', value: 'partly' }],
  ['oui elle est à jour', 'presence_google', { type: 'yesno', value: 'yes' }],
  ['deux, Facebook et Instagram', 'presence_reseaux', { type: 'number', value: 2 }],
  ['non, on utilise une adresse gmail', 'presence_domaine_email', { type: 'yesno', value: 'no' }],
  [
    'on prend les commandes en ligne et le paiement à distance',
    'vente_en_ligne',
    { type: 'multi', values: ['boutique', 'paiement_distance'] },
  ],
  ['à peu près 5 %', 'vente_part_ca', { type: 'percent', value: 5 }],
  ['pour certains clients seulement', 'vente_fichier_clients', { type: 'yesno', value: 'partly' }],
  ['oui on a un logiciel', 'gestion_logiciel_factures', { type: 'yesno', value: 'yes' }],
  ['je me renseigne', 'gestion_facture_electronique', { type: 'choice', value: 'renseigne' }],
  ['un agenda partagé et de la visio', 'gestion_outils_partages', { type: 'multi', values: ['agenda', 'visio'] }],
  ['non tout est sur papier', 'gestion_logiciel_metier', { type: 'yesno', value: 'no' }],
  ["oui mais on n'a jamais testé", 'cyber_sauvegarde', { type: 'choice', value: 'oui_sans_test' }],
  ['non, le même partout', 'cyber_mots_de_passe', { type: 'yesno', value: 'no' }],
  ["oui c'est automatique", 'cyber_mises_a_jour', { type: 'yesno', value: 'yes' }],
  ["c'est quoi ce registre ? non", 'cyber_rgpd', { type: 'yesno', value: 'no' }],
  ['non heureusement', 'cyber_incident', { type: 'choice', value: 'non' }],
  ['jamais', 'competences_formation', { type: 'yesno', value: 'no' }],
  ['aucune idée', 'competences_financement', { type: 'dontknow' }],
  ['oui la CCI une fois', 'competences_accompagnement', { type: 'yesno', value: 'yes' }],
  ["j'ai essayé ChatGPT", 'ia_usage', { type: 'choice', value: 'teste' }],
  ['non', 'ia_automatisation', { type: 'yesno', value: 'no' }],
  ['oui on recycle', 'ia_sobriete', { type: 'yesno', value: 'yes' }],
  ['2k€ à peu près', 'profil_budget', { type: 'money', amount: 2000, period: 'year' }],
  ['une ou deux heures par semaine', 'profil_temps', { type: 'choice', value: 'peu' }],
];

describe('diagnostic in free text', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  it('understands each answer, moves on, and ends with the result', async () => {
    const chat = new Chat(app.url);
    const steps: Step[] = [
      ['bonjour', /Que souhaitez-vous faire/],
      ['je voudrais faire le diagnostic', asks(1)],
      ...WORDS.slice(0, -1).map(([text], i): Step => [text, asks(i + 2)]),
      [WORDS[WORDS.length - 1][0], /Merci ! Voici votre bilan/],
    ];
    const last = await chat.run(steps);
    const { diagnostic } = resultOf(last);

    const stored = (await app.virage.privacy.exportFor(chat.subject)).sources.find((s) => s.name === 'diagnostics')!.data as any;
    const run = stored.runs.completed[0];
    expect(run.resultId).toBe(diagnostic.id);
    // Keyed by what was typed, so that a failure shows every misunderstood phrase at once.
    const understood = Object.fromEntries(WORDS.map(([text, id]) => [text, run.answers[id]]));
    expect(understood).toEqual(Object.fromEntries(WORDS.map(([text, , expected]) => [text, expected])));
    const result = stored.results[0].result;
    expect(result.profile).toMatchObject({
      region: '75',
      departement: '33',
      sizeBand: '1-4',
      sector: 'metiers_bouche',
      budgetPerYear: 2000,
    });
    expect(result.complete).toBe(true);
  });

  it('a menu choice in words opens the diagnostic too', async () => {
    const chat = new Chat(app.url);
    await chat.run([
      ['bonjour', /Que souhaitez-vous faire/],
      [DIAG.toLowerCase(), asks(1)],
      ['je suis tout seul', asks(2)],
    ]);
  });
});
