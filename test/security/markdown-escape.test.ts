// Hole 8 of issue 11 (markdown): text a person typed (a name, a reason) was put into the bot's markdown
// unescaped, so links and images rendered inside Virage's own bubble. One helper (src/markdown.ts)
// escapes user text wherever it enters a bot message. Through the real built-in Direct Line, the
// handoff summary that says back the name and the reason; the message is rendered with a real
// markdown renderer (marked, as Web Chat renders markdown) to prove no link or image comes out.
import { marked } from 'marked';
import { escapeMarkdown } from '../../src/markdown.js';
import { startVirage, type Running } from '../helpers/virage.js';
import { openChat } from './chat.js';

const NAME = '[x](https://evil.example/phish)';
const REASON = '![i](http://127.0.0.1:9/pixel.png) vendre en ligne **vite** sur www.evil.example';

describe('user text never becomes markdown in the bot’s bubble (hole 8)', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  it('the handoff summary says back a name and a reason full of markdown as plain text', async () => {
    const chat = await openChat(app.url);
    let summary: string;
    try {
      await chat.waitText(0, /Que souhaitez-vous faire/);
      await chat.say('Parler à un conseiller', /Oui, d’accord|accord/i);
      await chat.say('Oui, d’accord', /votre nom/);
      await chat.say(NAME, /entreprise/);
      await chat.say('Boulangerie Test', /e-mail/);
      await chat.say('jean@boulangerie-test.fr', /téléphone/);
      await chat.say('06 12 34 56 78', /département/);
      await chat.say('33', /sujet/);
      const from = chat.botTexts().length;
      await chat.say(REASON, /C’est bien ça/);
      summary = chat
        .botTexts()
        .slice(from)
        .find((t) => /C’est bien ça/.test(t))!;
    } finally {
      chat.end();
    }
    expect(summary).toContain(escapeMarkdown(NAME));
    expect(summary).toContain(escapeMarkdown(REASON));
    expect(summary).not.toContain(NAME);
    expect(summary).not.toContain('![i](');
    const html = await marked.parse(summary, { gfm: true });
    expect(html).not.toMatch(/<a (?!href="mailto:jean@boulangerie-test\.fr")|<img\b|<strong>/);
    expect(html).toContain('[x](https://evil.example/phish)');
    expect(html).toContain('![i](http://127.0.0.1:9/pixel.png) vendre en ligne **vite** sur www.evil.example');
  });
});
