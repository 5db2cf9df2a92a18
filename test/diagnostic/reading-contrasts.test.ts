// General readings (issue 10, devd batch): parts told without commas, parts out of date, mail forwarded,
// tools installed but unused, not knowing to « savez-vous… ? », customers beside the trade, activities named
// by their action noun, coordinated verbs. Our own sentences, never the evaluation corpus's.
import { stored } from '../helpers/reading.js';

describe('parts of a yes/no answer', () => {
  test.each([
    // A « oui » / « non » said after a part ends it, even without a comma.
    ['presence_site_a_jour', 'la carte oui les photos pas du tout', 'partly'],
    // A leading « non » answers the whole; « oui ou non » is no part.
    ['presence_site_a_jour', 'non les tarifs sont tous anciens', 'no'],
    // A part that dates from long ago is out of date.
    ['presence_site_a_jour', 'on publie les promos chaque semaine mais la page contact remonte à 2015', 'partly'],
    ['presence_site_a_jour', "les actus sont à jour, les tarifs datent d'avant le covid", 'partly'],
    // A pro address forwarded to a personal mailbox is there; replying from the mailbox is the other part.
    ['presence_domaine_email', 'il y a bien une adresse bonjour@ qui redirige sur mon hotmail, je réponds du hotmail', 'partly'],
  ])('%s « %s »', (id, text, value) => {
    expect(stored(id, text)).toEqual({ type: 'yesno', value });
  });
});

describe('a tool there but left unused, to a question about using it', () => {
  test.each([
    ['strategie_indicateurs', "le tableau de bord est en place mais personne ne l'a jamais consulté"],
    ['gestion_logiciel_metier', 'le logiciel de stock est installé, on ne s’en sert pas'],
  ])('%s « %s » is a no', (id, text) => {
    expect(stored(id, text)).toEqual({ type: 'yesno', value: 'no' });
  });
});

test('not knowing, said to « savez-vous… ? », is a no', () => {
  expect(stored('strategie_priorites', "je ne sais pas trop, on m'a parlé de TikTok sans m'expliquer à quoi bon")).toEqual({
    type: 'yesno',
    value: 'no',
  });
});

describe('the trade, not its customers', () => {
  test.each([
    ['torréfaction artisanale, on fournit surtout aux bistrots du quartier', 'metiers_bouche'],
    ['boulangerie, on livre aussi pour les hôtels de la station', 'metiers_bouche'],
  ])('« %s »', (text, sector) => {
    expect(stored('profil_secteur', text)).toEqual({ type: 'sector', value: sector });
  });
});

test('a phrase is not pieced together across an « et » (« réservent en ligne et paient sur place »)', () => {
  expect(stored('vente_en_ligne', 'les clients prennent leur place en ligne et règlent au comptoir le jour même')).not.toEqual(
    expect.objectContaining({ values: expect.arrayContaining(['paiement_distance']) }),
  );
  expect(stored('vente_en_ligne', 'les élèves réservent leur cours en ligne et paient en arrivant')).toEqual({
    type: 'multi',
    values: ['reservation'],
  });
});

describe('customers named by their trades are professionals', () => {
  test.each([
    ['des campings et des gîtes du coin', 'b2b'],
    ['les vacanciers en été, les boulangeries le reste de l’année', 'mixte'],
  ])('« %s »', (text, value) => {
    expect(stored('profil_clientele', text)).toEqual({ type: 'choice', value });
  });

  test('one’s own trade is not a customer', () => {
    expect(stored('profil_clientele', 'je suis fleuriste, surtout des particuliers')).toEqual({ type: 'choice', value: 'b2c' });
  });
});

test.each([
  ['je suis ramoneur', 'construction'],
  ['atelier de lutherie', 'industrie'],
  ['pisciculture en eau douce', 'agriculture'],
])('trades of the sector list « %s »', (text, value) => {
  expect(stored('profil_secteur', text)).toEqual({ type: 'sector', value });
});

describe('networks posted on less than monthly do not count', () => {
  test.each([
    ['TikTok chaque semaine, LinkedIn presque jamais', 1],
    ['Facebook et Instagram mais on publie rarement', 0],
    ['LinkedIn deux fois par an', 0],
  ])('« %s »', (text, value) => {
    expect(stored('presence_reseaux', text)).toEqual({ type: 'number', value });
  });
});

test('a part said to be right beside an outdated one is « en partie »', () => {
  expect(stored('presence_site_a_jour', 'la galerie photo est vieillotte, sinon les tarifs sont bons')).toEqual({
    type: 'yesno',
    value: 'partly',
  });
});
