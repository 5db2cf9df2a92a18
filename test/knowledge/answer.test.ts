// The answer shown for a guide section: whole when it fits, lists never cut, trimmed at a sentence.
import path from 'node:path';
import { sectionAnswer, markdownSentences } from '../../src/knowledge/answer.js';
import { loadGuides } from '../../src/knowledge/guides.js';
import { knowledgeDir } from '../../src/paths.js';

const guides = loadGuides(path.join(knowledgeDir, 'guides'));
const section = (g: string, s: string) => guides.find((x) => x.id === g)!.sections.find((x) => x.id === s)!;

describe('sectionAnswer', () => {
  it('shows a whole section of our guides, lists as lists (site cost keeps the agency line)', () => {
    const a = sectionAnswer(section('site-vitrine', 'combien-coute-un-site-vitrine'));
    expect(a.complete).toBe(true);
    expect(a.markdown).toMatch(/\n- \*\*Freelance ou petite agence\*\* : souvent entre 1 500 et 5 000 € HT/);
  });

  it('shows every section of every guide whole at the default budget', () => {
    const cut = guides.flatMap((g) => g.sections.filter((s) => !sectionAnswer(s).complete).map((s) => `${g.id}#${s.id}`));
    expect(cut).toEqual([]);
  });

  it('never cuts a list: stops before it, with its introducing sentence', () => {
    const text = 'Premier paragraphe assez long pour compter. Deuxième phrase.\n\nVoici la liste :\n\n- un\n- deux\n- trois';
    const a = sectionAnswer({ text }, 70);
    expect(a).toEqual({ markdown: 'Premier paragraphe assez long pour compter. Deuxième phrase.', complete: false });
  });

  it('keeps an opening list whole even over the budget', () => {
    const text = 'Les étapes :\n\n1. Isolez les appareils.\n2. Ne payez pas.\n3. Gardez les preuves.\n\nEnsuite, faites-vous aider.';
    const a = sectionAnswer({ text }, 30);
    expect(a.markdown).toBe('Les étapes :\n\n1. Isolez les appareils.\n2. Ne payez pas.\n3. Gardez les preuves.');
    expect(a.complete).toBe(false);
  });

  it('trims a paragraph at a sentence boundary', () => {
    const text = 'Une phrase courte. Une deuxième phrase plus longue que la première. Une troisième.';
    expect(sectionAnswer({ text }, 40)).toEqual({ markdown: 'Une phrase courte.', complete: false });
    expect(markdownSentences('Le prix : 1 500 €. **Attention** au devis.')).toEqual(['Le prix : 1 500 €.', '**Attention** au devis.']);
  });
});
