import { createNormalizer, squeezeRepeats } from '../../src/nlu/normalize.js';
import { content } from '../helpers/content.js';
import { analyze, fold, stem, tokens } from '../../src/nlu/analyze.js';

const normalize = createNormalizer(content().nlu.chatForms);

describe('normalize', () => {
  test.each([
    ['Ouais', 'oui'],
    ['ouiiii', 'oui'],
    ['OUAIS !', 'oui !'],
    ['wé', 'oui'],
    ['nan', 'non'],
    ['nn', 'non'],
    ['jsp', 'je ne sais pas'],
    ['chai pas', 'je ne sais pas'],
    ['je sais pas', 'je ne sais pas'],
    ['bcp', 'beaucoup'],
    ['je le fais moi meme', 'je le fais moi-même'],
    ['nous memes', 'nous-mêmes'],
    ['pcq', 'parce que'],
    ['merci stp', 'merci'],
    ['👍', 'oui'],
    ['✅', 'oui'],
    ['👎', 'non'],
    ['❌', 'non'],
    ['J’ai un site', "j'ai un site"],
    ['  2\u00a0000 €  ', '2 000 €'],
  ])('%s → %s', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  // Spoken French drops « ne »: it is put back so that every reading sees « ne … pas » (issue 10).
  test.each([
    ["j'ai pas de vitrine en ligne", "je n'ai pas de vitrine en ligne"],
    ['on le fait jamais', 'on ne le fait jamais'],
    ['y en a pas', "il n'y en a pas"],
    ["y a personne pour s'en occuper", "il n'y a personne pour s'en occuper"],
    ["c'est pas encore fait", "ce n'est pas encore fait"],
    ['la fiche est pas à jour', "la fiche n'est pas à jour"],
    ['on y a jamais pensé', "on n'y a jamais pensé"],
    ['on poste quasiment plus rien', 'on ne poste presque plus rien'],
    // « sur une appli », « par internet » say « en ligne ».
    ['ils paient sur une appli', 'ils paient en ligne'],
    // Left alone: « pas mal » is a quantity, « plus » may mean more, a « ne » already said stays single.
    ['on a pas mal de demandes', 'on a pas mal de demandes'],
    ['on a plus de clients', 'on a plus de clients'],
    ["on n'a pas", "on n'a pas"],
  ])('restores ne: %s → %s', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  test('keeps the original for display and folds accents for matching', () => {
    const n = normalize('  Évidemment, ÇA coûte cher  ');
    expect(n.original).toBe('Évidemment, ÇA coûte cher');
    expect(n.folded).toBe('evidemment, ca coute cher');
  });

  test('never throws, caps very long input', () => {
    expect(normalize('').text).toBe('');
    expect(normalize(undefined as unknown as string).text).toBe('');
    expect(normalize('a'.repeat(5000)).original.length).toBe(1000);
  });

  test('squeezes letters repeated 3+ times, not digits', () => {
    expect(squeezeRepeats('nonnnn 1000')).toBe('non 1000');
    expect(squeezeRepeats('créée')).toBe('créée');
  });
});

describe('French analysis', () => {
  test('fold', () => {
    expect(fold('Œuvre ÉTÉ’s')).toBe("oeuvre ete's");
  });
  test('elisions split, aujourd’hui kept, hyphenated words kept', () => {
    expect(tokens("L'entreprise aujourd’hui fait de l'e-commerce")).toEqual([
      'l',
      'entreprise',
      'aujourdhui',
      'fait',
      'de',
      'l',
      'e-commerce',
    ]);
  });
  test('negations and quantities survive stop-word removal', () => {
    const a = analyze("Nous n'avons pas encore de site, aucun, rien, jamais, peu, plus, moins, ni");
    for (const w of ['pas', 'aucun', 'rien', 'jamais', 'peu', 'plus', 'moins', 'ni']) expect(a).toContain(stem(w));
  });
});
