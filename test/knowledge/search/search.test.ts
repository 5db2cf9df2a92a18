import path from 'node:path';
import { loadGuides } from '../../../src/knowledge/guides.js';
import { boundedEditDistance, Vocabulary } from '../../../src/knowledge/search/fuzzy.js';
import { createKnowledgeBase } from '../../../src/knowledge/search/index.js';
import { QueryRewriter } from '../../../src/knowledge/search/synonyms.js';
import { excerpt, plainText, words } from '../../../src/knowledge/search/text.js';
import { confidence } from '../../../src/knowledge/search/confidence.js';
import { projectRoot } from '../../../src/paths.js';

const fixtures = path.join(projectRoot, 'test', 'fixtures', 'kb-guides');
const guides = loadGuides(fixtures);
const synonyms = {
  expansions: { cm: 'community manager', 'site web': 'site internet web', mdp: 'mot de passe' },
  ignoredWords: ['comment', 'quoi', 'bonjour', 'faut'],
};
const kb = createKnowledgeBase(guides, { synonyms });

describe('text analysis', () => {
  it('folds accents, drops stop words and keeps hyphenated words whole and in parts', () => {
    expect(words('Le e-commerce coûte cher').map((w) => w.surface)).toEqual(['ecommerce', 'commerce', 'coute', 'cher']);
  });
  it('turns Markdown into plain text', () => {
    expect(plainText('## Titre\n- **gras** et [lien](https://x.fr)\n| a | b |')).toBe('Titre gras et lien a b');
  });
  it('picks the sentences holding the query terms for the excerpt', () => {
    const text = 'Premier point sans rapport. Le CPF finance la formation. Autre chose encore.';
    expect(excerpt(text, new Set(words('cpf').map((w) => w.stem)), 40)).toBe('Le CPF finance la formation.');
  });
});

describe('query rewriting', () => {
  it('replaces abbreviations and multi-word expressions, longest first', () => {
    const r = new QueryRewriter(synonyms);
    expect(r.rewrite('Un CM pour mon site web ?')).toBe('un community manager pour mon site internet web');
    expect(r.ignored.has('comment')).toBe(true);
  });
  it('rewrites the chat forms under the domain expansions, and leaves an ignored word as typed', () => {
    const r = new QueryRewriter(synonyms, { bcp: 'beaucoup', mdp: 'mots de passe', quoi: 'que', ptdr: '' });
    expect(r.rewrite('bcp de mdp ptdr')).toBe('beaucoup de mot de passe');
    expect(r.rewrite('quoi')).toBe('quoi');
  });
});

