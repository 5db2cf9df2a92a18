// Global commands that work at any point of the conversation: fixed phrases only (src/nlu/phrases.ts),
// never a classifier's guess. Choosing a path from the menu may use the intent classifier.
import type { Command } from '../src/nlu/index.js';
import type { Understanding } from './services.js';

export type GlobalCommand = 'aide' | 'menu' | 'recommencer' | 'mes_donnees' | 'supprimer_donnees' | 'ne_plus_relancer';
export type PathChoice = 'diagnostic' | 'question' | 'handoff';

const GLOBAL: ReadonlySet<string> = new Set(['aide', 'menu', 'recommencer', 'mes_donnees', 'supprimer_donnees', 'ne_plus_relancer']);
/** Below this confidence an intent is not trusted enough to interrupt what the person is doing. */
export const COMMAND_CONFIDENCE = 0.6;

export function globalCommand(command: Command | undefined): GlobalCommand | undefined {
  return command && GLOBAL.has(command) ? (command as GlobalCommand) : undefined;
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
