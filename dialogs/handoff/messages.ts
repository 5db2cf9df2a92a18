// Every sentence of the handoff conversation and of the live relay (French, vouvoiement, short), and
// the few fixed phrasings recognised at any point: « terminer », « où en est ma demande ? », ⭐ ratings.
import { roughWait } from '../../src/handoff/paris-time.js';
import type { HandoffPlan } from '../../src/handoff/availability.js';
import { fold as nluFold } from '../../src/nlu/index.js';
import { escapeMarkdown } from '../../src/markdown.js';

const ordinal = (n: number) => (n === 1 ? '1re' : `${n}e`);
type Callback = Extract<HandoffPlan, { live: false }>;
const NOBODY = 'Aucun conseiller n’est libre en ce moment';
/** « dès que possible, aujourd’hui jusqu’à 12 h 30, sinon à partir de … » (open) or « à partir de … » (closed). */
const callbackWhen = (plan: Callback) =>
  plan.openUntil
    ? `dès que possible, aujourd’hui jusqu’à ${plan.openUntil}${plan.next ? `, sinon à partir de ${plan.next.label}` : ''}`
    : plan.from
      ? `à partir de ${plan.from.label}`
      : 'dès que possible';
/** « , attente estimée : environ 10 minutes », or nothing without a measured take time. */
const estimate = (waitMs: number | undefined) => (waitMs === undefined ? '' : `, attente estimée : ${roughWait(waitMs)}`);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** « la CCI Exemple Gironde », « « Réseau des CCI — accueil national » »: a CCI's name ready for a sentence. */
export function cciLabel(name: string): string {
  return /^(cci|chambre)\b/i.test(name) ? `la ${name}` : `« ${name} »`;
}

