// Hole 8 of issue 11 (erasure confirmation): « supprimer mes données » in the web chat erased the
// transcript and closed the stream first, so the confirmation never reached the person (the log said
// « Conversation introuvable »). Now the bot confirms, then erases the conversation itself. Through
// the real built-in Direct Line with Microsoft's client on the WebSocket stream, as the web chat page,
// and polling (the confirmation of an erased conversation stays a minute in memory for polling clients).
import { startVirage, type Running } from '../helpers/virage.js';
import { openChat } from './chat.js';

describe('erasure is confirmed in the web chat, then the data is gone (hole 8)', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  it('the person receives « C’est fait » and nothing is left of them afterwards', async () => {
    const chat = await openChat(app.url, { webSocket: true });
    try {
      await chat.waitText(0, /Que souhaitez-vous faire/);
      await chat.say('Faire mon diagnostic numérique', /Question 1\/\d+/);
      await chat.say('1 à 4 salariés', /Question 2\/\d+/);
      const before = await app.virage.privacy.exportFor(chat.subject);
      expect(before.sources.filter((s) => s.data !== null && !(Array.isArray(s.data) && s.data.length === 0)).map((s) => s.name)).toEqual(
        expect.arrayContaining(['conversation', 'diagnostics', 'transcripts']),
      );
      await chat.say('supprimer mes données', /Voulez-vous vraiment effacer/);
      const confirmed = await chat.say('Oui, tout effacer', /C’est fait : toutes vos données ont été effacées/);
      expect(confirmed).not.toMatch(/n’a pas pu être effacée/);
    } finally {
      chat.end();
    }
    await app.virage.directLine.idle();
    const after = await app.virage.privacy.exportFor(chat.subject);
    for (const source of after.sources) {
      expect({ source: source.name, data: source.data }).toEqual({
        source: source.name,
        data: Array.isArray(source.data) ? [] : null,
      });
    }
    // The conversation itself is gone: no history is kept for it.
    expect(await app.virage.directLine.history(chat.conversationId)).toEqual([]);
  });

  it('a polling client gets the confirmation too (kept in memory only), and the data is gone', async () => {
    const chat = await openChat(app.url); // polling, as Web Chat without WebSocket
    try {
      await chat.waitText(0, /Que souhaitez-vous faire/);
      await chat.say('Poser une question', /Quelle est votre question/);
      await chat.say('supprimer mes données', /Voulez-vous vraiment effacer/);
      await chat.say('Oui, tout effacer', /C’est fait : toutes vos données ont été effacées/);
    } finally {
      chat.end();
    }
    // The conversation itself is erased just after the confirmation is sent (dialogs/erase.ts, 'after-reply'):
    // wait for the bot's turn to end, as the WebSocket test does, before looking.
    await app.virage.directLine.idle();
    expect(await app.virage.directLine.history(chat.conversationId)).toEqual([]);
    const after = await app.virage.privacy.exportFor(chat.subject);
    expect(after.sources.filter((s) => s.data !== null && !(Array.isArray(s.data) && s.data.length === 0)).map((s) => s.name)).toEqual([]);
  });
});
