// General readings added on the third dev batch (issue 10): a yes with a flaw is « en partie », a softened
// no with a verb is a no, « peut-être » beside an answer is a hedge, a restriction after « mais » says what
// counts, what is there since something was dropped is the answer, going to the clients' homes is « pas
// concerné » by a shop's listing. Our own sentences, never the corpus's.
import { stored } from '../helpers/reading.js';

describe('a yes with a flaw, hedges and contrasts', () => {
  test.each([
    // Something there or done, then a part of it no longer right.
    ['presence_google', "il y en a une, l'adresse c'est toujours l'ancienne", { type: 'yesno', value: 'partly' }],
    ['presence_google', 'oui, mais les congés de Noël sont restés affichés', { type: 'yesno', value: 'partly' }],
    ['presence_site_a_jour', 'je change les menus mais les tarifs ne sont plus justes', { type: 'yesno', value: 'partly' }],
    // An option's phrasing beats a generic word in a clause (« toujours » is « still » here).
    ['presence_domaine_email', 'le nom de domaine est à nous mais on écrit toujours depuis Hotmail', { type: 'yesno', value: 'partly' }],
    // A softened denial of a verb is a no; « sans plus » restricts a yes.
    ['strategie_priorites', 'bof, pas vraiment défini', { type: 'yesno', value: 'no' }],
    ['strategie_indicateurs', 'je regarde le nombre de visites mais sans plus', { type: 'yesno', value: 'partly' }],
    // « peut-être » beside an answer is a hedge; alone it is not knowing.
    ['strategie_priorites', 'gagner du temps sur les devis peut-être', { type: 'yesno', value: 'yes' }],
    ['strategie_priorites', 'peut-être', { type: 'dontknow' }],
    // A restriction after « mais » names what counts.
    ['presence_reseaux', 'on a un compte LinkedIn et un Facebook, mais je poste seulement sur LinkedIn', { type: 'number', value: 1 }],
    // Several kinds of clients.
    ['profil_clientele', 'des familles, et de la sous-traitance pour deux ateliers', { type: 'choice', value: 'mixte' }],
    // What is there since something was dropped is the answer.
    [
      'presence_site',
      "on avait un site, il a expiré, depuis on n'a plus qu'une page Instagram",
      { type: 'choice', value: 'page_annuaire' },
    ],
    ['presence_site', 'on avait un site mais on a tout arrêté', { type: 'choice', value: 'non' }],
    // Working at the clients' homes: a shop's listing does not apply.
    ['presence_google', 'je me déplace toujours chez mes patients', { type: 'notconcerned' }],
    // Figures and uses written as a CCI advisor would name them.
    ['strategie_indicateurs', "je note le nombre d'abonnés sur Instagram", { type: 'yesno', value: 'yes' }],
    ['vente_fichier_clients', 'des rappels automatiques partent avant chaque visite', { type: 'yesno', value: 'yes' }],
    // Platforms and a designated agency.
    ['vente_en_ligne', 'les clients me commandent des courses via Uber', { type: 'multi', values: ['place_de_marche'] }],
    ['strategie_pilote', "c'est notre boîte de com qui s'en charge", { type: 'choice', value: 'identifie' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test('a wish is no yes with a flaw', () => {
    expect(stored('presence_site_a_jour', 'on voudrait bien mais les prix ne sont plus bons')).not.toEqual({
      type: 'yesno',
      value: 'partly',
    });
  });
});

describe('a thing shown wrong, a paper list that is used (devg)', () => {
  test.each([
    // What the listing shows, contradicted by how things are: there, but wrong.
    ['presence_google', "la fiche indique qu'on ferme à midi alors qu'on fait la journée continue", { type: 'yesno', value: 'partly' }],
    ['presence_site_a_jour', 'le site annonce encore la promo de Noël alors que ça fait des mois', { type: 'yesno', value: 'partly' }],
    // A paper notebook is no file, but calling the customers on it is using one.
    [
      'vente_fichier_clients',
      'un carnet avec les habitués, je les préviens quand arrive la nouvelle collection',
      { type: 'yesno', value: 'partly' },
    ],
    ['vente_fichier_clients', 'un carnet au fond du tiroir avec des numéros', { type: 'yesno', value: 'no' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });
});
