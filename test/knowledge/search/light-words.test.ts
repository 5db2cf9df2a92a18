// Words that should not decide whether a question is answered: everyday words that seldom name a topic
// (synonymes-kb.fr.json « genericWords ») weigh little in the query's total, and the words of an
// out-of-domain expression (hors-domaine.fr.json) do not count as naming a guide's subject. Our own sentences.
import { createKnowledgeBase } from '../../../src/knowledge/search/index.js';
import { OffTopicLexicon, namedOutside } from '../../../src/knowledge/search/off-topic.js';
import { content, kbOptions } from '../../helpers/content.js';

const kb = createKnowledgeBase(content().guides, kbOptions());

describe('generic everyday words', () => {
  it.each([
    ['depuis hier je pense aller voir la semaine prochaine mon banquier pour un pret', 'financer-projet-numerique'],
    ['apres quatre ans, je vais voir quand meme pour renouveler les ordinateurs', 'materiel-informatique'],
    ['je pense aller voir un conseiller de la cci la semaine prochaine', 'accompagnement-cci'],
  ])('« %s » is answered by its guide; it was not when generic words weighed fully', (q, guide) => {
    const r = kb.search(q);
    expect(r.answered).toBe(true);
    expect(r.results[0]!.guideId).toBe(guide);
    const flat = createKnowledgeBase(content().guides, { ...kbOptions(), genericWeight: 1, clearLead: 2, longQuery: Infinity });
    expect(flat.search(q).answered).toBe(false);
  });

  it('are still searched (a generic word in a heading can pick its section) and never « corrected »', () => {
    const r = kb.search('semaine prochaine');
    expect(r.understood.terms.length + r.understood.unknown.length).toBe(2);
    expect(r.understood.corrected).toEqual([]);
  });

  it('do not let an off-topic question through', () => {
    expect(kb.search('il va pleuvoir toute la semaine prochaine ?').answered).toBe(false);
  });
});

describe('support verbs and « plein »', () => {
  it('weigh like generic words: a question about a heavy site, told with « met », « rendre », « plein », reaches its section', () => {
    const q = 'mes pages mettent une éternité à s’afficher à cause des vidéos, comment rendre le site plus léger ?';
    const r = kb.search(q);
    expect(r.answered).toBe(true);
    expect(r.results[0]!.sectionId).toBe('un-site-et-des-outils-plus-legers');
  });

  it('a question naming only two words of a section’s questions is answered when nothing else stops it', () => {
    const r = kb.search('mon site rame avec toutes ses vidéos, comment le rendre plus léger ?');
    expect(r.answered).toBe(true);
    expect(r.results[0]!.guideId).toBe('numerique-responsable');
  });
});

describe('words inside an out-of-domain expression do not name a guide', () => {
  const lexicon = new OffTopicLexicon([], { themes: { comptable: ['mon comptable', "changer d'expert-comptable"] } });

  it('strips the expressions, hyphenated forms included', () => {
    expect(lexicon.strip("Je veux changer d'expert-comptable").trim()).toBe('je veux');
    expect(lexicon.strip('mon comptable et mon logiciel comptable')).toContain('logiciel comptable');
  });

  it('counts only the labels named outside the expression', () => {
    const terms = [{ term: 'comptabl' }, { term: 'logiciel' }];
    // Both terms are labels of the guide (mask 0b11), named twice in the whole question.
    expect(namedOutside(lexicon, 'mon comptable et mon logiciel', terms, 0b11, 2)).toBe(true);
    expect(namedOutside(lexicon, 'mon comptable et un logiciel comptable', terms, 0b11, 2)).toBe(false);
    expect(namedOutside(lexicon, 'un logiciel comptable', terms, 0b11, 2)).toBe(false);
  });

  it.each(["mon comptable veut augmenter ses honoraires, c'est normal ?", 'je voudrais changer de cabinet comptable'])(
    '« %s » is not answered',
    (q) => expect(kb.search(q).answered).toBe(false),
  );

  it('a question about accounting software is still answered', () => {
    const r = kb.search('quel logiciel de facturation relier à mon expert-comptable ?');
    expect(r.answered).toBe(true);
    expect(r.results[0]!.guideId).toBe('logiciel-gestion');
  });
});

