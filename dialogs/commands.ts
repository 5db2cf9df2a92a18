// Global commands that work at any point of the conversation, recognised from src/nlu's intents.
import type { Understanding } from './services.js';

export type GlobalCommand = 'aide' | 'menu' | 'recommencer' | 'mes_donnees' | 'supprimer_donnees';
export type PathChoice = 'diagnostic' | 'question' | 'handoff';

const GLOBAL: ReadonlySet<string> = new Set(['aide', 'menu', 'recommencer', 'mes_donnees', 'supprimer_donnees']);
/** Below this confidence an intent is not trusted enough to interrupt what the person is doing. */
export const COMMAND_CONFIDENCE = 0.6;

export function globalCommand(u: Understanding): GlobalCommand | undefined {
  return GLOBAL.has(u.intent) && u.confidence >= COMMAND_CONFIDENCE ? (u.intent as GlobalCommand) : undefined;
}

export function pathChoice(u: Understanding): PathChoice | undefined {
  if (u.confidence < COMMAND_CONFIDENCE) return undefined;
  switch (u.intent) {
    case 'demarrer_diagnostic':
    case 'reprendre':
      return 'diagnostic';
    case 'question':
      return 'question';
    case 'parler_conseiller':
    case 'etre_rappele':
      return 'handoff';
    default:
      return undefined;
  }
}

const EXACT: Record<string, string> = {
  aide: 'aide',
  help: 'aide',
  '?': 'aide',
  menu: 'menu',
  accueil: 'menu',
  recommencer: 'recommencer',
  'mes donnees': 'mes_donnees',
  'mes données': 'mes_donnees',
  'supprimer mes donnees': 'supprimer_donnees',
  'supprimer mes données': 'supprimer_donnees',
  'effacer mes donnees': 'supprimer_donnees',
  'effacer mes données': 'supprimer_donnees',
};

/**
 * The exact, one-word (or fixed-phrase) commands shown in the help text: recognised with certainty
 * before any statistical understanding, so that « menu » never depends on a classifier's mood.
 */
export function exactCommand(text: string): Understanding | undefined {
  const key = text.trim().toLowerCase().replace(/[.!?\s]+$/g, '').replace(/\s+/g, ' ');
  const intent = EXACT[key] ?? (text.trim() === '?' ? 'aide' : undefined);
  return intent ? { intent, confidence: 1 } : undefined;
}
