// « Où en est ma demande ? »: the user's latest request in French words, and the handoffs as a
// personal-data source of the privacy registry (export, erasure, retention purge).
import type { PersonalDataSource } from '../privacy/registry.js';
import { roughWait } from './paris-time.js';
import type { HandoffService } from './service.js';
import type { HandoffRequest } from './types.js';

export interface RequestStatus {
  request: HandoffRequest;
  position?: number;
  expectedWaitMs?: number;
  /** What to tell the user, vouvoiement. */
  text: string;
}

const ordinal = (n: number) => (n === 1 ? '1re' : `${n}e`);

export function describeStatus(request: HandoffRequest, queue?: { position: number; expectedWaitMs?: number }): string {
  const ref = request.reference;
  switch (request.status) {
    case 'en_attente':
      return queue
        ? `Votre demande ${ref} est en attente : vous êtes en ${ordinal(queue.position)} position${queue.expectedWaitMs === undefined ? '' : `, attente estimée : ${roughWait(queue.expectedWaitMs)}`}.`
        : `Votre demande ${ref} est en attente d’un conseiller.`;
    case 'en_cours':
      return request.kind === 'live'
        ? `Votre demande ${ref} est en cours : ${request.advisor?.firstName ?? 'un conseiller'} échange avec vous.`
        : `Votre demande ${ref} est prise en charge par ${request.advisor?.firstName ?? 'un conseiller'}, qui va vous recontacter.`;
    case 'rappel':
      return request.callbackLabel
        ? `Votre demande ${ref} est enregistrée : un conseiller vous recontactera à partir du ${request.callbackLabel}.`
        : `Votre demande ${ref} est enregistrée : un conseiller vous recontactera dès que possible.`;
    case 'rappele':
      return `Un conseiller vous a recontacté au sujet de votre demande ${ref}.`;
    case 'clos':
      return `Votre demande ${ref} est close. Vous pouvez en faire une nouvelle à tout moment.`;
  }
}

/** The user's latest request with its queue position, or undefined when they never asked. */
export async function statusFor(service: HandoffService, subject: string): Promise<RequestStatus | undefined> {
  const request = await service.latestFor(subject);
  if (!request) return undefined;
  const queue = service.positionOf(request);
  return {
    request,
    ...(queue ? { position: queue.position, ...(queue.expectedWaitMs === undefined ? {} : { expectedWaitMs: queue.expectedWaitMs }) } : {}),
    text: describeStatus(request, queue),
  };
}

export function handoffPrivacySource(service: HandoffService, retentionDays: number): PersonalDataSource {
  return {
    name: 'handoffs',
    description: 'Vos demandes de mise en relation avec un conseiller CCI : coordonnées, motif, contexte transmis et échanges',
    async export(subject) {
      return service.allFor(subject);
    },
    async erase(subject) {
      const requests = await service.allFor(subject);
      for (const r of requests) {
        if (r.status === 'en_attente' || r.status === 'en_cours') service.events.emit({ type: 'request.ended', request: r, by: 'erased' });
      }
      return service.remove(requests.map((r) => r.id));
    },
    async purge(now) {
      const old = await service.olderThan(new Date(now.getTime() - retentionDays * 86_400_000));
      return service.remove(old.map((r) => r.id));
    },
  };
}
