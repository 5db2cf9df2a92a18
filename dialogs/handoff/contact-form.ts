// The contact part of the handoff form, as slots: name, company, e-mail, phone (one of the last two is
// enough). One message may fill several (« Jean Dupont, jean@exemple.fr, 06 12 34 56 78 »); only what is
// missing is asked, in one place.
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

/** The next question of the form, or undefined when the contact is complete. */
export function nextContactQuestion(form: ContactForm): { step: ContactStep; text: string; buttons?: string[] } | undefined {
  const c = form.contact;
  const asked = (form.asked ??= {});
  if (!c.name) return { step: 'name', text: h.askName };
  if (!c.company) return { step: 'company', text: h.askCompany };
  if (!c.email && !c.phone && asked.email && asked.phone) {
    form.asked = {};
    return { step: 'email', text: `${h.needOneWay} ${h.askEmail}`, buttons: [h.skip] };
  }
  if (!c.email && !asked.email) return { step: 'email', text: h.askEmail, buttons: [h.skip] };
  if (!c.phone && !asked.phone) return { step: 'phone', text: h.askPhone(!c.email), buttons: c.email ? [h.skip] : undefined };
  return undefined;
}

/** Reads the answer to `step` (and whatever else the message gives); a reprompt when it is not valid. */
export function readContact(form: ContactForm, step: ContactStep, text: string, phrases: Phrases): { reprompt: string; buttons?: string[] } | undefined {
  const c = form.contact;
  const asked = (form.asked ??= {});
  const parts = parseContactParts(text);
  if (parts.names.length + (parts.email ? 1 : 0) + (parts.phone ? 1 : 0) >= 2) {
    const names = [...parts.names];
    if (step === 'name' || !c.name) c.name = names.shift() ?? c.name;
    if (step === 'company' || !c.company) c.company = names.shift() ?? c.company;
    if (parts.email) [c.email, asked.email] = [parts.email, true];
    if (parts.phone) [c.phone, asked.phone] = [parts.phone, true];
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
    asked[step] = true;
    return undefined;
  }
  const checked = step === 'email' ? checkEmail(text) : checkPhone(text);
  if (!checked.ok) return { reprompt: checked.reprompt, buttons: step === 'email' || c.email ? [h.skip] : undefined };
  c[step] = checked.value;
  asked[step] = true;
  return undefined;
}
