// Hole 3 of issue 11: the channel key was in « mes données ». A handoff request's stored conversation
// reference went into the export with its serviceUrl (`/directline-channel/<key>/`); with that key
// anyone can post as Virage into, or delete activities from, any conversation whose id they know.
// Exports now list fields per source (src/privacy/export-fields.ts), applied by the privacy registry.
// A real web-chat user talks to a real Virage through the built-in Direct Line (question, diagnostic),
// a handoff request is seeded with the real conversation reference, and every registered source must
// give out the person's data and none of its internals, in the file the « mes données » link downloads.
import { BotStorage } from '../../src/storage/bot-storage.js';
import { startVirage, type Running } from '../helpers/virage.js';
import { openChat, type Chat } from './chat.js';

const NAME = 'Jean Testard';
const EMAIL = 'jean.testard@boulangerie-testard.fr';

describe('« mes données » gives out fields per source, never internals (hole 3)', () => {
  let app: Running;
  let chat: Chat;
  let key: string;
  let requestId: string;
  let exported: string;
  let exportedSources: string;
  let sources: Record<string, any>;

  beforeAll(async () => {
    app = await startVirage();
    chat = await openChat(app.url);
    await chat.waitText(0, /Que souhaitez-vous faire/);
    // kb-questions: a question the guides cannot answer, with a name in it.
    await chat.say('Poser une question', /Quelle est votre question/);
    await chat.say(`Je suis ${NAME}, comment dresser un lama de compagnie ?`, /pas de réponse fiable/);
    // diagnostics: two answers.
    await chat.say('Faire mon diagnostic numérique', /Question 1\/\d+/);
    await chat.say('1 à 4 salariés', /Question 2\/\d+/);
    await chat.say('pause', /enregistré/);
    await app.virage.directLine.idle();
    // handoffs: a request holding the conversation reference the relay needs (with the channel key).
    const serviceUrl = app.virage.directLine.serviceUrl();
    key = /\/directline-channel\/([^/]+)/.exec(serviceUrl)![1];
    expect(key.length).toBeGreaterThanOrEqual(16);
    const { request } = await app.virage.handoff.service.create({
      subject: chat.subject,
      channelId: 'directline',
      conversation: {
        activityId: 'a-1',
        user: { id: chat.userId, role: 'user' },
        bot: { id: 'virage', name: 'Virage', role: 'bot' },
        conversation: { id: chat.conversationId },
        channelId: 'directline',
        locale: 'fr-FR',
        serviceUrl: `${serviceUrl}/`,
      },
      departement: '33',
      contact: { name: NAME, company: 'Boulangerie Testard', email: EMAIL, phone: '06 12 34 56 78' },
      reason: 'Vendre mes pains en ligne',
      consentAt: new Date(),
      context: { transcript: [{ from: 'user', text: 'bonjour', at: new Date().toISOString() }], profile: { Secteur: 'Boulangerie' } },
      mode: 'callback',
    });
    requestId = request.id;
    // handoff-contact: the contact kept for the next request, in the user's bot state.
    const storage = new BotStorage(app.virage.store.collection('botstate'));
    const userKey = `directline/users/${chat.userId}/`;
    const current = (await storage.read([userKey]))[userKey] ?? {};
    await storage.write({ [userKey]: { ...current, handoffContact: { name: NAME, email: EMAIL, departement: '33' }, eTag: '*' } });

    // follow-up: the consent to be reminded in 6 months.
    await app.virage.followUp.consents.consent(chat.subject, 'directline', EMAIL);

    // The download the person gets: the link of the « mes données » card, fetched like a browser.
    await chat.say('mes données', /Voici ce que je conserve/);
    const card = chat.received.filter((a: any) => a.from?.role === 'bot' && a.attachments?.length).pop() as any;
    const link = String(card.attachments[0].content.buttons[0].value);
    expect(link).toMatch(/\/mes-donnees\//);
    const res = await fetch(link.replace(/^https?:\/\/[^/]+/, app.url));
    expect(res.status).toBe(200);
    exported = await res.text();
    const data = JSON.parse(exported) as { subject: string; sources: Array<{ name: string; data: unknown }> };
    expect(data.subject).toBe(chat.subject);
    exportedSources = JSON.stringify(data.sources);
    sources = Object.fromEntries(data.sources.map((s) => [s.name, s.data]));
  }, 90_000);
  afterAll(async () => {
    chat?.end();
    await app?.stop();
  });

  it('never gives out the channel key, a serviceUrl or a conversation reference', () => {
    expect(exported).not.toContain(key);
    expect(exported).not.toMatch(/serviceUrl/i);
    expect(exported).not.toContain('directline-channel');
    expect(sources.handoffs).toHaveLength(1);
    expect(Object.keys(sources.handoffs[0])).not.toEqual(expect.arrayContaining(['conversation']));
  });

  it('never gives out internal fields: ids, subjects, storage keys, dialog stacks, routing, logins, hashes', () => {
    for (const internal of [
      requestId,
      '"subject"',
      '"subjects"',
      '"cciId"',
      '"login"',
      'dialogState',
      'dialogStack',
      'eTag',
      'recipient',
      'channelData',
      'replyToId',
      'queryHash',
      'bestConfidence',
      `directline/users/`,
    ]) {
      expect({ internal, found: exportedSources.includes(internal) }).toEqual({ internal, found: false });
    }
  });

  it('gives out every registered source, each with the person’s own data', () => {
    // A source registered without a case here fails this test: add it to the list and to its checks.
    expect(Object.keys(sources).sort()).toEqual([
      'conversation',
      'diagnostics',
      'follow-up',
      'handoff-contact',
      'handoffs',
      'kb-questions',
      'transcripts',
    ]);
    expect(Object.keys(sources['follow-up']).sort()).toEqual(['channel', 'consentAt', 'dueAt', 'email']);
    expect(sources['follow-up']).toMatchObject({ channel: 'directline', email: EMAIL });
    expect(sources.conversation).toMatchObject({ channel: 'directline', conversations: [{ id: chat.conversationId, recentMessages: [] }] });
    expect(sources.diagnostics.runs.current.answers.profil_effectif).toEqual({ type: 'size', value: '1-4' });
    expect(sources['handoff-contact']).toEqual({ name: NAME, email: EMAIL, departement: '33' });
    expect(sources.handoffs[0]).toMatchObject({
      reference: expect.stringMatching(/^VIR-/),
      reason: 'Vendre mes pains en ligne',
      contact: { email: EMAIL },
    });
    expect(sources['kb-questions'].questions).toEqual([
      expect.objectContaining({ query: `Je suis ${NAME}, comment dresser un lama de compagnie ?`, kind: 'unanswered' }),
    ]);
    const said = sources.transcripts.flatMap((t: any) => t.activities.filter((a: any) => a.from?.role === 'user').map((a: any) => a.text));
    expect(said).toEqual(expect.arrayContaining(['Poser une question', '1 à 4 salariés']));
  });
});
