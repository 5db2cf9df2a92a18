// Answering from the part that answers, and answering only what a guide covers: the kinds of question
// (knowledge/nlu/sections-kb.fr.json), the within-guide weighting of query terms (section-pick.ts), the
// weight of words no guide knows, and the rule for questions that name nothing of a guide. Our own sentences.
import { createKnowledgeBase } from '../../../src/knowledge/search/index.js';
import { SectionIntents, unusedHeadingCues } from '../../../src/knowledge/search/section-intent.js';
import { bestSection } from '../../../src/knowledge/search/section-pick.js';
import { content, kbOptions } from '../../helpers/content.js';

const intents = new SectionIntents(content().sectionIntents);
const kinds = (mask: number) => intents.describe(mask);
const kb = createKnowledgeBase(content().guides, kbOptions());
const withoutIntents = createKnowledgeBase(content().guides, { ...kbOptions(), sectionIntents: false });

describe('kinds of question (sections-kb.fr.json)', () => {
  it('reads what a question asks for, on folded whole words', () => {
    expect(kinds(intents.asked('Ça coûte combien, un logo ?'))).toContain('cost');
    expect(kinds(intents.asked("Un CRM, c'est quoi au juste ?"))).toContain('definition');
    expect(kinds(intents.asked('Mettre mes fichiers dans le cloud, c’est risqué ?'))).toContain('risk');
    expect(kinds(intents.asked('Par où commencer avec la facture électronique'))).toContain('start');
    expect(kinds(intents.asked('le pour et le contre des plateformes de livraison'))).toContain('interest');
    expect(kinds(intents.asked('Instagram, ça prend combien de temps par semaine ?'))).toContain('effort');
    expect(kinds(intents.asked('un découvert à la banque'))).toEqual([]);
  });

  it('reads what a heading answers, hyphens and apostrophes included', () => {
    expect(kinds(intents.answered('Combien ça coûte'))).toEqual(['cost']);
    expect(kinds(intents.answered("Qu'est-ce qu'une place de marché"))).toEqual(['definition']);
    expect(kinds(intents.answered('Les pièges à éviter'))).toEqual(['risk']);
    expect(kinds(intents.answered('Quand se faire accompagner'))).toEqual(['help']);
    expect(kinds(intents.answered('Les chiffres clés'))).toEqual([]);
  });

  it('names the heading expressions no section heading holds (checked at start)', () => {
    const data = { kinds: { cost: { asked: ['prix'], headings: ['combien', 'tarif des licornes'] } } };
    expect(unusedHeadingCues(data, ['Combien ça coûte', 'À retenir'])).toEqual([{ kind: 'cost', index: 1, cue: 'tarif des licornes' }]);
  });

  it('picks the section of the kind asked in the guide found', () => {
    const cost = kb.search('le cloud, ça coûte combien par mois ?');
    expect(cost.results[0]).toMatchObject({ guideId: 'outils-collaboratifs', sectionId: 'combien-ca-coute' });
    expect(withoutIntents.search('le cloud, ça coûte combien par mois ?').results[0]!.sectionId).not.toBe('combien-ca-coute');
    const choice = kb.search('quel réseau social pour un salon de thé ?');
    expect(choice.results[0]).toMatchObject({ guideId: 'reseaux-sociaux', sectionId: 'quel-reseau-social-choisir' });
    expect(withoutIntents.search('quel réseau social pour un salon de thé ?').results[0]!.sectionId).not.toBe('quel-reseau-social-choisir');
    const how = kb.search("la publicité sur internet, comment s'y prendre ?");
    expect(how.results[0]).toMatchObject({ guideId: 'publicite-en-ligne', sectionId: 'reussir-une-premiere-campagne' });
    expect(withoutIntents.search("la publicité sur internet, comment s'y prendre ?").results[0]!.sectionId).not.toBe('reussir-une-premiere-campagne');
    const definition = kb.search("la publicité en ligne, c'est quoi le principe ?");
    expect(definition.results[0]).toMatchObject({ guideId: 'publicite-en-ligne', sectionId: 'comment-fonctionne-la-publicite-en-ligne' });
    expect(withoutIntents.search("la publicité en ligne, c'est quoi le principe ?").results[0]!.sectionId).not.toBe(
      'comment-fonctionne-la-publicite-en-ligne',
    );
  });
});

