// What the dialogs need from the domain, given by the composition root (src/index.ts).
// Dialogs call these; the domain never imports dialogs or botbuilder.
import type { Phrases } from '../src/nlu/index.js';
import type { PrivacyRegistry } from '../src/privacy/registry.js';
import type { OriginCarrier } from '../src/server/public-urls.js';

/** A global intent understood in the user's text (from src/nlu), or 'none'. */
export interface Understanding {
  intent: string;
  confidence: number;
}

export interface DialogServices {
  /**
   * Absolute base URL for links shown in chats (privacy page, guides, downloads): PUBLIC_URL, else the origin
   * the person's page reached us at (read from the activity being answered).
   */
  publicBaseUrl(activity?: OriginCarrier): string;
  privacy: PrivacyRegistry;
  /** A short-lived signed link to download everything held about the subject. */
  exportLink(subject: string, activity?: OriginCarrier): string;
  /** The follow-up diagnostic (src/followup): the offer when due, and « ne plus me relancer ». */
  followUp?: {
    offerDue(subject: string): Promise<unknown>;
    withdraw(subject: string): Promise<boolean>;
  };
  /** How many answers the person's unfinished diagnostic holds (0 when none). */
  diagnosticInProgress?(subject: string): Promise<number>;
  /** Understands intents in free text (choosing a path from the menu). */
  understand(text: string): Understanding;
  /** Fixed phrases: commands, « oui » / « non », ordinals. */
  phrases: Phrases;
  /**
   * How many profile facts a message gives about the firm (« kiné à Lille, on est trois »: trade, place, head
   * count): a person who describes their firm is starting the diagnostic.
   */
  firmFacts?(text: string): number;
  /** How long each kind of data is kept, in days (told with « mes données »). */
  retention?: { conversationDays: number; diagnosticDays: number; handoffDays: number; feedbackDays: number };
}
