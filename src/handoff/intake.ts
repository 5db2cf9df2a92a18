// A new handoff request from what the user gave and the plan decided for it (live, or a callback and
// why): validated and cleaned, ready to store. Kept apart so that service.ts stays about transitions.
import type { HandoffPlan } from './availability.js';
import { checkText, cleanContact, cleanContext, HandoffError, newRequestId } from './requests.js';
import type { NewRequest } from './service-types.js';
import type { Cci, HandoffRequest } from './types.js';

export function newHandoffRequest(input: NewRequest, cci: Cci, plan: HandoffPlan, now: Date, reference: string): HandoffRequest {
  const consentAt = input.consentAt instanceof Date ? input.consentAt.toISOString() : String(input.consentAt);
  if (!input.subject || Number.isNaN(Date.parse(consentAt)))
    throw new HandoffError('BadArgument', 'Demande incomplète : sujet ou consentement manquant.');
  return {
    id: newRequestId(),
    reference,
    subject: input.subject,
    channelId: input.channelId,
    conversation: input.conversation ?? null,
    cciId: cci.id,
    kind: plan.live ? 'live' : 'callback',
    status: plan.live ? 'en_attente' : 'rappel',
    contact: cleanContact(input.contact),
    ...(input.departement ? { departement: input.departement.trim().slice(0, 3) } : {}),
    reason: checkText(input.reason, 'Le motif'),
    consentAt,
    context: cleanContext(input.context),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...(plan.live
      ? {}
      : { callbackWhy: plan.why, ...(plan.from ? { callbackAt: plan.from.at.toISOString(), callbackLabel: plan.from.label } : {}) }),
    messages: [],
    notes: [],
  };
}
