// What the dialogs need from the domain, given by the composition root (src/index.ts).
// Dialogs call these; the domain never imports dialogs or botbuilder.
import type { PrivacyRegistry } from '../src/privacy/registry.js';

/** A global intent understood in the user's text (from src/nlu), or 'none'. */
export interface Understanding {
  intent: string;
  confidence: number;
}

export interface DialogServices {
  /** Absolute base URL for links shown in chats (privacy page, guides, downloads). */
  publicBaseUrl(): string;
  privacy: PrivacyRegistry;
  /** A short-lived signed link to download everything held about the subject. */
  exportLink(subject: string): string;
  /** How many answers the person's unfinished diagnostic holds (0 when none). */
  diagnosticInProgress?(subject: string): Promise<number>;
  /** Understands global commands and intents in free text. */
  understand(text: string): Understanding;
}
