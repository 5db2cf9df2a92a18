// Off-topic rejection: the out-of-domain vocabulary (knowledge/nlu/hors-domaine.fr.json) and the rule that a
// question whose only known word sits beside words no guide knows is not answered. Real guides, real data.
import path from 'node:path';
import { readGuides } from '../../../src/knowledge/guides.js';
import { createKnowledgeBase } from '../../../src/knowledge/search/index.js';
import { OffTopicLexicon } from '../../../src/knowledge/search/off-topic.js';
import { knowledgeDir } from '../../../src/paths.js';
import { content, kbOptions } from '../../helpers/content.js';

const { guides } = readGuides(path.join(knowledgeDir, 'guides'));
const kb = createKnowledgeBase(guides, kbOptions());
const bare = createKnowledgeBase(guides, { ...kbOptions(), offTopic: false });

describe('out-of-domain vocabulary', () => {
  it('finds whole folded words and expressions, and drops entries a guide names as its subject', () => {
    const lexicon = new OffTopicLexicon(['Bien choisir sa recette'], content().offTopic);
    expect(lexicon.hits('Quelle MÉTÉO pour le Match ?')).toEqual(expect.arrayContaining(['meteo', 'match']));
    expect(lexicon.hits('la recette du jour')).toEqual([]);
    expect(lexicon.hits('un matcha latte')).toEqual([]);
    expect(lexicon.size).toBeGreaterThan(100);
  });
});

describe('off-topic questions are never answered', () => {
  it.each([
    'quel est le montant du smic net pour un temps plein',
    'mon chien tousse depuis hier, que faire',
    'traduction de merci en allemand',
    'comment se passe une rupture conventionnelle avec ma vendeuse',
    'la réforme des retraites pour les commerçants',
    'mon fournisseur me facture deux fois la même commande',
    'quel est le taux de tva sur une coupe de cheveux',
    'ma facture d’électricité a doublé, comment changer de fournisseur',
  ])('« %s » is not answered', (q) => {
    expect(kb.search(q).answered).toBe(false);
  });

  it('the vocabulary is what rejects it: without it, a question sharing a label with a guide was answered', () => {
    expect(bare.search('la réforme des retraites pour les commerçants').answered).toBe(true);
  });

  it('still answers a real question holding an out-of-domain word when it names the guide’s subject', () => {
    const r = kb.search('créer la fiche google de mon hôtel');
    expect(r.answered).toBe(true);
    expect(r.results[0]!.guideId).toBe('fiche-google');
  });

  it('answers a VAT question about selling abroad, and one about the e-invoice for a firm exempt from VAT', () => {
    const abroad = kb.search('quel taux de tva appliquer quand je vends en ligne à des particuliers en Belgique');
    expect(abroad.answered).toBe(true);
    expect(abroad.results[0]!.guideId).toBe('e-export');
    const exempt = kb.search('je suis en franchise de tva, la facture électronique me concerne ?');
    expect(exempt.answered).toBe(true);
    expect(exempt.results[0]!.guideId).toBe('facturation-electronique');
  });

  it('still answers urgent situations with their guide', () => {
    const r = kb.search('au secours mon compte facebook est piraté, je ne peux plus me connecter');
    expect(r.answered).toBe(true);
    expect(r.urgent).not.toBeNull();
  });
});

describe('questions to Virage about itself are small talk', () => {
  it.each(['es-tu une IA ou un vrai conseiller ?', 'vous êtes une machine, non ?', 'je parle à un robot là ?', 't’es humaine toi ?'])(
    '« %s » is not answered, although « humain » and « robot » are labels of accompagnement-cci',
    (q) => {
      expect(kb.search(q).answered).toBe(false);
    },
  );

  it('still puts a dirigeant who wants a person in touch with the CCI', () => {
    for (const q of ['je voudrais échanger avec un conseiller humain', 'je préfère échanger avec une vraie personne qu’avec un robot']) {
      const r = kb.search(q);
      expect(r.answered).toBe(true);
      expect(r.results[0]!.guideId).toBe('accompagnement-cci');
    }
  });

  it('needs both an address to the assistant and a nature: « tu es » alone is not out of domain', () => {
    const lexicon = new OffTopicLexicon([], content().offTopic);
    expect(lexicon.has('tu es sûr que mon site doit être sécurisé ?')).toBe(false);
    expect(lexicon.hits('êtes-vous un robot')).toEqual(expect.arrayContaining(['etes vous', 'robot']));
  });
});

describe('obligations and incidents outside digital are out of domain', () => {
  it.each([
    'inondation dans l’atelier, je fais quoi avec l’assurance',
    'où passer la formation hygiène alimentaire pour ma crêperie',
    'les pièces comptables, on les archive combien d’années ?',
    'livraison incomplète de mon grossiste, il refuse de me rembourser',
    'quel est ton nom, au fait ?',
    'pour avoir ma carte d’artisan, je m’adresse à qui ?',
    'salariée en arrêt de travail depuis lundi, comment je la remplace',
    'mon fournisseur de papier augmente ses tarifs, je peux refuser ?',
    'le devis de mon plombier me paraît bien cher',
    'les notes de frais de mes commerciaux sont-elles déductibles ?',
    'une salariée me demande une avance sur salaire',
  ])('« %s » is not answered', (q) => {
    expect(kb.search(q).answered).toBe(false);
  });

  it('a trade named as the dirigeant’s own, or as a client, is not a home repair', () => {
    for (const q of ['je suis plombier, il me faut un site pour être trouvé', 'on a eu une fuite de données clients, que faire'])
      expect(kb.search(q).answered).toBe(true);
  });

  it('still answers the e-invoice question about paper invoices', () => {
    const r = kb.search('avec la facture électronique obligatoire, que deviennent mes factures papier ?');
    expect(r.answered).toBe(true);
    expect(r.results[0]!.guideId).toBe('facturation-electronique');
  });
});
