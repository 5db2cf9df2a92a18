// The contact part of the handoff form, as slots: name, company, e-mail, phone (one of the last two is
// enough). One message may fill several (« Jean Dupont, jean@exemple.fr, 06 12 34 56 78 »); only what is
// missing is asked (the order: dialogs/handoff/form.ts walks these slots with the others).
import { checkEmail, checkName, checkPhone, parseContactParts } from '../../src/handoff/contact.js';
import type { Contact } from '../../src/handoff/types.js';
import { fold, type Phrases } from '../../src/nlu/index.js';
import { h } from './messages.js';

export type ContactStep = 'name' | 'company' | 'email' | 'phone';

export interface ContactForm {
  contact: Contact;
  /** Fields already asked (answered or skipped). */
  asked?: { email?: boolean; phone?: boolean };
}

const SKIP = /^(passer|je passe|non|pas de (mail|e-mail|email|telephone|numero)|aucun)\b/;

/** A question of the form: its text and suggested buttons. */
export interface Question {
  text: string;
  buttons?: string[];
}

/** A slot of a form: missing while it must be asked, with its question (may read the form, never decides order). */
export interface Slot<Form, Step extends string> {
  step: Step;
  missing(form: Form): boolean;
  question(form: Form): Question;
}

const asked = (form: ContactForm) => (form.asked ??= {});
/** E-mail and phone both asked and neither given: one way to call back is needed. */
const noWayBack = (form: ContactForm) => !form.contact.email && !form.contact.phone && Boolean(asked(form).email && asked(form).phone);

/** The contact slots, in the order they are asked. */
export const CONTACT_SLOTS: readonly Slot<ContactForm, ContactStep>[] = [
  { step: 'name', missing: (f) => !f.contact.name, question: () => ({ text: h.askName }) },
  { step: 'company', missing: (f) => !f.contact.company, question: () => ({ text: h.askCompany }) },
  {
    step: 'email',
    missing: (f) => !f.contact.email && (!asked(f).email || noWayBack(f)),
    question: (f) => {
      if (!noWayBack(f)) return { text: h.askEmail, buttons: [h.skip] };
      f.asked = {}; // both skipped: asked again, e-mail then phone
      return { text: `${h.needOneWay} ${h.askEmail}`, buttons: [h.skip] };
    },
  },
  {
    step: 'phone',
    missing: (f) => !f.contact.phone && !asked(f).phone,
    question: (f) => ({ text: h.askPhone(!f.contact.email), buttons: f.contact.email ? [h.skip] : undefined }),
  },
];

/** A contact kept from a previous request is complete with a name, a company and one way to call back. */
export function keptContactForm(contact: Contact): ContactForm {
  const complete = Boolean(contact.name && contact.company && (contact.email || contact.phone));
  return { contact, asked: complete ? { email: true, phone: true } : {} };
}

/** Reads the answer to `step` (and whatever else the message gives); a reprompt when it is not valid. */
export function readContact(
  form: ContactForm,
  step: ContactStep,
  text: string,
  phrases: Phrases,
): { reprompt: string; buttons?: string[] } | undefined {
  const c = form.contact;
  const done = asked(form);
  const parts = parseContactParts(text);
  if (parts.names.length + (parts.email ? 1 : 0) + (parts.phone ? 1 : 0) >= 2) {
    const names = [...parts.names];
    if (step === 'name' || !c.name) c.name = names.shift() ?? c.name;
    if (step === 'company' || !c.company) c.company = names.shift() ?? c.company;
    if (parts.email) [c.email, done.email] = [parts.email, true];
    if (parts.phone) [c.phone, done.phone] = [parts.phone, true];
    return undefined;
  }
  if (step === 'name' || step === 'company') {
    const checked = checkName(text, step === 'name' ? 'nom' : 'entreprise');
    if (!checked.ok) return { reprompt: checked.reprompt };
    c[step] = checked.value;
    return undefined;
  }
  if (SKIP.test(fold(text).trim()) || phrases.command(text) === 'passer') {
    delete c[step];
    done[step] = true;
    return undefined;
  }
  const checked = step === 'email' ? checkEmail(text) : checkPhone(text);
  if (!checked.ok) return { reprompt: checked.reprompt, buttons: step === 'email' || c.email ? [h.skip] : undefined };
  c[step] = checked.value;
  done[step] = true;
  return undefined;
}
