// Word forms the French stemmer or the guides' vocabulary leave apart: plurals in « -os », compounds whose
// tail a guide knows, numbers that say how much and not what about. Our own sentences.
import { createKnowledgeBase } from '../../../src/knowledge/search/index.js';
import { compoundTail, words } from '../../../src/knowledge/search/text.js';
import { content, kbOptions } from '../../helpers/content.js';

const kb = createKnowledgeBase(content().guides, kbOptions());

describe('plurals in « -os »', () => {
  it('share the stem of their singular', () => {
    for (const [plural, singular] of [
      ['vidéos', 'vidéo'],
      ['photos', 'photo'],
      ['euros', 'euro'],
      ['logos', 'logo'],
    ])
      expect(words(plural)[0]!.stem).toBe(words(singular)[0]!.stem);
  });

  it('find a guide written in the singular', () => {
    expect(kb.search('des vidéos lourdes sur un site internet, quel impact écologique ?').understood.terms).toContain(words('vidéo')[0]!.stem);
  });
});

describe('compounds no guide knows', () => {
  it('are searched by the known word they end with', () => {
    const known = (s: string) => s === words('copies')[0]!.stem;
    expect(compoundTail('photocopies', known)).toBe(words('copies')[0]!.stem);
    expect(compoundTail('photocopies', () => false)).toBeNull();
    expect(compoundTail('copies', known)).toBeNull(); // no prefix: the word itself is looked up elsewhere
  });

  it('let a question about paper copies of identity papers reach the RGPD guide', () => {
    const r = kb.search('des photocopies de cartes d’identité de clients traînent au bureau, je dois les détruire ?');
    expect(r.understood.unknown).not.toContain('photocopies');
    expect(r.results[0]!.guideId).toBe('rgpd');
    expect(r.answered).toBe(true);
  });
});

describe('numbers', () => {
  it('weigh like generic words: a figure in the question sinks its confidence less than a full word would', () => {
    const q = 'un site lourd de 10 mégas, comment le rendre plus léger pour la planète ?';
    const figure = kb.search(q).results[0]!;
    const full = createKnowledgeBase(content().guides, { ...kbOptions(), genericWeight: 1 }).search(q).results[0]!;
    expect(figure.guideId).toBe('numerique-responsable');
    expect(figure.confidence).toBeGreaterThan(full.confidence);
  });
});
