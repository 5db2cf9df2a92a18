// How the simulated person clicks: which button (by its visible title) means the value they have in mind,
// and the fixed « reach » answers that lead to any question by buttons (every question stays applicable).
import type { Answer } from '../../../src/diagnostic/types.js';
import type { Outcome } from './compare.js';
import { fold, type SeenQuestion, type Sector } from './questions.js';

const numbersIn = (s: string): number[] =>
  [
    ...fold(s)
      .replace(/(\d)\s(?=\d{3}\b)/g, '$1')
      .matchAll(/\d+(?:[.,]\d+)?/g),
  ].map((m) => Number(m[0].replace(',', '.')));

/** Does a numeric button (« 1 à 4 salariés », « Moins de 10 % », « 3 ou plus », « Aucun budget ») hold v? */
function bandHolds(title: string, v: number): boolean {
  const t = fold(title);
  const n = numbersIn(t);
  if (n.length === 0) return v === 0 ? /aucun|rien|seul|zero|presque rien/.test(t) : false;
  if (/moins de|jusqu/.test(t)) return v < n[0] || (v === 0 && /presque/.test(t));
  if (/plus de|ou plus|et plus|\+/.test(t)) return v >= n[0];
  if (n.length >= 2) return v >= n[0] && v <= n[1];
  return v === n[0];
}

/** The title of the button that gives this answer, if one does. */
export function buttonFor(want: Outcome, q: SeenQuestion, titles: string[], sectors: Sector[]): string | undefined {
  if ('unanswered' in want) return titles.find((t) => /^passer/.test(fold(t)));
  const find = (re: RegExp) => titles.find((t) => re.test(fold(t)));
  const byLabel = (label: string) => titles.find((t) => fold(t) === fold(label)) ?? titles.find((t) => fold(t).startsWith(fold(label)));
  const a: Answer = want;
  switch (a.type) {
    case 'dontknow':
      return find(/ne sais pas|sais pas/);
    case 'notconcerned':
      return find(/concern/);
    case 'yesno':
      return a.value === 'yes' ? find(/^oui\b/) : a.value === 'partly' ? find(/en partie|partiel/) : find(/^non\b(?!.*concern)/);
    case 'choice': {
      const label = q.options.find((o) => o.id === a.value)?.label;
      return label ? byLabel(label) : undefined;
    }
    case 'multi':
      return undefined;
    case 'sector': {
      const label = sectors.find((s) => s.id === a.value)?.label;
      return label ? byLabel(label) : undefined;
    }
    case 'size': {
      if (a.value === '0') return find(/seul|aucun|sans salarie/);
      const lo = Number(a.value.replace('+', '').split('-')[0]);
      return titles.find((t) => bandHolds(t, lo) && !/seul|aucun/.test(fold(t)));
    }
    case 'number':
    case 'percent':
      return titles.find((t) => bandHolds(t, a.value));
    case 'money': {
      const year = a.period === 'month' ? a.amount * 12 : a.amount;
      return titles.find((t) => bandHolds(t, year));
    }
    case 'location':
      return titles.find((t) => (a.departement ? new RegExp(`\\b${a.departement}\\b`).test(t) : false));
  }
  return undefined;
}

/** A button that says « it was an answer to the question » in a « did you mean to answer or to … ? » choice. */
export function answerChoice(titles: string[]): string | undefined {
  return titles.find(
    (t) => /repon|question|continuer|diagnostic|c'etait une reponse/.test(fold(t)) && !/autre question|poser/.test(fold(t)),
  );
}

/** A button that confirms the bot's reading (« Oui, c'est ça »), for when it asks to check what it stored. */
export function confirmChoice(titles: string[]): string | undefined {
  return titles.find((t) => /^(oui|c'est (bien )?ca|exact|valider|confirmer)/.test(fold(t)));
}

/** Reach profile: button titles to click (first that matches), else the text to type; multi: values to tick. */
export const REACH: Record<string, { click?: string[]; type?: string; tick?: string[] }> = {
  profil_effectif: { click: ['1 à 4'], type: 'on est 3' },
  profil_secteur: { click: ['Commerce alimentaire'], type: 'boulangerie' },
  profil_clientele: { click: ['Les deux'] },
  profil_localisation: { click: ['33', 'Gironde'], type: '33' },
  profil_statut: { click: ['Artisan'] },
  profil_factures: { click: ['De 100 à 1 000'] },
  strategie_priorites: { click: ['En partie'] },
  strategie_pilote: { click: ["Moi, quand j'ai le temps"] },
  strategie_indicateurs: { click: ['Non'] },
  presence_site: { click: ['Oui, un site à nous'] },
  presence_site_a_jour: { click: ['Oui'] },
  presence_google: { click: ['Oui'] },
  presence_reseaux: { click: ['1'], type: '1' },
  presence_domaine_email: { click: ['Non'] },
  vente_en_ligne: { tick: ['reservation'], type: 'Réservation ou rendez-vous en ligne' },
  vente_part_ca: { click: ['Moins de 10 %'], type: '5 %' },
  vente_fichier_clients: { click: ['En partie'] },
  gestion_logiciel_factures: { click: ['Oui'] },
  gestion_facture_electronique: { click: ['Je me renseigne'] },
  gestion_outils_partages: { tick: ['agenda'], type: 'Agenda partagé' },
  gestion_logiciel_metier: { click: ['Oui'] },
  cyber_sauvegarde: { click: ['Oui, mais jamais testé'] },
  cyber_mots_de_passe: { click: ['En partie'] },
  cyber_mises_a_jour: { click: ['Oui'] },
  cyber_rgpd: { click: ['Non'] },
  cyber_incident: { click: ['Non'] },
  competences_formation: { click: ['Non'] },
  competences_financement: { click: ['Non'] },
  competences_accompagnement: { click: ['Non'] },
  ia_usage: { click: ["J'ai essayé"] },
  ia_automatisation: { click: ['Non'] },
  ia_sobriete: { click: ['Oui'] },
  profil_budget: { click: ['500 à 2 000 €'], type: '1 000 €' },
  profil_temps: { click: ['Une ou deux heures par semaine'] },
};
