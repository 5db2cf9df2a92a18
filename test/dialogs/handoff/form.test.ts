// The handoff form's slot walker without a server: the order of the questions, what a kept contact
// skips, what one message fills, both ways to call back skipped, and a reprompt.
import { keptContactForm, readContact } from '../../../dialogs/handoff/contact-form.js';
import { nextQuestion, type FormQuestions, type HandoffState } from '../../../dialogs/handoff/form.js';
import { h } from '../../../dialogs/handoff/messages.js';
import type { Contact } from '../../../src/handoff/types.js';
import type { Phrases } from '../../../src/nlu/index.js';

const questions: FormQuestions = {
  consent: async () => ({ text: 'consent?', buttons: [h.yes, h.no] }),
  summary: async () => ({ text: 'summary?' }),
};
const phrases = { command: () => undefined } as unknown as Phrases;

function newState(kept: Contact = {}, more: Partial<HandoffState> = {}): HandoffState {
  return { step: 'consent', trigger: 'demande', mode: 'callback', ...keptContactForm(kept), ...more };
}

/** Walks the form, answering each asked step from `answers` (a step's answer in turn); returns the steps asked. */
async function walk(state: HandoffState, answers: Record<string, string[]>): Promise<string[]> {
  const steps: string[] = [];
  for (let i = 0; i < 20; i++) {
    await nextQuestion(state, questions);
    steps.push(state.step);
    const answer = answers[state.step]?.shift();
    if (state.step === 'summary' || answer === undefined) return steps;
    if (state.step === 'consent') state.consentAt = '2025-11-24T09:00:00.000Z';
    else if (state.step === 'departement') state.departement = answer;
    else if (state.step === 'reason') state.reason = answer;
    else if (state.step !== 'waiting') expect(readContact(state, state.step, answer, phrases)).toBeUndefined();
  }
  throw new Error(`the form did not end: ${steps.join(' → ')}`);
}

describe('handoff form walker', () => {
  it('asks consent, name, company, e-mail, phone, département, reason, then shows the summary', async () => {
    const state = newState();
    const steps = await walk(state, {
      consent: ['oui'],
      name: ['Marie Dupont'],
      company: ['Boulangerie Dupont'],
      email: ['marie@exemple.fr'],
      phone: ['06 12 34 56 78'],
      departement: ['33'],
      reason: ['Vendre en ligne'],
    });
    expect(steps).toEqual(['consent', 'name', 'company', 'email', 'phone', 'departement', 'reason', 'summary']);
    expect(state.contact).toEqual({
      name: 'Marie Dupont',
      company: 'Boulangerie Dupont',
      email: 'marie@exemple.fr',
      phone: '06 12 34 56 78',
    });
  });

  it('skips a kept contact with one way to call back, and a known département and reason', async () => {
    const steps = await walk(
      newState({ name: 'Paul Martin', company: 'Garage Martin', phone: '05 56 00 00 00' }, { departement: '33', reason: 'Un devis' }),
      { consent: ['oui'] },
    );
    expect(steps).toEqual(['consent', 'summary']);
    // An incomplete kept contact is completed, from its first missing slot.
    expect(await walk(newState({ name: 'Paul Martin' }), { consent: ['oui'] })).toEqual(['consent', 'company']);
  });

  it('takes several fields from one message and asks only what is missing', async () => {
    const state = newState({}, { consentAt: 'x' });
    await nextQuestion(state, questions);
    expect(readContact(state, 'name', 'Jean Dupont, jean@exemple.fr, 06 12 34 56 78', phrases)).toBeUndefined();
    expect((await nextQuestion(state, questions)).text).toBe(h.askCompany);
    expect(await walk(state, { company: ['Garage'] })).toEqual(['company', 'departement']);
  });

  it('both ways to call back skipped: asks again for one, e-mail then phone (required)', async () => {
    const state = newState({ name: 'Marie Dupont', company: 'Boulangerie' }, { consentAt: 'x' });
    expect(await nextQuestion(state, questions)).toEqual({ text: h.askEmail, buttons: [h.skip] });
    readContact(state, 'email', 'passer', phrases);
    expect(await nextQuestion(state, questions)).toEqual({ text: h.askPhone(true), buttons: undefined });
    readContact(state, 'phone', 'passer', phrases);
    expect(await nextQuestion(state, questions)).toEqual({ text: `${h.needOneWay} ${h.askEmail}`, buttons: [h.skip] });
    readContact(state, 'email', 'passer', phrases);
    expect(state.step).toBe('email');
    expect(await nextQuestion(state, questions)).toEqual({ text: h.askPhone(true), buttons: undefined });
    expect(state.step).toBe('phone');
  });

  it('reprompts consent with the short question, other slots with their question', async () => {
    const state = newState();
    expect((await nextQuestion(state, questions, true)).text).toBe(h.consentAgain);
    state.consentAt = 'x';
    expect((await nextQuestion(state, questions, true)).text).toBe(h.askName);
  });
});