describe('typo tolerance', () => {
  it('computes a bounded edit distance with transpositions', () => {
    expect(boundedEditDistance('formation', 'fromation', 2)).toBe(1);
    expect(boundedEditDistance('subvension', 'subvention', 1)).toBe(1);
    expect(boundedEditDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });
  it('corrects only words of 5 letters or more, with the right first letter', () => {
    const v = new Vocabulary();
    for (const w of ['sauvegarde', 'salaries', 'hebergement', 'site']) v.add(w);
    v.seal();
    expect(v.correct('sauvgarde')).toBe('sauvegarde');
    expect(v.correct('hebergment')).toBe('hebergement');
    expect(v.correct('sitte')).toBeNull(); // « site » has 4 letters: never a correction target
    expect(v.correct('calories')).toBeNull(); // first letter differs from « salaries »
  });
});

describe('createKnowledgeBase', () => {
  it('indexes every section as a passage', () => {
    expect(kb.stats.guides).toBe(3);
    expect(kb.stats.passages).toBe(guides.reduce((n, g) => n + g.sections.length, 0));
    expect(kb.list().map((g) => g.url)).toContain('/guides/site-vitrine');
    expect(kb.guide('cybersecurite')?.title).toBe('Les bases de la cybersécurité');
    expect(kb.guide('inconnu')).toBeUndefined();
  });

  it('finds the right guide and section, one result per guide', () => {
    const r = kb.search('combien coute un site vitrine ?');
    expect(r.answered).toBe(true);
    expect(r.results[0]).toMatchObject({ guideId: 'site-vitrine', sectionId: 'combien-coute-un-site-vitrine', url: '/guides/site-vitrine' });
    expect(new Set(r.results.map((x) => x.guideId)).size).toBe(r.results.length);
    expect(r.results[0]!.excerpt).toMatch(/prix|€/);
  });

  it('understands chat style: no accents, typos, abbreviations', () => {
    expect(kb.search('c quoi le hameconnage')).toMatchObject({ answered: true, results: [{ guideId: 'cybersecurite' }] });
    const typo = kb.search('prise en charge de ma fromation par l agefice');
    expect(typo.results[0]!.guideId).toBe('financer-formation');
    expect(typo.understood.corrected).toContainEqual({ from: 'fromation', to: 'formation' });
    expect(kb.search('changer mon mdp').results[0]!.guideId).toBe('cybersecurite');
  });

  it('rejects off-topic questions and questions without any known word', () => {
    for (const q of ['quelle est la météo à Lyon', 'recette de la blanquette', 'qui a gagné le match', 'bonjour', '!!!']) {
      const r = kb.search(q);
      expect({ q, answered: r.answered }).toEqual({ q, answered: false });
    }
  });

  it('keeps confidence in [0, 1] and ordered results by score', () => {
    const r = kb.search('formation sauvegarde site', { top: 10 });
    for (const x of r.results) {
      expect(x.confidence).toBeGreaterThanOrEqual(0);
      expect(x.confidence).toBeLessThanOrEqual(1);
    }
    const scores = r.results.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('honours top (1 to 10) and the threshold option', () => {
    expect(kb.search('site formation sauvegarde', { top: 1 }).results).toHaveLength(1);
    expect(kb.search('site formation sauvegarde', { top: 99 }).results.length).toBeLessThanOrEqual(10);
    const strict = createKnowledgeBase(guides, { synonyms, threshold: 1.5 }); // above 1 / 0.75: not even a clear lead reaches it
    expect(strict.search('combien coute un site vitrine').answered).toBe(false);
  });

  it('answers below the threshold only with a clear lead over the next guide', () => {
    // Clear lead (the next guide far behind): three quarters of the threshold is enough, less is not.
    const clear = kb.search('combien coute un site vitrine');
    const c = clear.results[0]!.confidence;
    expect(clear.results[0]!.signals.lead).toBeGreaterThanOrEqual(0.25);
    expect(createKnowledgeBase(guides, { synonyms, threshold: c / 0.8 }).search('combien coute un site vitrine').answered).toBe(true);
    expect(createKnowledgeBase(guides, { synonyms, threshold: c / 0.7 }).search('combien coute un site vitrine').answered).toBe(false);
    expect(createKnowledgeBase(guides, { synonyms, threshold: c / 0.8, clearLead: 2 }).search('combien coute un site vitrine').answered).toBe(false);
    // Two guides close together: below the threshold it stays unanswered.
    for (const q of ['sauvegarde formation', 'site internet pour ma formation']) {
      const first = kb.search(q).results[0]!;
      expect(first.signals.lead).toBeLessThan(0.25);
      expect({ q, answered: createKnowledgeBase(guides, { synonyms, threshold: first.confidence / 0.9 }).search(q).answered }).toEqual({ q, answered: false });
    }
  });

  it('answers a near tie and offers the second guide beside the answer', () => {
    const r = kb.search('sauvegarde formation', { top: 3 });
    const close = createKnowledgeBase(guides, { synonyms, clarifyRatio: 0, threshold: 0 }).search('sauvegarde formation');
    expect(close.answered).toBe(true);
    expect(close.alsoSee?.guideId).toBe(close.results[1]?.guideId);
    expect(close.alsoSee?.guideId).not.toBe(close.results[0]?.guideId);
    const never = createKnowledgeBase(guides, { synonyms, clarifyRatio: 1.01 }).search('sauvegarde formation');
    expect(never.alsoSee).toBeNull();
    expect(r.results.length).toBeGreaterThan(0);
  });

  it('does not crash on hostile or empty input', () => {
    for (const q of ['', ' ', '\u0000\u202e', 'a'.repeat(5000), '__proto__ constructor', '😀😀']) {
      expect(() => kb.search(q)).not.toThrow();
    }
  });
});

describe('confidence', () => {
  it('is 1 for a full, topical, strong and clear match and 0 without topical match', () => {
    expect(confidence({ coverage: 1, topical: 1, strength: 1, lead: 1 })).toBe(1);
    expect(confidence({ coverage: 1, topical: 0, strength: 1, lead: 1 })).toBe(0);
    expect(confidence({ coverage: NaN, topical: 2, strength: -1, lead: 0 })).toBe(0);
  });
});