describe('dirigeants’ words for what the guides name otherwise (synonymes-kb expansions)', () => {
  const bare = createKnowledgeBase(content().guides, { ...kbOptions(), synonyms: { ...content().synonyms, expansions: {} } });

  it('« ressaisir » is the double entry the software guide speaks of', () => {
    const q = 'on doit ressaisir chaque vente dans la compta';
    expect(kb.search(q).results[0]!.guideId).toBe('logiciel-gestion');
    expect(bare.search(q).results[0]!.guideId).not.toBe('logiciel-gestion');
  });

  it('« propositions de prix » are quotes', () => {
    const q = 'comparer deux propositions de prix pour une appli';
    const r = kb.search(q).results[0]!;
    expect(r.sectionId).toBe('comparer-les-devis');
    expect(r.confidence).toBeGreaterThan(bare.search(q).results[0]!.confidence + 0.2);
  });
});

describe('« aider » asks for help, « une aide » is a subsidy', () => {
  const s = content().synonyms;
  const helpAsAid = createKnowledgeBase(content().guides, {
    ...kbOptions(),
    synonyms: { ...s, ignoredWords: s.ignoredWords.filter((w) => !w.startsWith('aider')) },
  });

  it.each(["en quoi l'ia peut m'aider dans mon atelier", "est ce que l'ia peut aider mon secretariat"])(
    '« %s » goes to the first uses of AI, not to the national AI plan and its funding',
    (q) => {
      expect(kb.search(q).results[0]!.guideId).toBe('ia-premiers-usages');
      expect(helpAsAid.search(q).results[0]!.guideId).toBe('osez-ia');
    },
  );

  it('« m’aider à financer » still asks for a subsidy', () => {
    expect(kb.search("la region peut m'aider a financer une caisse ?").results[0]!.guideId).toBe('aides-regionales');
  });

  it('« payant » asks for a price, not for a means of payment', () => {
    const r = kb.search('la version payante de chat gpt vaut le coup ?');
    expect(r.answered).toBe(true);
    expect(r.results[0]).toMatchObject({ guideId: 'ia-premiers-usages', sectionId: 'combien-ca-coute' });
  });
});

describe('a long question is not sunk by the words told around it', () => {
  it.each([
    [
      'bonjour, je tiens un petit garage avec mon frère depuis des années et hier un client a écrit des horreurs sur nous, faut-il lui répondre',
      'avis-clients',
    ],
    [
      'depuis que j’ai repris la pharmacie de mon père les mots de passe sont notés dans un cahier à côté de la caisse, c’est grave',
      'cybersecurite',
    ],
  ])('« %s » is answered by its guide; it was not without the scaling', (q, guide) => {
    const r = kb.search(q);
    expect(r.results[0]!.guideId).toBe(guide);
    expect(r.answered).toBe(true);
    const unscaled = createKnowledgeBase(content().guides, { ...kbOptions(), longQuery: Infinity });
    expect(unscaled.search(q).answered).toBe(false);
  });

  it('does not let a long off-topic question through', () => {
    expect(kb.search('je voudrais savoir quel temps il fera ce week-end sur la côte parce que nous partons en famille avec les enfants').answered).toBe(false);
  });
});

describe('a trade named after « entreprise de », « agence de » is not an off-topic subject', () => {
  const lexicon = new OffTopicLexicon([], { themes: { maison: ['demenagement', 'menage'] }, tradeOf: ['entreprise de', 'agence de'] });

  it('ignores the trade, not the subject', () => {
    expect(lexicon.has('je dirige une entreprise de déménagement')).toBe(false);
    expect(lexicon.has('une agence de ménage à domicile')).toBe(false);
    expect(lexicon.has('le déménagement de mon entreprise')).toBe(true);
  });

  it('answers a question about the firm whose trade is an out-of-domain word', () => {
    const r = kb.search('quel logiciel de devis et factures pour une entreprise de déménagement');
    expect(r.answered).toBe(true);
    expect(r.results[0]!.guideId).toBe('logiciel-gestion');
    expect(kb.search('comment organiser le déménagement de mes meubles').answered).toBe(false);
  });

  it('reads the elided form too (« agence d’intérim »), from the real data', () => {
    const real = new OffTopicLexicon([], content().offTopic);
    expect(real.has('notre agence d’intérim cherche un logiciel de devis')).toBe(false);
    expect(real.has('quelles règles pour un contrat d’intérim')).toBe(true);
    expect(kb.search('quelles règles pour un contrat d’intérim').answered).toBe(false);
  });

  it('engaging a provider the guides help choose is not hiring an employee (« recruter un graphiste »)', () => {
    const real = new OffTopicLexicon([], content().offTopic);
    expect(real.has('on a recruté un graphiste pour refaire le logo')).toBe(false);
    expect(real.has('je veux embaucher une prestataire pour mes réseaux')).toBe(false);
    expect(real.has('recruter un apprenti, quelles aides')).toBe(true);
    expect(real.has('embaucher un salarié en cdi')).toBe(true);
  });
});
