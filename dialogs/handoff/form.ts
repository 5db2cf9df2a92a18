// The handoff form as a list of slots, in the order they are asked: consent, the contact slots, the
// département, the reason, then the summary to confirm. One walker picks the first missing slot; the
// dialog reads the answer of the step it asked and walks again. Nothing else decides the order.
import type { Contact } from '../../src/handoff/types.js';
import { CONTACT_SLOTS, type ContactForm, type ContactStep, type Question, type Slot } from './contact-form.js';
import { h } from './messages.js';

export type FormStep = 'consent' | ContactStep | 'departement' | 'reason' | 'summary';
export type Step = FormStep | 'waiting';

export interface HandoffState extends ContactForm {
  step: Step;
  trigger: string;
  mode: 'live' | 'callback';
  contact: Contact;
  departement?: string;
  reason?: string;
  consentAt?: string;
  requestId?: string;
}

/** The questions that need the service (the CCI, the plan, the last diagnostic): the dialog gives them. */
export interface FormQuestions {
  consent(state: HandoffState): Promise<Question>;
  summary(state: HandoffState): Promise<Question>;
}

interface FormSlot {
  step: FormStep;
  missing(state: HandoffState): boolean;
  question(state: HandoffState, questions: FormQuestions): Question | Promise<Question>;
  /** Asked again after an answer that was not understood, when it differs from the first asking. */
  again?(state: HandoffState): Question;
}

const contactSlot = (slot: Slot<ContactForm, ContactStep>): FormSlot => ({
  step: slot.step,
  missing: slot.missing,
  question: slot.question,
});

export const HANDOFF_FORM: readonly FormSlot[] = [
  {
    step: 'consent',
    missing: (s) => !s.consentAt,
    question: (s, q) => q.consent(s),
    again: () => ({ text: h.consentAgain, buttons: [h.yes, h.no] }),
  },
  ...CONTACT_SLOTS.map(contactSlot),
  { step: 'departement', missing: (s) => !s.departement, question: () => ({ text: h.askDepartement }) },
  { step: 'reason', missing: (s) => !s.reason, question: () => ({ text: h.askReason }) },
  // Always « missing »: the form ends when the person confirms (or cancels) the summary.
  { step: 'summary', missing: () => true, question: (s, q) => q.summary(s) },
];

/** The walker: the first missing slot becomes the current step; returns its question. */
export async function nextQuestion(state: HandoffState, questions: FormQuestions, again = false): Promise<Question> {
  const slot = HANDOFF_FORM.find((s) => s.missing(state))!;
  state.step = slot.step;
  return (again && slot.again?.(state)) || slot.question(state, questions);
}