describe('picking the section within a guide (section-pick.ts)', () => {
  const row = (...xs: number[]) => Float64Array.from(xs);

  it('a term found in every section (the guide’s subject) does not decide; the term that tells them apart does', () => {
    // term 0 (« avis ») is everywhere and weighs most in section 0; term 1 (« répondre ») is only in section 2.
    const evidence = { text: [row(9, 5, 5, 5), row(0, 0, 2, 0)], labels: [row(3, 2, 2, 2), row(0, 0, 1, 0)], weights: [1, 1, 1, 1], kinds: [0, 0, 0, 0] };
    expect(bestSection(evidence, { asked: 0, labelWeight: 2, intentBoost: 0.5 })).toBe(2);
  });

  it('prefers, between close sections, the one whose heading answers the kind asked; boilerplate weighs less', () => {
    const evidence = { text: [row(2, 2.2, 3), row(0, 0, 0)], labels: [row(0, 0, 0), row(0, 0, 0)], weights: [1, 1, 0.5], kinds: [0b1, 0b10, 0] };
    expect(bestSection(evidence, { asked: 0b1, labelWeight: 2, intentBoost: 0.5 })).toBe(0);
    expect(bestSection(evidence, { asked: 0, labelWeight: 2, intentBoost: 0.5 })).toBe(1);
  });

  it('a boilerplate section weighs fully when its heading answers the kind asked', () => {
    // section 2 is boilerplate (« Quand se faire accompagner », weight 0.3) and answers kind 0b100 (help).
    const evidence = { text: [row(3, 2, 2.5)], labels: [row(0, 0, 0)], weights: [1, 1, 0.3], kinds: [0, 0, 0b100] };
    expect(bestSection(evidence, { asked: 0, labelWeight: 2, intentBoost: 0.5 })).toBe(0);
    expect(bestSection(evidence, { asked: 0b100, labelWeight: 2, intentBoost: 0.5 })).toBe(2);
  });

  it('answers a dirigeant who wants to be accompanied from the part that says when and how', () => {
    const r = kb.search('je suis perdu avec mon site vitrine, je peux me faire accompagner ?');
    expect(r.results[0]).toMatchObject({ guideId: 'site-vitrine', sectionId: 'quand-se-faire-accompagner' });
  });

  it('says -1 when no query term is found in the guide’s sections (the guide matched on its card only)', () => {
    const evidence = { text: [row(0, 0)], labels: [row(0, 0)], weights: [1, 1], kinds: [0b1, 0] };
    expect(bestSection(evidence, { asked: 0b1, labelWeight: 2, intentBoost: 0.5 })).toBe(-1);
  });
});

describe('deciding to answer', () => {
  const counted = createKnowledgeBase(content().guides, { ...kbOptions(), unknownWeight: 1, clearLead: 2, longQuery: Infinity });

  it.each([
    ['nos cannelés et macarons maison, on voudrait une fiche google', 'fiche-google'],
    ['je tiens une boutique de santons à Dinan, faut-il un logiciel de caisse ?', 'logiciel-gestion'],
  ])('the dirigeant’s own words (trade, town) do not sink a question naming a guide: « %s »', (q, guide) => {
    const r = kb.search(q);
    expect(r.answered).toBe(true);
    expect(r.results[0]!.guideId).toBe(guide);
    expect(counted.search(q).answered).toBe(false);
  });

  it('trades and places the guides mention (knowledge/nlu/secteurs, territoires) weigh less', () => {
    const q = 'plombier chauffagiste dans le Var, faut-il une fiche google ?';
    const r = kb.search(q);
    expect(r.answered).toBe(true);
    expect(r.results[0]!.guideId).toBe('fiche-google');
    // Counted in full, the trade and the place drag the confidence down to the edge of the threshold.
    const flat = createKnowledgeBase(content().guides, { ...kbOptions(), contextWeight: 1, longQuery: Infinity });
    expect(flat.search(q).results[0]!.confidence).toBeLessThan(0.6 * r.results[0]!.confidence);
  });

  it('a trade or a town no guide knows is neither « corrected » nor a sign of an off-topic question', () => {
    const q = 'garagiste à Niort, comment avoir des avis ?';
    const r = kb.search(q);
    expect(r.answered).toBe(true);
    expect(r.results[0]!.guideId).toBe('avis-clients');
    expect(r.understood.corrected).toEqual([]);
    const noContext = createKnowledgeBase(content().guides, { ...kbOptions(), contextWords: [], longQuery: Infinity });
    expect(noContext.search(q).answered).toBe(false);
  });

  it.each(['la taxe foncière de mon local commercial a doublé', "comment tu t'appelles ?", 'on me propose un leasing voiture, je signe ?'])(
    'off-topic vocabulary: « %s » is not answered',
    (q) => expect(kb.search(q).answered).toBe(false),
  );

  it('a question naming nothing of a guide but one word of its section questions is not answered', () => {
    const r = kb.search("t'es un robot ou quoi");
    expect(r.results[0]!.confidence).toBeGreaterThanOrEqual(kb.threshold);
    expect(r.answered).toBe(false);
  });
});

