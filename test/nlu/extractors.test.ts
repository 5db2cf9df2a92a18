import { content } from '../helpers/content.js';
import {
  extractChoice,
  extractLocation,
  extractMoney,
  extractMulti,
  extractNumber,
  extractPercent,
  extractSector,
  extractSize,
  extractYesNo,
  compileAnswerWords,
  indexSectors,
  indexTerritories,
  depOfPostalCode,
  type ChoiceOption,
} from '../../src/nlu/index.js';
import { parseNumberWords } from '../../src/nlu/extract/numwords.js';
import { scopedTokens } from '../../src/nlu/extract/scope.js';

const data = content().nlu;
const words = compileAnswerWords(data.answers);
const sectors = indexSectors(data.sectors);
const territories = indexTerritories(data.territories);
const value = <T>(e: { ok: boolean; value?: T }) => (e.ok ? e.value : 'not_understood');

describe('French number words', () => {
  test.each([
    ['zero', 0],
    ['un', 1],
    ['seize', 16],
    ['dix sept', 17],
    ['vingt et un', 21],
    ['vingt cinq', 25],
    ['soixante dix', 70],
    ['soixante et onze', 71],
    ['soixante douze', 72],
    ['quatre vingt', 80],
    ['quatre vingts', 80],
    ['quatre vingt un', 81],
    ['quatre vingt dix neuf', 99],
    ['cent', 100],
    ['cent un', 101],
    ['deux cents', 200],
    ['deux cent trente', 230],
    ['mille', 1000],
    ['deux mille cinq cents', 2500],
    ['douze cents', 1200],
    ['dix huit cents', 1800],
    ['mille trois cents', 1300],
    ['un million deux cent mille', 1_200_000],
    ['septante', 70],
    ['nonante', 90],
  ])('%s = %d', (words, n) => {
    expect(parseNumberWords(words.split(' '), 0)?.value).toBe(n);
  });
  test('stops where the words stop forming one number', () => {
    expect(parseNumberWords(['deux', 'trois'], 0)).toMatchObject({ value: 2, next: 1 });
  });
});

describe('yes / partly / no', () => {
  test.each([
    ['absolument', 'yes'],
    ['absolument pas', 'no'],
    ['bien sûr que non', 'no'],
    ['tout à fait', 'yes'],
    ['pas tout à fait', 'partly'],
    ['pas vraiment', 'no'],
    ['je crois que oui', 'yes'],
    ['normalement non', 'no'],
    ['oui mais pas à jour', 'partly'],
    ['non pas du tout', 'no'],
    ['aucune idée', 'dont_know'],
    ["on n'est pas concernés", 'not_concerned'],
    ['ouais on a un site mais il date un peu', 'partly'],
    ['si', 'yes'],
    ['patate', 'not_understood'],
  ])('%s → %s', (text, expected) => {
    expect(value(extractYesNo(text, words.yesNo))).toBe(expected);
  });
  test('« non concerné » is not understood when the question does not allow it', () => {
    expect(extractYesNo('pas concerné', words.yesNo, false).ok).toBe(false);
  });
  // Something done only when one thinks of it, now and then: « en partie ».
  test.each([
    ['je regarde le tableau de bord quand ça me revient', 'partly'],
    ["je consulte les chiffres de ventes quand j'y songe", 'partly'],
    ['je fais un tour sur les avis clients à l’occasion', 'partly'],
    ['quand j’y pense, on n’a jamais rien mis en place', 'no'],
  ])('occasional: %s → %s', (text, expected) => {
    expect(value(extractYesNo(text, words.yesNo))).toBe(expected);
  });
  // A softened no followed by its reason, or not seeing what it would be for: a no, not « je ne sais pas ».
  test.each([
    ['bof pas trop, on a déjà bien assez à faire avec la boutique', 'no'],
    ['pas tellement, on a autre chose à faire', 'no'],
    ["je ne vois pas trop l'intérêt pour une boutique comme la mienne", 'no'],
    ['honnêtement je vois pas à quoi ça sert chez nous', 'no'],
    ['je ne vois pas', 'dont_know'],
    ["ça, c'est plutôt pour les grandes entreprises", 'no'],
    ["c'est réservé aux grosses sociétés, nous on est trois", 'no'],
  ])('softened no: %s → %s', (text, expected) => {
    expect(value(extractYesNo(text, words.yesNo))).toBe(expected);
  });
  // Tried, then given up: a no today.
  test.each([
    ["on a testé un outil de prise de rendez-vous mais on l'a vite abandonné", 'no'],
    ["j'ai essayé un logiciel de caisse l'an dernier, j'ai laissé tomber", 'no'],
    ["j'ai essayé et ça marche bien", 'yes'],
  ])('tried then dropped: %s → %s', (text, expected) => {
    expect(value(extractYesNo(text, words.yesNo))).toBe(expected);
  });
});

describe('numbers and percentages', () => {
  test.each([
    ['une quinzaine', { kind: 'approx', value: 15 }],
    ['entre 10 et 20', { kind: 'range', min: 10, max: 20 }],
    ['10-20', { kind: 'range', min: 10, max: 20 }],
    ['moins de 5', { kind: 'below', max: 5 }],
    ['plus de 50', { kind: 'above', min: 50 }],
    ['quatre-vingt-dix-neuf', { kind: 'exact', value: 99 }],
    ['2 000', { value: 2000 }],
    ['aucun', { value: 0 }],
  ])('%s', (text, expected) => {
    expect(value(extractNumber(text))).toMatchObject(expected);
  });
  test('nothing numeric → not understood', () => expect(extractNumber('je ne vois pas').ok).toBe(false));
  test.each([
    ['5 %', 5],
    ['cinq pour cent', 5],
    ['la moitié', 50],
    ['un quart', 25],
    ['0,5%', 0.5],
  ])('%s = %d %%', (text, v) => {
    expect(value(extractPercent(text))).toMatchObject({ value: v });
  });
  test('presque rien is below 1 %', () => expect(value(extractPercent('presque rien'))).toMatchObject({ kind: 'below', max: 1 }));
});

