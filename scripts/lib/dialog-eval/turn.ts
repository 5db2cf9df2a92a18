// Reading one bot turn the way the person would: which question is asked, whether the result is shown,
// whether it is a reprompt (« je n'ai pas compris »), a clarification with buttons, or another flow that the
// person did not ask for (a hijack: erase, restart, pause, back, main menu, advisor handoff, diagnostic left).
import { buttons, cardChoices, resultShown, texts } from './client.js';
import { askedQuestion, fold, type SeenQuestion } from './questions.js';

export type HijackKind = 'erase' | 'restart' | 'pause' | 'back' | 'menu' | 'advisor' | 'left' | 'other';

export interface Turn {
  texts: string[];
  buttons: string[];
  asked?: SeenQuestion;
  result: boolean;
  /** The bot says it did not understand (and re-asks). */
  reprompt: boolean;
  /** « Did you mean to answer the question or to … ? » */
  answerOrCommand: boolean;
  /** A multi-select card is shown. */
  card: boolean;
  /** Another flow, detected from the words of the reply (the caller adds « back » and « left » from the store). */
  hijack?: HijackKind;
}

/** Phrases of flows that must never start from an answer. Kept here, apart from the bot's code, on purpose. */
const FLOWS: Array<[HijackKind, RegExp]> = [
  ['erase', /effacer toutes vos donnees|supprimer (toutes )?vos donnees \?|tout effacer/],
  ['restart', /vraiment recommencer|recommencer le diagnostic depuis le debut|repartir de zero \?/],
  ['pause', /votre diagnostic est enregistre|pour le reprendre, ecrivez|diagnostic (est )?en pause/],
  ['back', /revenons a la question precedente/],
  [
    'advisor',
    new RegExp(
      [
        'voulez-vous que je vous mette en relation',
        'pour vous mettre en relation',
        'je transmettrai a un conseiller',
        'voulez-vous lui parler',
        'peut prendre le relais',
        'sur quel sujet souhaitez-vous echanger',
        'quel est votre nom',
        'le nom de votre entreprise',
        'le conseiller peut-il vous',
        'numero de telephone ne semble pas',
        'adresse e-mail ne semble pas',
        'un conseiller va vous repondre',
        'vous etes en relation avec',
      ].join('|'),
    ),
  ],
];

// « reformuler votre … »: the bot asking to rephrase, not a guide that happens to say « reformuler un e-mail ».
const REPROMPT =
  /pas (bien )?compris|n'arrive pas a comprendre|choisissez l'une de ces reponses|je n'ai pas saisi|reformuler (?:votre|vos|autrement)/;
const ANSWER_OR_COMMAND = /vouliez[- ]vous (dire|repondre)|voulez-vous (dire|repondre)|repondre a la question ou|c'etait une reponse/;
const MAIN_MENU = /que souhaitez-vous faire/;

export function readTurn(questions: SeenQuestion[], replies: any[]): Turn {
  const t = texts(replies);
  const said = fold(t.join('\n'));
  const b = buttons(replies);
  const result = resultShown(replies);
  const asked = askedQuestion(questions, t);
  const answerOrCommand = ANSWER_OR_COMMAND.test(said);
  let hijack: HijackKind | undefined;
  if (!result && !answerOrCommand) {
    for (const [kind, re] of FLOWS) if (re.test(said)) hijack ??= kind;
    if (!hijack && !asked && (MAIN_MENU.test(said) || b.some((x) => /^faire mon diagnostic/.test(fold(x))))) hijack = 'menu';
    // Worded differently tomorrow, a confirmation still shows its buttons: never click those as an answer.
    if (!hijack && !asked && b.some((x) => /effacer|supprimer/.test(fold(x)))) hijack = 'erase';
    if (!hijack && !asked && b.some((x) => /recommencer/.test(fold(x)))) hijack = 'restart';
  }
  return {
    texts: t,
    buttons: b,
    asked,
    result,
    reprompt: REPROMPT.test(said),
    answerOrCommand,
    card: cardChoices(replies) !== undefined,
    hijack,
  };
}

/** A short excerpt of what the bot said, for failure lists. */
export function excerpt(turn: Turn, max = 220): string {
  const s = turn.texts.join(' ⏎ ').replace(/\s*\n\s*/g, ' ');
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
