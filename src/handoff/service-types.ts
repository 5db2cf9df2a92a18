// Types of the handoff service's API (kept apart so that service.ts stays about the behaviour).
import type { Logger } from '../log.js';
import type { DocumentStore } from '../storage/types.js';
import type { AdvisorAvailability } from './presence.js';
import type { RandomIndex } from './requests.js';
import type { AdvisorRef, AdvisorsDirectory, Contact, ContextPackage } from './types.js';

export interface AdvisorIdentity extends AdvisorRef {
  cciId: string;
}

export interface HandoffServiceOptions {
  store: DocumentStore;
  /** The current directory (a function, so that a reloaded file applies at once). */
  directory: () => AdvisorsDirectory;
  clock?: () => Date;
  logger?: Logger;
  /** How many advisors of a CCI are « disponible » now: live is offered only then (see presence.ts). */
  availability: AdvisorAvailability;
  /** The random source of references (crypto by default). */
  randomIndex?: RandomIndex;
}

export interface NewRequest {
  subject: string;
  channelId: string;
  /** Opaque JSON (a ConversationReference): given back in events, for the relay. */
  conversation: unknown;
  departement?: string;
  contact: Contact;
  reason: string;
  /** When the user agreed to pass their details to the CCI. */
  consentAt: Date | string;
  context?: Partial<ContextPackage>;
  /** 'live': the queue when the CCI is open and an advisor is available, else a callback ticket; 'callback': a ticket. */
  mode: 'live' | 'callback';
}