describe('money', () => {
  test.each([
    ['2000 €', 2000],
    ['2 000 euros', 2000],
    ['2k€', 2000],
    ['1,5 k', 1500],
    ['deux mille euros', 2000],
    ['500 balles', 500],
  ])('%s = %d €', (text, v) => {
    expect(value(extractMoney(text, words.money))).toMatchObject({ value: v, currency: 'EUR' });
  });
  test('period when said', () => {
    expect(value(extractMoney('200 € par mois', words.money))).toMatchObject({ value: 200, period: 'month' });
    expect(value(extractMoney('3000€/an', words.money))).toMatchObject({ value: 3000, period: 'year' });
    expect(value(extractMoney('3000€', words.money))).not.toHaveProperty('period');
  });
  test('ranges share the k', () =>
    expect(value(extractMoney('2 à 3k', words.money))).toMatchObject({ kind: 'range', min: 2000, max: 3000 }));
});

describe('choice and multi-choice', () => {
  const options: ChoiceOption[] = [
    { id: 'site', label: 'Un site internet', synonyms: ['site web', 'site'] },
    { id: 'reseaux', label: 'Une page sur les réseaux sociaux', synonyms: ['page Facebook', 'Facebook', 'Instagram'] },
    { id: 'marketplace', label: 'Une place de marché', synonyms: ['Etsy', 'Amazon'] },
  ];
  test.each([
    ['la deuxième', 'reseaux'],
    ['2', 'reseaux'],
    ['le dernier', 'marketplace'],
    ['facebok', 'reseaux'],
    ['une place de marché', 'marketplace'],
    ['je ne comprends pas', 'not_understood'],
  ])('%s → %s', (text, expected) => {
    expect(value(extractChoice(text, options))).toBe(expected);
  });
  test('several options from one sentence', () => {
    expect(value(extractMulti('un site et une page Facebook, et on vend sur Etsy', options))).toMatchObject({
      ids: ['site', 'reseaux', 'marketplace'],
    });
  });
  test('negation does not select', () => {
    expect(value(extractMulti('pas de site mais une page Facebook', options))).toEqual({
      ids: ['reseaux'],
      excluded: ['site'],
      none: false,
    });
    expect(value(extractMulti('ni site ni facebook', options))).toMatchObject({ ids: [], none: true });
  });
  test('a negative subject denies what follows it', () => {
    // « personne n'a de site », « rien de prévu »: nobody, nothing — « une personne de la famille » is somebody.
    expect(scopedTokens("personne n'a de site").find((t) => t.w === 'site')?.neg).toBe(true);
    expect(scopedTokens('rien de prevu').find((t) => t.w === 'prevu')?.neg).toBe(true);
    expect(scopedTokens('une personne de la famille').find((t) => t.w === 'famille')?.neg).toBe(false);
  });
});

describe('sector, location, size', () => {
  test.each([
    ['je tiens une boulangerie', 'metiers_bouche'],
    ['je suis plombier', 'construction'],
    ['salon de coiffure', 'services_particuliers'],
    ['restaurent', 'hotellerie_restauration'],
    ['pas dans le commerce, je suis plombier', 'construction'],
    // A trade told by what it makes or sells (devg).
    ['je cuis des volailles rôties et des plats cuisinés pour les foires', 'metiers_bouche'],
    ['on prépare des crêpes à emporter', 'hotellerie_restauration'],
  ])('%s → %s', (text, id) => {
    expect(value(extractSector(text, sectors))).toMatchObject({ id });
  });
  test.each([
    ['on est dans le 33', '33', '75'],
    ['33000', '33', '75'],
    ['Lyon', '69', '84'],
    ['2A', '2A', '94'],
    ['20200', '2B', '94'],
    ['974', '974', '04'],
    ['dans la Loire', '42', '84'],
    ['en Haute-Loire', '43', '84'],
    ['st etienne', '42', '84'],
  ])('%s → département %s, région %s', (text, dep, region) => {
    expect(value(extractLocation(text, territories))).toMatchObject({ departement: dep, region });
  });
  test('a région alone', () => {
    expect(value(extractLocation('en Bretagne', territories))).toEqual({ region: '53', regionName: 'Bretagne', via: 'region' });
  });
  test('a common word needs a cue', () => {
    expect(extractLocation("c'est trop cher pour nous", territories).ok).toBe(false);
  });
  test('postal codes', () => {
    expect(depOfPostalCode('20090')).toBe('2A');
    expect(depOfPostalCode('97600')).toBe('976');
    expect(depOfPostalCode('00100')).toBeUndefined();
  });
  test.each([
    ['je suis seul', '0'],
    ['une quinzaine avec les saisonniers', '10-49'],
    ['on est 5', '1-4'],
    ['6 salariés', '5-9'],
    ['80', '50-249'],
    ['plus de 300', '250+'],
  ])('%s → %s', (text, band) => {
    expect(value(extractSize(text, words.size))).toMatchObject({ band });
  });
});
