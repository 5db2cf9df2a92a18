// A typical small firm answering by buttons (the label it clicks for each question, the card submit for
// the multi-choice ones), and a driver that answers whatever question Virage asks from such a table.
import { loadQuestionnaire, type Question } from '../../../src/diagnostic/index.js';
import { buttons } from '../../helpers/emulator.js';
import { DIAG, joined, submit, type Chat, type Say } from './steps.js';

export const questionnaire = loadQuestionnaire();

/** Question id → what a typical firm clicks (location has no buttons: the département is typed). */
export const TYPICAL: Record<string, Say> = {
  profil_effectif: '1 à 4 salariés',
  profil_secteur: 'Commerce alimentaire et métiers de bouche',
  profil_clientele: 'Des particuliers',
  profil_localisation: '33',
  profil_statut: 'Artisan',
  profil_factures: 'De 100 à 1 000',
  strategie_priorites: 'En partie',
  strategie_pilote: "Moi, quand j'ai le temps",
  strategie_indicateurs: 'Non',
  presence_site: 'Oui, un site à nous',
  presence_site_a_jour: 'Oui',
  presence_google: 'Oui',
  presence_reseaux: '1',
  presence_domaine_email: 'Non',
  vente_en_ligne: submit('vente_en_ligne', ['reservation', 'paiement_distance']),
  vente_part_ca: 'Moins de 10 %',
  vente_fichier_clients: 'En partie',
  gestion_logiciel_factures: 'Oui',
  gestion_facture_electronique: 'Je me renseigne',
  gestion_outils_partages: submit('gestion_outils_partages', ['agenda', 'stockage']),
  gestion_logiciel_metier: 'Non',
  cyber_sauvegarde: 'Oui, mais jamais testé',
  cyber_mots_de_passe: 'Non',
  cyber_mises_a_jour: 'En partie',
  cyber_rgpd: 'Non',
  cyber_incident: 'Non',
  competences_formation: 'Non',
  competences_financement: 'Non',
  competences_accompagnement: 'Non',
  ia_usage: "J'y pense",
  ia_automatisation: 'Non',
  ia_sobriete: 'Oui',
  profil_budget: '500 à 2 000 €',
  profil_temps: 'Une ou deux heures par semaine',
};

/** The question Virage just asked (its text is in the last replies), if any. */
export function askedQuestion(replies: any[]): Question | undefined {
  const said = joined(replies);
  return [...questionnaire.questions].reverse().find((q) => said.includes(q.text));
}

/**
 * Opens the diagnostic (from any point where the menu is offered, starting afresh) and answers each
 * question asked, checking that each answer moves on to another question, until the result arrives.
 */
export async function completeDiagnostic(chat: Chat, overrides: Record<string, Say> = {}): Promise<any[]> {
  await chat.say(DIAG);
  if (buttons(chat.last).includes('Recommencer à zéro')) await chat.say('Recommencer à zéro');
  return finishDiagnostic(chat, overrides);
}

/** Answers each question asked from the last replies on (TYPICAL with `overrides`) until the result. */
export async function finishDiagnostic(chat: Chat, overrides: Record<string, Say> = {}): Promise<any[]> {
  const answers = { ...TYPICAL, ...overrides };
  let replies = chat.last;
  for (let turns = 0; turns < 60; turns++) {
    const q = askedQuestion(replies);
    if (!q) return replies;
    const say = answers[q.id];
    if (say === undefined) throw new Error(`no answer for ${q.id}`);
    replies = await chat.say(say);
    if (askedQuestion(replies)?.id === q.id) {
      throw new Error(`${q.id}: « ${JSON.stringify(say)} » not accepted:\n${chat.log.slice(-8).join('\n')}`);
    }
  }
  throw new Error('the diagnostic did not end');
}

/** Answers typically from the current question until `questionId` is asked; returns its replies. */
export async function answerUntil(chat: Chat, questionId: string, overrides: Record<string, Say> = {}): Promise<any[]> {
  const answers = { ...TYPICAL, ...overrides };
  let replies = chat.last;
  for (let turns = 0; turns < 60; turns++) {
    const q = askedQuestion(replies);
    if (!q) throw new Error(`no question asked before ${questionId}:\n${chat.log.slice(-8).join('\n')}`);
    if (q.id === questionId) return replies;
    replies = await chat.say(answers[q.id]);
  }
  throw new Error(`${questionId} never asked`);
}
