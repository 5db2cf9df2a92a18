// The one markdown-escaping helper for user text in bot messages, checked with a real renderer.
import { marked } from 'marked';
import { escapeMarkdown, unescapeMarkdown } from '../src/markdown.js';
import { plain } from '../src/bot/transcript.js';

const hostile = [
  '[x](https://evil.example)',
  '![i](http://127.0.0.1/p.png)',
  '<img src=x onerror=alert(1)>',
  '**gras** _italique_ `code` ~~barré~~',
  '# titre\n- liste\n1. un',
  'voir https://evil.example ou www.evil.example',
  '| a | b |',
  'C:\\dossier\\[fichier]',
];

describe('escapeMarkdown', () => {
  it.each(hostile)('renders %j as the same text, with no link, image, emphasis or HTML', async (text) => {
    const html = await marked.parse(escapeMarkdown(text), { gfm: true });
    expect(html).not.toMatch(/<(a|img|strong|em|code|del|h1|ul|ol|li|table)\b/);
    const shown = html
      .replace(/<\/?p>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .trim();
    expect(shown).toBe(text.replace(/\s*\n\s*/g, ' '));
  });

  it('leaves ordinary French text as it is, and the advisor’s plain copy gets back what was typed', () => {
    expect(escapeMarkdown('Marie Dupont, Boulangerie Dupont, marie@boulangerie-dupont.fr, 06 12 34 56 78')).toBe(
      'Marie Dupont, Boulangerie Dupont, marie@boulangerie-dupont.fr, 06 12 34 56 78',
    );
    for (const text of hostile.filter((t) => !t.includes('\n'))) expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
    expect(plain(`Votre demande « ${escapeMarkdown('[x](https://evil.example)')} »`)).toBe('Votre demande « [x](https://evil.example) »');
  });
});
