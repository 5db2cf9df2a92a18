// Every sentence the main conversation says, in one place (French, vouvoiement, short).
import { RETURN_OFFER } from '../src/followup/messages.js';

export const messages = {
  welcome:
    'Bonjour, je suis **Virage**, l’assistant numérique de votre CCI. ' +
    'Je peux faire le point avec vous sur le numérique de votre entreprise, répondre à vos questions, ' +
    'ou vous mettre en relation avec un conseiller.',
  privacyNotice: (url: string) =>
    `Vos échanges sont conservés pour assurer le suivi ; vous pouvez les consulter ou les effacer à tout moment ([confidentialité](${url})).`,
  menuPrompt: 'Que souhaitez-vous faire ?',
  menuAgain: 'Que souhaitez-vous faire maintenant ?',
  offerDeclined: 'D’accord. Vous pourrez demander un conseiller à tout moment en écrivant « conseiller ».',
  menuNotUnderstood: 'Je n’ai pas bien compris. Choisissez l’une de ces options, ou écrivez « aide ».',
  aboutDiagnostic:
    'Le diagnostic est gratuit et sans engagement : une trentaine de questions courtes, une dizaine de minutes, par boutons ' +
    'ou avec vos mots. À la fin, vous avez votre score, vos priorités, des guides et les aides de votre région. ' +
    'Pour le commencer, choisissez « Faire mon diagnostic numérique ».',
  /** Answers to small talk at the menu, instead of « pas compris ». */
  smallTalk: {
    salutation: 'Bonjour ! Je suis là pour vous aider.',
    merci: 'Avec plaisir !',
    au_revoir: 'Au revoir, et bonne continuation ! Vous pouvez revenir quand vous voulez : je garde le fil.',
    hors_sujet: 'Je ne peux pas vous aider sur ce sujet : je suis spécialisé dans le numérique des entreprises.',
  },
  choices: {
    diagnostic: 'Faire mon diagnostic numérique',
    question: 'Poser une question',
    handoff: 'Parler à un conseiller',
    resume: 'Reprendre mon diagnostic',
  },
  resumeOffer: (answered: number) =>
    `Vous avez un diagnostic en cours (${answered} réponse${answered > 1 ? 's' : ''} enregistrée${answered > 1 ? 's' : ''}). Voulez-vous le reprendre ?`,
  help:
    'Je réponds en français, par boutons ou en texte libre. À tout moment, vous pouvez écrire :\n\n' +
    '- **menu** pour revenir au choix de départ ;\n' +
    '- **recommencer** pour repartir de zéro ;\n' +
    '- **mes données** pour voir ce que je conserve sur vous ;\n' +
    '- **supprimer mes données** pour tout effacer.',
  restarted: 'C’est reparti depuis le début.',
  /** The follow-up diagnostic offered 6 months later, and « ne plus me relancer ». */
  followUp: {
    offer: RETURN_OFFER,
    redo: 'Refaire le point',
    later: 'Pas maintenant',
    postponed: 'D’accord. Je vous le reproposerai à votre prochaine visite ; pour ne plus être relancé, écrivez « ne plus me relancer ».',
    withdrawn: 'C’est noté : je ne vous relancerai plus pour refaire le point, et votre accord est effacé.',
    none: 'Vous n’avez pas de relance prévue : je ne vous recontacterai pas.',
  },
  tooLong: (max: number) => `Votre message est trop long : ${max} caractères au plus, s’il vous plaît.`,
  emptyInput: 'Je n’ai rien reçu. Écrivez votre message ou choisissez une option.',
  technicalError: 'Désolé, un problème technique m’empêche de répondre. Réessayez dans un instant ; si cela continue, écrivez « menu ».',
  myData: {
    intro: (lines: string) => `Voici ce que je conserve sur vous :\n\n${lines}`,
    none: 'Je ne conserve aucune donnée vous concernant, en dehors de cette conversation.',
    download: 'Télécharger mes données (JSON)',
    linkNote: 'Le lien de téléchargement est valable 15 minutes.',
    retention: (r: { conversationDays: number; diagnosticDays: number; handoffDays: number; feedbackDays: number }, page: string) =>
      'Combien de temps je garde vos informations :\n\n' +
      `- vos conversations : ${r.conversationDays} jours après votre dernier message ;\n` +
      `- votre diagnostic : ${r.diagnosticDays} jours ;\n` +
      `- vos demandes de contact avec un conseiller : ${r.handoffDays} jours ;\n` +
      `- vos avis sur les réponses : ${r.feedbackDays} jours ;\n` +
      '- votre accord pour refaire le point dans 6 mois : jusqu’au rappel, puis 30 jours (« ne plus me relancer » le retire).\n\n' +
      `Passé ce délai, tout est effacé automatiquement. Vous pouvez tout effacer avant en écrivant « supprimer mes données ». Détails : ${page}`,
  },
  erase: {
    confirm:
      'Voulez-vous vraiment effacer toutes vos données (conversations, diagnostic, demandes de contact) ? Cette action est définitive.',
    yes: 'Oui, tout effacer',
    no: 'Non, garder',
    done: 'C’est fait : toutes vos données ont été effacées. Si vous m’écrivez à nouveau, nous repartirons de zéro.',
    partial: 'Une partie de vos données n’a pas pu être effacée. Réessayez dans un instant, ou contactez votre CCI.',
    kept: 'Très bien, je ne supprime rien.',
  },
} as const;
