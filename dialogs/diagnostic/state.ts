// The diagnostic dialog's state between turns, and the small helpers its parts share.
import type { DialogContext } from 'botbuilder-dialogs';
import { subjectId } from '../../src/privacy/registry.js';
import type { Pending } from './answering.js';

export interface DiagState {
  mode: 'asking' | 'resumeOffer' | 'restartConfirm' | 'pending';
  questionId?: string;
  /** The current question is asked again although it has an answer (« retour », « corriger »). */
  revisit?: boolean;
  misses: number;
  askedAboutAids?: boolean;
  /** Questions answered from the previous message's free text: the next message may correct them. */
  lastRead?: string[];
  pending?: Pending;
}

export const subjectOf = (dc: DialogContext) => subjectId(dc.context.activity.channelId, dc.context.activity.from?.id);
export const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
