// More general readings (issue 10, second dev batch): questions asked back, answers in parts, years and
// totals among figures, numbers in words. Our own sentences, never the evaluation corpus's.
import { read, stored } from '../helpers/reading.js';

describe('a question asked back is answered, never stored', () => {
  test.each([
    ['presence_reseaux', 'et Google Maps, ça compte ?'],
    ['cyber_sauvegarde', "un disque dur c'est suffisant ?"],
    ['gestion_facture_electronique', 'même pour une toute petite entreprise ?'],
    ['ia_usage', "c'est gratuit ?"],
    ['presence_google', 'je ne vois pas ce que ça veut dire, fiche établissement'],
  ])('%s « %s »', (id, text) => {
    expect(read(id, text).kind).toBe('question');
  });

  test('a lone word said unsurely stays an answer', () => {
    expect(stored('competences_formation', 'non ?')).toEqual({ type: 'yesno', value: 'no' });
  });
});

describe('answers in parts and figures', () => {
  test.each([
    // One part yes, another no, out of date or unknown: « en partie ».
    ['presence_site_a_jour', 'les tarifs oui, la carte date de l’an dernier, les photos sont vieilles', { type: 'yesno', value: 'partly' }],
    ['cyber_mots_de_passe', 'la double vérification pour la banque, pour le reste non', { type: 'yesno', value: 'partly' }],
    ['cyber_mises_a_jour', "les ordinateurs oui, le téléphone de l'atelier je ne sais pas", { type: 'yesno', value: 'partly' }],
    ['presence_google', "elle existe mais l'adresse est fausse", { type: 'yesno', value: 'partly' }],
    // Something there, a part out of date; a « Oui » clause beside a « Non » phrasing.
    ['presence_google', "elle existe mais l'adresse c'est l'ancienne", { type: 'yesno', value: 'partly' }],
    ['presence_domaine_email', 'moi oui, les vendeuses ont des adresses gmail', { type: 'yesno', value: 'partly' }],
    // A yes, then no trouble, is a yes.
    ['cyber_mises_a_jour', 'oui, jamais eu de problème', { type: 'yesno', value: 'yes' }],
    // A question with only « Oui » / « Non » asks for at least something: a partial answer naming a yes is a yes.
    ['ia_automatisation', 'un peu, les relances de factures partent seules', { type: 'yesno', value: 'yes' }],
    ['strategie_priorites', 'bof', { type: 'yesno', value: 'partly' }],
    // A part denied beside a part said is « en partie »; « pas de souci » denies only trouble.
    ['cyber_mots_de_passe', 'des mots de passe différents partout, pas de double vérification', { type: 'yesno', value: 'partly' }],
    ['cyber_mises_a_jour', 'oui, aucun souci', { type: 'yesno', value: 'yes' }],
    // A multi-choice question whose own words are denied, nothing named: its « Aucun ».
    ['gestion_outils_partages', "on n'a pas d'outils partagés", { type: 'multi', values: ['aucun'] }],
    // A softened denial of a verb is a no.
    ['strategie_priorites', "je n'y ai pas vraiment pensé", { type: 'yesno', value: 'no' }],
    // « ça dépend » with figures keeps the figure said.
    ['profil_effectif', "ça dépend, 15 l'été et 7 le reste de l'année", { type: 'size', value: '10-49' }],
    // « à mon compte » says little: a more precise status named with it wins; alone at the head count it is 0.
    ['profil_statut', 'kiné, à mon compte depuis 2010', { type: 'choice', value: 'profession-liberale' }],
    ['profil_statut', 'à mon compte en auto-entrepreneur', { type: 'choice', value: 'micro-entrepreneur' }],
    ['profil_effectif', 'je suis à mon compte', { type: 'size', value: '0' }],
    // Both parts say the same thing: no « en partie ».
    ['cyber_mises_a_jour', 'non, jamais fait', { type: 'yesno', value: 'no' }],
    // A year is not a quantity; a total said after the parts wins.
    ['profil_effectif', 'repris en 2016, on est 4 aujourd’hui', { type: 'size', value: '1-4' }],
    ['profil_effectif', 'deux vendeuses plus moi et un livreur, soit quatre au total', { type: 'size', value: '1-4' }],
    // Numbers in words: a département, a count beside a generic option word, « des milliers ».
    ['profil_localisation', 'dans le soixante-neuf', { type: 'location', departement: '69', region: '84' }],
    ['profil_factures', 'quatre cents à peu près', { type: 'choice', value: '100_1000' }],
    ['profil_factures', 'des centaines', { type: 'choice', value: '100_1000' }],
    // « les 2 » is « les deux ».
    ['profil_clientele', 'les 2', { type: 'choice', value: 'mixte' }],
    // The words of « je ne sais pas » name no option (« rien »).
    ['cyber_incident', "je n'en sais rien, peut-être", { type: 'dontknow' }],
    // A word a phrase says twice needs two places: « temps » once is not « de temps en temps ».
    ['ia_usage', 'ça me tente, il faut que je trouve le temps', { type: 'choice', value: 'envisage' }],
    // Chat forms after an elided article (« l'ordi »); « presque plus rien » is not a hedge.
    ['cyber_sauvegarde', "tout est sur l'ordi", { type: 'choice', value: 'non' }],
    ['ia_sobriete', "on n'imprime presque plus rien", { type: 'yesno', value: 'yes' }],
    // A short word is a typo only of a word about its length (« crée » is not « crèche »).
    ['profil_secteur', 'je crée des jardins pour des particuliers', { type: 'sector', value: 'construction' }],
    // An app or the internet is « en ligne ».
    ['vente_en_ligne', 'les clients prennent leurs créneaux et réservent par internet', { type: 'multi', values: ['reservation'] }],
    // Knowing a funder only by name is « en partie ».
    ['competences_financement', 'l’AGEFICE, de nom seulement', { type: 'yesno', value: 'partly' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });
});
