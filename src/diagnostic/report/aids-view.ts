// « Vos aides » as every renderer shows it (card, text, PDF): who runs the scheme, what it is for, the
// link, whether it is the région's own, and « à vérifier auprès de votre CCI » where a figure may be stale.
import { regionName as nameOfRegion } from './labels.js';
import type { AidRef } from '../plan-aids.js';

export interface AidView {
  name: string;
  operator: string;
  /** « Aide de la région Nouvelle-Aquitaine » or « Dispositif national ». */
  scope: string;
  /** « Pour : site internet, vente en ligne » */
  purpose: string;
  /** The amount or rate as the catalogue states it, « Montant à vérifier auprès de votre CCI », or '' for advice. */
  amount: string;
  /** The figure or the conditions may be stale: confirm with the CCI. */
  verify: boolean;
  conditions?: string;
  url: string;
  checked: string;
}

const TOPIC_LABELS: Record<string, string> = {
  site: 'site internet',
  'e-commerce': 'vente en ligne',
  visibilite: 'visibilité',
  gestion: 'outils de gestion',
  cybersecurite: 'cybersécurité',
  rgpd: 'protection des données (RGPD)',
  ia: 'intelligence artificielle',
  formation: 'formation',
  transformation: 'projet numérique',
  export: 'export',
  materiel: 'matériel',
  financement: 'financement',
  'numerique-responsable': 'numérique responsable',
};

export function aidView(a: AidRef, region: string | undefined): AidView {
  const regionName = region ? nameOfRegion(region) : undefined;
  const topics = (a.topics ?? []).map((t) => TOPIC_LABELS[t] ?? t);
  const figure = [a.amount, a.rate].filter((x): x is string => Boolean(x)).join(' ; ');
  const verify = a.status !== 'en cours' || !figure;
  const where = regionName ?? region ?? '';
  const scope = !a.regional ? 'Dispositif national' : /^région\b/i.test(a.operator) ? `Aide de la région ${where}` : `En région ${where}`;
  // Advice and information have no amount to state; a figure that already says « à vérifier » is not re-flagged.
  const advice = a.kind === 'accompagnement' || a.kind === 'information';
  const amount = figure
    ? `${figure}${verify && !/vérifier/i.test(figure) ? ' (à vérifier auprès de votre CCI)' : ''}`
    : advice
      ? ''
      : 'Montant à vérifier auprès de votre CCI';
  return {
    name: a.name,
    operator: a.operator,
    scope: scope.trim(),
    purpose: topics.length ? `Pour : ${topics.join(', ')}` : '',
    amount,
    verify,
    ...(a.conditions ? { conditions: a.conditions } : {}),
    url: a.url,
    checked: a.checked,
  };
}

/** One line of text for the plain-text version. */
export function aidLine(a: AidView): string {
  const parts = [`**${a.name}** (${a.operator}) — ${a.scope}`, a.purpose, a.amount, a.conditions ?? ''].filter(Boolean);
  return `${parts.join('. ')}. ${a.url}`;
}
