// The follow-up consent store: due date 6 calendar months later, the reminder claimed once, given back
// after a failed send, and the fixed phrases that withdraw it.
import { addMonths, FollowUps, MAX_SEND_ATTEMPTS, type FollowUpConsent } from '../../src/followup/consents.js';
import { reminderMail, sendingHours } from '../../src/followup/reminders.js';
import { createNormalizer, createPhrases } from '../../src/nlu/index.js';
import { content } from '../helpers/content.js';
import { MemoryStore } from '../../src/storage/memory-store.js';

describe('follow-up consents', () => {
  it('are due 6 calendar months later, the last day of a shorter month', () => {
    expect(addMonths(new Date('2026-01-05T09:00:00Z'), 6).toISOString()).toBe('2026-07-05T09:00:00.000Z');
    expect(addMonths(new Date('2026-08-31T10:00:00Z'), 6).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2027-08-31T10:00:00Z'), 6).toISOString()).toBe('2028-02-29T10:00:00.000Z');
  });

  it('claim the e-mail reminder once; a failed send is given back, then given up after a few attempts', async () => {
    let now = new Date('2026-01-05T09:00:00Z');
    const followUps = new FollowUps(new MemoryStore().collection<FollowUpConsent>('follow-ups'), () => now);
    await followUps.consent('s', 'webchat', 'a@exemple.fr');
    expect(await followUps.dueForEmail()).toEqual([]);
    now = new Date('2026-07-06T08:00:00Z');
    expect((await followUps.dueForEmail()).map((c) => c.subject)).toEqual(['s']);
    expect(await followUps.claimReminder('s')).toBe(true);
    expect(await followUps.claimReminder('s')).toBe(false);
    expect(await followUps.dueForEmail()).toEqual([]);
    for (let i = 0; i < MAX_SEND_ATTEMPTS; i++) {
      await followUps.release('s');
      if (i < MAX_SEND_ATTEMPTS - 1) expect(await followUps.claimReminder('s')).toBe(true);
    }
    expect(await followUps.dueForEmail()).toEqual([]);
    // The offer in the chat remains.
    expect(await followUps.offerDue('s')).toMatchObject({ subject: 's', offeredAt: now.toISOString() });
  });

  it('are sent on weekdays in office hours (Paris), with no score in the e-mail', () => {
    expect(sendingHours(new Date('2026-07-06T08:00:00Z'))).toBe(true); // Monday 10:00
    expect(sendingHours(new Date('2026-07-06T05:00:00Z'))).toBe(false); // Monday 7:00
    expect(sendingHours(new Date('2026-07-05T08:00:00Z'))).toBe(false); // Sunday
    const mail = reminderMail(
      { subject: 's', channel: 'webchat', consentAt: '2026-01-05T09:00:00.000Z', dueAt: '', expiresAt: '' },
      'https://virage.cci.fr/',
    );
    expect(mail.text).toContain('Le 5 janvier 2026, vous avez fait votre diagnostic numérique');
    expect(mail.text).toContain('https://virage.cci.fr/');
    expect(mail.text).not.toMatch(/\/100/);
  });

  it('« ne plus me relancer » and its variants are one command, never a mere « non »', () => {
    const phrases = createPhrases(content().nlu.phrases, createNormalizer(content().nlu.chatForms));
    for (const t of [
      'ne plus me relancer',
      'Ne plus me relancer',
      'ne me relancez plus',
      'arrêter les relances',
      'je ne veux plus de relance',
      'stop les rappels svp',
      'me désabonner',
    ]) {
      expect([t, phrases.command(t)]).toEqual([t, 'ne_plus_relancer']);
    }
    for (const t of ['non', 'non merci', 'relancer le diagnostic']) expect([t, phrases.command(t)]).not.toEqual([t, 'ne_plus_relancer']);
  });
});
