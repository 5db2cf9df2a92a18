// How a diagnostic question is shown: progress line, question, buttons (or a card with boxes to tick
// for multi-choice questions), and the reprompts after a miss.
import { CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import { optionsOf, progress, type Answers, type Question, type Questionnaire } from '../../src/diagnostic/index.js';
import { buttonsFor, DONT_KNOW } from '../../src/diagnostic/understand.js';

export const d = {
  notice: (days: number) =>
    `Vos réponses sont enregistrées au fur et à mesure, pour que vous puissiez reprendre plus tard. ` +
    `Elles sont conservées ${days} jours ; « supprimer mes données » les efface à tout moment.`,
  intro:
    'C’est parti : une trentaine de questions courtes, une dizaine de minutes, gratuit et sans engagement. Répondez avec les boutons ou avec vos mots ; ' +
    'si je note mal une réponse, écrivez « corriger ».',
  resumeOffer: (answered: number) =>
    `Vous avez un diagnostic en cours (${answered} réponse${answered > 1 ? 's' : ''}). Voulez-vous le reprendre là où vous en étiez ?`,
  resume: 'Reprendre',
  restart: 'Recommencer à zéro',
  resumed: 'Reprenons.',
  restartKept: 'D’accord, on continue : vos réponses sont conservées.',
  choose: 'Pour être sûr de bien noter, laquelle de ces réponses est la bonne ?',
  unsure: 'Si ce n’est pas ce que vous vouliez dire, écrivez « corriger » ou donnez la bonne réponse.',
  dontKnow: DONT_KNOW,
  otherAnswer: 'Autre réponse',
  answerIt: (answer: string) => `Ma réponse : ${answer}`,
  notCommand: 'Je réponds à la question',
  ambiguous: (command: string) => `Je veux être sûr de bien vous comprendre : vous répondez à la question, ou vous voulez « ${command} » ?`,
  knownDepartement: (dep: string) =>
    `Noté : ${dep}, le département que vous m’avez déjà indiqué. Si ce n’est pas le bon, écrivez « corriger ».`,
  corrected: (answer: string) => `C’est corrigé : ${answer}.`,
  correcting: 'D’accord, corrigeons cette réponse.',
  recorded: (answer: string) => `Vous aviez répondu : « ${answer} ».`,
  gaveUp:
    'Je n’arrive pas à lire votre réponse : je note « je ne sais pas » pour cette question, et nous passons à la suivante. Vous pourrez la corriger en écrivant « corriger ».',
  restartConfirm: 'Voulez-vous vraiment recommencer le diagnostic depuis le début ? Vos réponses actuelles seront remplacées.',
  restartYes: 'Oui, recommencer',
  restartNo: 'Non, continuer',
  underWay: 'C’est parti, le diagnostic est commencé. Voici la question :',
  missOnce: (example: string) => `Je n’ai pas bien compris votre réponse. ${example}`,
  why: (text: string) => `**Pourquoi cette question ?** ${text}`,
  back: 'Revenons à la question précédente.',
  noBack: 'C’est la première question : il n’y a pas de question précédente.',
  skipped: 'Question passée.',
  paused: 'Votre diagnostic est enregistré. Pour le reprendre, écrivez « reprendre mon diagnostic », même dans quelques jours.',
  resumeAfterQuestion: 'Reprenons :',
  wait: 'Je vous en prie, prenez votre temps : je reste là. Quand vous êtes disponible, voici où nous en étions :',
  advisor: 'Parler à un conseiller',
  skip: 'Passer cette question',
  frustrated: 'Je comprends. Si vous préférez, un conseiller de votre CCI peut prendre le relais.',
  validate: 'Valider',
  multiHint: 'Cochez ce qui s’applique puis « Valider », ou écrivez-le (par exemple « un site et une page Facebook »).',
} as const;

/** The question with its progress line, and its buttons or card. */
export function questionActivity(
  q: Questionnaire,
  question: Question,
  answers: Answers,
  sectors: Array<{ id: string; label: string }>,
): Partial<Activity> {
  const p = progress(q, answers, question.id);
  const text = `_${p?.label ?? ''}_\n\n${question.text}`;
  if (question.type === 'multi') {
    const card = multiCard(question);
    return { ...MessageFactory.suggestedActions([DONT_KNOW], text), attachments: [card] };
  }
  const labels = buttonsFor(question, sectors).map((b) => b.label);
  return labels.length ? MessageFactory.suggestedActions(labels, text) : MessageFactory.text(text);
}

/** After a miss: an example with the buttons and « Passer cette question » (a multi-choice card again, with its hint). */
export function missActivity(question: Question, misses: number, sectors: Array<{ id: string; label: string }>): Partial<Activity> {
  if (question.type === 'multi') {
    // The card again (in some channels the first one has scrolled away).
    const card = multiCard(question);
    return {
      ...MessageFactory.suggestedActions([DONT_KNOW, d.skip], misses <= 1 ? d.missOnce(question.example) : d.multiHint),
      attachments: [card],
    };
  }
  const labels = buttonsFor(question, sectors).map((b) => b.label);
  return MessageFactory.suggestedActions([...labels, d.skip], d.missOnce(question.example));
}

/** The multi-choice card: boxes to tick and « Valider », which submits `{ questionId, values }`. */
function multiCard(question: Question): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: d.multiHint, wrap: true, size: 'Small' },
      {
        type: 'Input.ChoiceSet',
        id: 'values',
        isMultiSelect: true,
        style: 'expanded',
        label: question.short ?? 'Réponses',
        choices: optionsOf(question).map((o) => ({ title: o.label, value: o.id })),
      },
    ],
    actions: [{ type: 'Action.Submit', title: d.validate, data: { questionId: question.id } }],
  });
}
