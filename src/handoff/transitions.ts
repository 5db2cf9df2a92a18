// What each state transition does to a request, as pure functions the service applies in one
// read-modify-write (a refused transition throws a French HandoffError). The ticket workflow: tickets.ts.
import type { Slot } from './routing.js';
import { HandoffError, MAX_MESSAGES } from './requests.js';
import type { AdvisorIdentity } from './service-types.js';
import type { AdvisorRef, EndReason, HandoffRequest } from './types.js';

export const advisorRef = (a: AdvisorIdentity): AdvisorRef => ({
  login: a.login,
  displayName: a.displayName,
  firstName: a.firstName,
  ...(a.title ? { title: a.title } : {}),
});

/** An advisor takes a waiting request (live chat) or a callback ticket. */
export function taken(r: HandoffRequest, advisor: AdvisorIdentity, nowIso: string): HandoffRequest {
  if (r.status !== 'en_attente' && r.status !== 'rappel') {
    throw new HandoffError(
      'Conflict',
      r.advisor ? `Demande déjà prise en charge par ${r.advisor.displayName}.` : 'Cette demande n’est plus en attente.',
    );
  }
  return { ...r, status: 'en_cours', advisor: advisorRef(advisor), takenAt: nowIso };
}

export function ended(r: HandoffRequest, by: EndReason, nowIso: string): HandoffRequest {
  if (r.status === 'clos') throw new HandoffError('Conflict', 'Cette demande est déjà close.');
  return { ...r, status: 'clos', endedAt: nowIso, endedBy: by };
}

/** A wait too long: the live request becomes a callback ticket, at the CCI's next opening when known. */
export function toCallback(r: HandoffRequest, slot: Slot | undefined): HandoffRequest {
  if (r.status !== 'en_attente') throw new HandoffError('Conflict', 'Plus en attente.');
  const base = { ...r, kind: 'callback' as const, status: 'rappel' as const };
  return slot ? { ...base, callbackAt: slot.at.toISOString(), callbackLabel: slot.label } : base;
}

/** A message of the user (any time before the end) or of the advisor (only during the live exchange). */
export function withMessage(r: HandoffRequest, message: HandoffRequest['messages'][number]): HandoffRequest {
  if (r.status === 'clos') throw new HandoffError('Conflict', 'Cette demande est close.');
  if (message.from === 'advisor' && !(r.kind === 'live' && r.status === 'en_cours'))
    throw new HandoffError('Conflict', 'Aucun échange en direct en cours pour cette demande : prenez-la d’abord en charge.');
  return { ...r, messages: [...r.messages, message].slice(-MAX_MESSAGES) };
}
