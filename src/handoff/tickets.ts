// The callback-ticket workflow an advisor drives in the console: nouveau (rappel) → en cours → rappelé → clos.
import { HandoffError } from './requests.js';
import type { AdvisorRef, HandoffRequest, HandoffStatus } from './types.js';

const TICKET_STATUSES: readonly HandoffStatus[] = ['rappel', 'en_cours', 'rappele', 'clos'];

/** The request after a status change asked by an advisor, and whether that change closes it. */
export function ticketStatusChange(
  r: HandoffRequest,
  status: HandoffStatus,
  advisor: AdvisorRef,
  nowIso: string,
): { request: HandoffRequest; ended: boolean } {
  if (!TICKET_STATUSES.includes(status)) throw new HandoffError('BadArgument', 'Statut inconnu : nouveau, en cours, rappelé ou clos.');
  if (r.status === 'en_attente')
    throw new HandoffError('Conflict', 'Demande en attente d’un échange en direct : prenez-la d’abord en charge.');
  if (r.kind === 'live' && r.status === 'en_cours' && status !== 'clos')
    throw new HandoffError('Conflict', 'Échange en direct en cours : terminez-le d’abord.');
  const ended = status === 'clos' && r.status !== 'clos';
  const advisorPart = status === 'rappel' ? { advisor: undefined } : { advisor: r.advisor ?? advisor };
  return { request: { ...r, ...advisorPart, status, ...(ended ? { endedAt: nowIso, endedBy: 'advisor' as const } : {}) }, ended };
}
