// General readings added on the third dev batch (issue 10): compound trade words, figures said as a part of
// a whole or in hundreds from eleven to nineteen, numbers of things that are not people, and « je ne sais
// pas, c'est X qui gère ». Our own sentences, never the corpus's.
import { parseNumberWords } from '../../src/nlu/extract/numwords.js';
import { extractSize } from '../../src/nlu/extract/size.js';
import { shareOfTotal } from '../../src/diagnostic/share.js';
import { read, stored, readingContext } from '../helpers/reading.js';

const { size } = readingContext().nlu.words;

describe('compound trade words', () => {
  test.each([
    // A hyphenated compound the vocabulary lacks names its parts.
    ['profil_statut', 'médecin-acupuncteur conventionné secteur 1', { type: 'choice', value: 'profession-liberale' }],
    ['profil_secteur', 'boucherie-traiteur en centre-bourg', { type: 'sector', value: 'metiers_bouche' }],
    // A vocabulary compound typed without its hyphen.
    ['profil_secteur', 'je suis sage femme à domicile', { type: 'sector', value: 'sante_social' }],
    ['profil_secteur', 'une crèmerie', { type: 'sector', value: 'metiers_bouche' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test("a legal form that says only « one's own boss » gives way to the status named with it", () => {
    expect(stored('profil_statut', 'ostéopathe en EI')).toEqual({ type: 'choice', value: 'profession-liberale' });
    expect(stored('profil_statut', 'en entreprise individuelle')).toEqual({ type: 'choice', value: 'tns-commerce' });
  });

  test('a compound with a negation is left whole', () => {
    expect(stored('profil_statut', 'non-salarié')).not.toEqual({ type: 'choice', value: 'dirigeant-salarie' });
  });
});

describe('figures', () => {
  test('hundreds counted from eleven to nineteen', () => {
    expect(parseNumberWords('treize cents'.split(' '), 0)?.value).toBe(1300);
    expect(parseNumberWords('dix neuf cents'.split(' '), 0)?.value).toBe(1900);
    expect(stored('profil_factures', 'ONZE CENTS A PEU PRES')).toEqual({ type: 'choice', value: 'plus_1000' });
  });

  test('a part « sur » a whole given once in euros', () => {
    expect(shareOfTotal('8000 € sur 200000')).toBe(4);
    expect(shareOfTotal('30 réservations sur 300')).toBe(10);
    expect(shareOfTotal('4k sur un total de 80')).toBe(5);
    expect(shareOfTotal('sur 200 000')).toBeUndefined();
    expect(stored('vente_part_ca', '1500 euros sur 50000 à peu près')).toEqual({ type: 'percent', value: 3 });
  });

  test('a number of things that are not people is no head count', () => {
    expect(extractSize('le garage existe depuis quatre générations', size).ok).toBe(false);
    expect(extractSize('installés depuis 25 ans', size).ok).toBe(false);
    expect(extractSize('deux salariés depuis douze ans', size)).toMatchObject({ ok: true, value: { band: '1-4' } });
    expect(read('profil_effectif', 'un atelier de reliure ouvert il y a trente ans').kind).not.toBe('answer');
  });
});

describe('not knowing, someone else handles it', () => {
  test.each([
    ['profil_statut', "aucune idée, c'est l'expert-comptable qui gère"],
    ['profil_factures', "jen sais rien c'est ma femme qui gère"],
  ])('%s « %s »', (id, text) => {
    expect(stored(id, text)).toEqual({ type: 'dontknow' });
  });

  test('at a « qui… ? » question the person named is the answer', () => {
    expect(stored('strategie_pilote', "je ne sais pas, c'est mon neveu qui gère")).not.toEqual({ type: 'dontknow' });
  });

  test("« jen » is « j'en »", () => {
    expect(readingContext().nlu.normalize('jen ai deux').text).toBe("j'en ai deux");
  });
});