describe('quantity: asking for more of something', () => {
  it('reads « plus de », « davantage », « pousser » as asking for more, and « Obtenir plus… » as answering it', () => {
    expect(kinds(intents.asked('comment avoir davantage de recommandations'))).toContain('more');
    expect(kinds(intents.asked('pousser les visiteurs à revenir'))).toContain('more');
    expect(kinds(intents.answered("Obtenir plus d'avis"))).toContain('more');
    expect(kinds(intents.answered('Des usages plus sobres au quotidien'))).toEqual([]);
  });

  it.each(['comment pousser mes clients a laisser un commentaire sur le restaurant', "comment avoir plus d'etoiles"])(
    '« %s » is answered from the part on getting more reviews (it was not without the kinds of question)',
    (q) => {
      expect(kb.search(q).results[0]!.sectionId).toBe('obtenir-plus-d-avis');
      expect(withoutIntents.search(q).results[0]!.sectionId).not.toBe('obtenir-plus-d-avis');
    },
  );
});

describe('choice between doing it oneself and delegating', () => {
  it('reads « moi-même ou », « ou déléguer » as a choice, answered by headings naming options or alternatives', () => {
    expect(kinds(intents.asked('le faire nous meme ou deleguer ?'))).toContain('choice');
    expect(kinds(intents.answered('Les trois options'))).toContain('choice');
    expect(kinds(intents.answered('Tableur ou logiciel CRM'))).toContain('choice');
    expect(kinds(intents.answered('Par où commencer'))).not.toContain('choice');
  });

  it.each(["animer nos reseaux nous meme ou payer quelqu'un", 'animer ma page moi meme ou bien embaucher'])(
    '« %s » is answered from the options of the community-manager guide (it was not without the kinds)',
    (q) => {
      expect(kb.search(q).results[0]).toMatchObject({ guideId: 'community-manager', sectionId: 'les-trois-options' });
      expect(withoutIntents.search(q).results[0]!.sectionId).not.toBe('les-trois-options');
    },
  );
});

describe('variation, learning, and questions about Virage itself', () => {
  it('reads the kinds and the headings that answer them', () => {
    expect(kinds(intents.asked('est-ce pareil en Normandie ?'))).toContain('variation');
    expect(kinds(intents.answered("Ce qui change d'une région à l'autre"))).toContain('variation');
    expect(kinds(intents.asked('où me former sur le sujet'))).toContain('learning');
    expect(kinds(intents.answered("Se former et s'informer"))).toContain('learning');
    expect(kinds(intents.asked('comment savez-vous ça ?'))).toContain('about-virage');
    expect(kinds(intents.answered('Comment Virage vous indique les aides de votre région'))).toContain('about-virage');
  });

  it.each([
    ['les aides de la région sont-elles pareilles en Bretagne et en Alsace ?', 'ce-qui-change-d-une-region-a-l-autre'],
  ])('« %s » is answered from its part of the regional aid guide (it was not without the kinds)', (q, section) => {
    expect(kb.search(q).results[0]).toMatchObject({ guideId: 'aides-regionales', sectionId: section });
    expect(withoutIntents.search(q).results[0]!.sectionId).not.toBe(section);
  });
});