export const h = {
  yes: 'Oui, d’accord',
  no: 'Non merci',
  skip: 'Passer',
  confirm: 'Oui, c’est bien ça',
  editReason: 'Modifier le motif',
  editContact: 'Modifier mes coordonnées',
  cancel: 'Annuler',
  end: 'Terminer l’échange',
  consent: (what: string, cci: string | undefined, days: number) =>
    `Pour vous mettre en relation, je transmettrai ${cci ? `à un conseiller de ${cci}` : 'à un conseiller de votre CCI'} : ${what}. ` +
    `La CCI conserve ces informations ${days} jours au plus, puis elles sont effacées ; vous pouvez les effacer avant en écrivant « supprimer mes données ». ` +
    'Êtes-vous d’accord ?',
  consentParts: (diagnostic: boolean) =>
    ['notre conversation jusqu’ici', ...(diagnostic ? ['le résumé de votre diagnostic'] : []), 'vos coordonnées', 'votre demande']
      .join(', ')
      .replace(/, ([^,]+)$/, ' et $1'),
  consentAgain: 'Répondez « oui » pour continuer, ou « non » si vous préférez ne rien transmettre.',
  declined: (phone?: string, email?: string) =>
    'Très bien, je ne transmets rien.' +
    (phone || email
      ? ` Vous pouvez aussi joindre votre CCI directement${phone ? ` au ${phone}` : ''}${email ? `${phone ? ' ou' : ''} à ${email}` : ''}.`
      : ''),
  askName: 'Quel est votre nom (prénom et nom) ?',
  askCompany: 'Et le nom de votre entreprise ?',
  askEmail: 'À quelle adresse e-mail le conseiller peut-il vous écrire ? (« passer » si vous préférez le téléphone)',
  askPhone: (required: boolean) =>
    required
      ? 'À quel numéro de téléphone le conseiller peut-il vous joindre ?'
      : 'Et un numéro de téléphone ? (« passer » si l’e-mail suffit)',
  needOneWay: 'Il me faut au moins un moyen de vous joindre : un e-mail ou un numéro de téléphone.',
  askDepartement: 'Dans quel département se trouve votre entreprise ? (numéro, code postal ou ville, par exemple « 33 » ou « Bordeaux »)',
  departementAgain: 'Je n’ai pas reconnu le département. Indiquez son numéro (ex. 33, 2A, 974) ou votre code postal.',
  regionOnly: (region: string) => `${region}, c’est noté : pouvez-vous préciser le département (numéro ou code postal) ?`,
  askReason: 'En quelques mots, sur quel sujet souhaitez-vous échanger avec le conseiller ?',
  summary: (reason: string, cci: string, contact: string, diagnostic: boolean, when: string) =>
    `Je transmets votre demande « ${escapeMarkdown(reason)} » à ${cci}, avec vos coordonnées (${escapeMarkdown(contact)})` +
    `${diagnostic ? ', le résumé de votre diagnostic' : ''} et notre conversation. ${when}\n\nC’est bien ça ?`,
  whenLive: 'Un conseiller est disponible : vous échangerez avec lui ici même.',
  /** The summary's last words for a callback: true to why (closed, nobody free, asked for) and when. */
  whenCallback: (plan: Callback) =>
    `${plan.why === 'personne' ? `${NOBODY} : u` : plan.why === 'ferme' && plan.from ? 'La CCI est fermée en ce moment : u' : 'U'}n conseiller vous rappellera ${callbackWhen(plan)}.`,
  summaryAgain: 'Choisissez « Oui, c’est bien ça » pour envoyer, ou l’une des autres options.',
  cancelled: 'C’est annulé : je n’ai rien transmis.',
  failed: 'Désolé, je n’ai pas pu enregistrer votre demande. Réessayez dans un instant, ou contactez directement votre CCI.',
  queued: (ref: string, position: number, waitMs: number | undefined, cci: string) =>
    `Votre demande ${ref} est transmise à ${cci}. Vous êtes en ${ordinal(position)} position${estimate(waitMs)}. ` +
    'Restez sur cette conversation : un conseiller va vous répondre ici. Écrivez « terminer » pour arrêter.',
  callback: (ref: string, cci: string, plan: Callback) =>
    `Votre demande ${ref} est enregistrée. ${plan.why === 'personne' ? `${NOBODY} : ${cci}` : cap(cci)} vous rappellera ${callbackWhen(plan)}.`,
  moved: (position: number, waitMs: number | undefined) => `Vous êtes maintenant en ${ordinal(position)} position${estimate(waitMs)}.`,
  taken: (firstName: string, cci: string, title?: string) =>
    `Vous êtes en relation avec ${firstName}, ${title ?? 'conseiller numérique'} de ${cci}. Écrivez ici ; « terminer » pour finir l’échange.`,
  relayedWhileWaiting: 'C’est noté : je le transmets au conseiller qui prendra votre demande.',
  textOnly: 'Seuls les messages écrits sont transmis au conseiller.',
  timedOut: (ref: string, cci: string, slot?: string) =>
    `Désolé, aucun conseiller n’a pu vous répondre à temps. Votre demande ${ref} est enregistrée : ${cci} vous rappellera ${slot ? `à partir de ${slot}` : 'dès que possible'}.`,
  endedByAdvisor: (firstName: string) => `${firstName} a terminé l’échange.`,
  endedByUser: 'L’échange est terminé.',
  waitingCancelled: (ref: string) => `D’accord, j’annule votre demande ${ref}.`,
  ratePrompt: 'Comment évaluez-vous cet échange, de 1 à 5 étoiles ?',
  rated: 'Merci pour votre note ! Je reprends la main.',
  back: 'Je reprends la main.',
  frustrated: 'Je suis désolé de ne pas mieux vous aider. Un conseiller de votre CCI peut prendre le relais : voulez-vous lui parler ?',
  noRequest: 'Vous n’avez pas de demande en cours. Écrivez « conseiller » pour en faire une.',
} as const;

export const STARS = ['⭐1', '⭐2', '⭐3', '⭐4', '⭐5'] as const;

/** A short reply folded for comparison with a button label (accents, case, apostrophes, end punctuation). */
export const fold = (text: string) =>
  nluFold(text)
    .trim()
    .replace(/'/g, ' ')
    .replace(/[.!?\s]+$/g, '')
    .replace(/\s+/g, ' ');
