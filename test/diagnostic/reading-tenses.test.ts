// Time in an answer: something dropped for good is a no, something still to come is not there yet, and words of an
// option split by « mais » name it no more than split by « et ». Our own sentences, never the corpus's.
import { stored } from '../helpers/reading.js';

describe('what was, what is, what is to come', () => {
  test.each([
    // The thing itself dropped, nothing said after: a no, whatever the option phrasings name.
    ['gestion_logiciel_metier', "on avait un logiciel de planning, on l'a résilié, trop cher", { type: 'yesno', value: 'no' }],
    // … unless something is kept or replaces it.
    [
      'gestion_logiciel_metier',
      "on avait un logiciel de caisse, on l'a arrêté mais on garde le planning en ligne",
      { type: 'yesno', value: 'yes' },
    ],
    // A no, and what it names is still to come: the option of nothing.
    ['presence_site', 'non, le site est en construction, il sortira le mois prochain', { type: 'choice', value: 'non' }],
    ['presence_site', 'pas encore, mon neveu le prépare, ce sera en ligne bientôt', { type: 'choice', value: 'non' }],
    // Where an option itself says something is under way, that option.
    ['gestion_facture_electronique', "non, c'est en cours avec l'expert-comptable", { type: 'choice', value: 'renseigne' }],
    // The site's last update older than the question's six months: a no.
    ['presence_site_a_jour', 'refait il y a deux ans par mon neveu', { type: 'yesno', value: 'no' }],
    ['presence_site_a_jour', 'les horaires ont été changés en 2023', { type: 'yesno', value: 'no' }],
    ['presence_site_a_jour', 'les prix ont été changés il y a deux mois', { type: 'yesno', value: 'yes' }],
    // « en ligne … mais … sur place »: no payment online.
    ['vente_en_ligne', 'on réserve en ligne mais on paie sur place', { type: 'multi', values: ['reservation'] }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });
});

describe('hedges, parts and who does it', () => {
  test.each([
    // A hedge keeps the statement after it.
    ['cyber_rgpd', "il me semble que notre webmaster s'en est chargé", { type: 'yesno', value: 'yes' }],
    // Handled by someone, without a negation: a yes (« personne ne s'en occupe » is not).
    ['cyber_mises_a_jour', "l'informaticien s'en occupe", { type: 'yesno', value: 'yes' }],
    ['cyber_rgpd', 'la juriste du réseau les a mises en place', { type: 'yesno', value: 'yes' }],
    ['cyber_rgpd', 'personne ne s’en occupe chez nous', { type: 'yesno', value: 'no' }],
    // One part said yes, another denied, in separate sentences: « en partie ».
    ['cyber_mises_a_jour', "Les téléphones oui. La tablette de l'atelier, elle ne se met plus à jour.", { type: 'yesno', value: 'partly' }],
    // « des fois » is « parfois ».
    ['strategie_indicateurs', 'je jette un oeil au chiffre des fois', { type: 'yesno', value: 'partly' }],
    // The « que » of a comparison restricts nothing.
    ['presence_domaine_email', "oui, on l'a créée en même temps que la boutique en ligne", { type: 'yesno', value: 'yes' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });
});
