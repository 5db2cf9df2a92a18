// The one recogniser of fixed phrases (knowledge/nlu/phrases.fr.json): a command only when the whole
// message says it, never because a word of an ordinary answer looks like one.
import { createNormalizer, createPhrases } from '../../src/nlu/index.js';
import { content } from '../helpers/content.js';

const phrases = createPhrases(content().nlu.phrases, createNormalizer(content().nlu.chatForms));

/** The present part of a story told then and now (Phrases.story), as the reading uses it. */
const presentOf = (text: string) => phrases.story(text)?.present;

describe('fixed phrases', () => {
  test.each([
    ['supprimer mes données', 'supprimer_donnees'],
    ['Je voudrais effacer toutes mes données svp', 'supprimer_donnees'],
    ['pause', 'pause'],
    ['on fait une pause', 'pause'],
    ['retour', 'precedent'],
    ['revenir à la question précédente', 'precedent'],
    ['recommencer', 'recommencer'],
    ['je veux parler à un conseiller', 'parler_conseiller'],
    ['rappelez-moi', 'etre_rappele'],
    ['passer', 'passer'],
    ['question suivante', 'passer'],
    ['je sais pas', 'dontknow'],
    ['aucune idée', 'dontknow'],
    ['reprendre mon diagnostic', 'reprendre'],
    ['je me suis trompé', 'corriger'],
    ['pourquoi ?', 'pourquoi'],
    ['menu', 'menu'],
  ])('« %s » is the command %s', (text, command) => {
    expect(phrases.command(text)).toBe(command);
  });

  test.each([
    "la compta c'est le comptable qui fait tout",
    'plus de clients',
    "on imprime moins qu'avant",
    'on prend les rendez-vous par téléphone seulement',
    "ben moi le soir quand j'ai 5 minutes",
    'tout est sur papier',
    "on a tout refait l'an dernier",
    'le retour client est bon',
  ])('« %s » is no command', (text) => {
    expect(phrases.command(text)).toBeUndefined();
    expect(phrases.mentionedCommand(text)).toBeUndefined();
  });

  test('a command said inside a longer message is noticed, not obeyed', () => {
    expect(phrases.command('oui on a un logiciel mais je voudrais faire une pause')).toBeUndefined();
    expect(phrases.mentionedCommand('oui on a un logiciel mais je voudrais faire une pause')).toBe('pause');
  });

  test.each([
    ['oui', 'yes'],
    ['d accord', 'yes'],
    ['ok', 'yes'],
    ['oui je veux bien', 'yes'],
    ['volontiers', 'yes'],
    ['non', 'no'],
    ['non merci', 'no'],
    ['pas maintenant', 'no'],
    ['plus tard', 'no'],
    ['euh attendez', undefined],
    ['oui mais non', undefined],
  ])('« %s » confirms %s', (text, expected) => {
    expect(phrases.yesNo(text)).toBe(expected);
  });

  test('corrections: a strong marker always, « non, … » with what follows', () => {
    expect(phrases.correction("je me suis trompé, c'est en Gironde")).toEqual({ rest: "c'est en Gironde", strong: true });
    expect(phrases.correction('non, on est 3')).toEqual({ rest: 'on est 3', strong: false });
    expect(phrases.correction('on est 3')).toBeUndefined();
  });

  test('ordinals and the end of a live exchange', () => {
    expect(phrases.ordinal('la deuxième', 3)).toBe(1);
    expect(phrases.ordinal('2', 3)).toBe(1);
    expect(phrases.ordinal('le dernier', 3)).toBe(2);
    expect(phrases.ordinal('5', 3)).toBeUndefined();
    expect(phrases.isEnd('Terminer l’échange')).toBe(true);
    expect(phrases.isEnd('fin de la conversation')).toBe(true);
    expect(phrases.isEnd('merci pour la fin de la réponse')).toBe(false);
  });

  test('a story keeps its clauses about the present', () => {
    expect(presentOf("à l'époque on était huit, maintenant on n'est plus que deux")).toBe("maintenant on n'est plus que deux");
    expect(presentOf('aujourd’hui on fait tout sur le logiciel alors que avant tout était sur papier')).toBe(
      "aujourd'hui on fait tout sur le logiciel",
    );
    expect(presentOf("il y a deux ans j'avais une apprentie et désormais je travaille seule")).toBe('desormais je travaille seule');
    // No past, or no present: nothing to choose.
    expect(presentOf('maintenant on est cinq')).toBeUndefined();
    expect(presentOf('avant on avait un site')).toBeUndefined();
    // « avant » said of something else than the time (« avant de ») still needs a present clause apart.
    expect(presentOf('on sauvegarde avant chaque mise à jour')).toBeUndefined();
  });

  test('a story pivots at a present marker or at « depuis » opening a clause', () => {
    // A past marker, then the pivot: all that comes before it is the story, even without a marker of its own.
    expect(phrases.story("j'ai suivi un module sur Excel, ça remonte à loin, depuis plus rien")).toEqual({
      before: "j'ai suivi un module sur excel, ca remonte a loin",
      present: 'depuis plus rien',
    });
    // « depuis » opening a main clause after a break is a pivot by itself.
    expect(presentOf('la caisse a planté une fois, depuis je coupe les mises à jour')).toBe('depuis je coupe les mises a jour');
    // « depuis qu'… » at the end dates what is said, it tells no change.
    expect(phrases.story("la fiche est à jour depuis qu'on a refait la vitrine")).toBeUndefined();
    // A date after the present marker is not the past: the clause is kept.
    expect(presentOf("avant tout était noté sur papier, mais depuis qu'un client s'est plaint l'an dernier, on a un logiciel")).toBe(
      "depuis qu'un client s'est plaint l'an dernier, on a un logiciel",
    );
  });

  test('an unknown command in the data is refused at start', () => {
    expect(() =>
      createPhrases(
        {
          prefixes: [],
          suffixes: [],
          commands: { bogus: { label: 'x', phrases: ['x'], inSentence: [] } } as never,
          correctionMarkers: { strong: [], weak: [] },
          yes: [],
          no: [],
          end: [],
          ordinals: {},
          timeContrast: { past: ['avant'], present: ['maintenant'] },
          readingCues: {
            interrogative: '^comment',
            asks: 'veut dire',
            scope: 'exactement',
            holdOn: '^un instant$',
            saysTrade: 'je suis',
            statusCue: 'sarl',
            people: 'salarie',
            clientele: 'clients',
            aboutService: 'gratuit',
          },
          answerCues: content().nlu.phrases.answerCues,
        },
        createNormalizer({ words: {}, phrases: [] }),
      ),
    ).toThrow(/bogus/);
  });

  test('a missing or invalid answer cue is refused at start, named', () => {
    const data = content().nlu.phrases;
    const plain = createNormalizer({ words: {}, phrases: [] });
    const { outdated: _dropped, ...missing } = data.answerCues;
    expect(() => createPhrases({ ...data, answerCues: missing as never }, plain)).toThrow(/answerCues\.outdated: missing/);
    expect(() => createPhrases({ ...data, answerCues: { ...data.answerCues, weekday: '(?:lundi' } }, plain)).toThrow(/answerCues\.weekday/);
  });
});
