// In-process events of the handoff domain. The live relay (user side) and the advisor console listen
// to them. Listeners run synchronously in order; one that throws does not stop the others.
import type { AdvisorRef, EndReason, HandoffMessage, HandoffRequest } from './types.js';

export interface QueueEntry {
  id: string;
  reference: string;
  subject: string;
  conversation: unknown;
  /** 1 = next to be taken. */
  position: number;
  /** Undefined when no take time was measured yet (see queue.ts). */
  expectedWaitMs?: number;
}

export type HandoffEvent =
  | { type: 'request.created'; request: HandoffRequest }
  | { type: 'request.updated'; request: HandoffRequest }
  | { type: 'request.taken'; request: HandoffRequest; advisor: AdvisorRef }
  /** by 'bot': given back to the bot by the advisor; the relay says the bot answers again. */
  | { type: 'request.ended'; request: HandoffRequest; by: EndReason }
  /** Waiting requests turned into callback tickets (timeout): the relay tells each user the slot. */
  | { type: 'request.callback'; request: HandoffRequest }
  /** The live queue of a CCI moved: every waiting request with its new position. */
  | { type: 'queue.moved'; cciId: string; entries: QueueEntry[] }
  | { type: 'message.user'; request: HandoffRequest; message: HandoffMessage }
  | { type: 'message.advisor'; request: HandoffRequest; message: HandoffMessage }
  | { type: 'typing'; request: HandoffRequest; from: 'user' | 'advisor' };

export type HandoffListener = (event: HandoffEvent) => void;

export class HandoffEvents {
  private readonly listeners = new Set<HandoffListener>();
  constructor(private readonly onListenerError: (err: unknown, event: HandoffEvent) => void = () => {}) {}

  /** Subscribes; returns the function that unsubscribes. */
  on(listener: HandoffListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: HandoffEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (err) {
        this.onListenerError(err, event);
      }
    }
  }
}
