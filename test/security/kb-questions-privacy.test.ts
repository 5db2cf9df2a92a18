// Hole 8 of issue 11 (unanswered questions): the questions kept for curators (unanswered or answered
// with a low confidence) survived erasure with names in them and were missing from « mes données ».
// Now each is linked to the person who asked it: exported, and erased with them (a question somebody
// else asked too stays for the curators, without the erased person's link).
import { KnowledgeFeedback } from '../../src/knowledge/feedback.js';
import { startVirage, type Running } from '../helpers/virage.js';
import { openChat } from './chat.js';

const ASKED = 'Je suis Paulette Vignard de la ferme Vignard, comment dresser un lama de compagnie ?';

describe('questions kept for curators follow their person (hole 8)', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  it('exports the unanswered question with the person’s data, and erases it with them', async () => {
    const chat = await openChat(app.url);
    const other = await openChat(app.url);
    try {
      for (const c of [chat, other]) {
        await c.waitText(0, /Que souhaitez-vous faire/);
        await c.say('Poser une question', /Quelle est votre question/);
      }
      await chat.say(ASKED, /pas de réponse fiable/);
      await other.say('comment tondre un alpaga de compétition ?', /pas de réponse fiable/);
    } finally {
      chat.end();
      other.end();
    }
    const curation = new KnowledgeFeedback(app.virage.store);
    expect((await curation.questionsToCurate()).map((q) => q.query)).toEqual(expect.arrayContaining([ASKED]));

    const mine = (await app.virage.privacy.exportFor(chat.subject)).sources.find((s) => s.name === 'kb-questions');
    expect(mine?.data).toMatchObject({ questions: [{ query: ASKED, kind: 'unanswered' }] });
    expect(JSON.stringify(mine)).not.toContain('alpaga');

    const erased = await app.virage.privacy.eraseFor(chat.subject);
    expect(erased.failed).toEqual([]);
    const left = (await curation.questionsToCurate()).map((q) => q.query);
    expect(left.join('\n')).not.toContain('Vignard');
    expect(left).toContain('comment tondre un alpaga de compétition ?');
    const after = (await app.virage.privacy.exportFor(chat.subject)).sources.find((s) => s.name === 'kb-questions');
    expect(after?.data).toBeNull();
  });
});
