// Urgent situations: detected from the data file, always answered from their guide with the steps.
import path from 'node:path';
import { loadGuides } from '../../../src/knowledge/guides.js';
import { createKnowledgeBase } from '../../../src/knowledge/search/index.js';
import { UrgentDetector } from '../../../src/knowledge/search/urgent.js';
import { createNormalizer } from '../../../src/nlu/index.js';
import { knowledgeDir } from '../../../src/paths.js';
import { content, kbOptions } from '../../helpers/content.js';

const detector = new UrgentDetector(content().urgent, createNormalizer(content().nlu.chatForms));
const guides = loadGuides(path.join(knowledgeDir, 'guides'));
const kb = createKnowledgeBase(guides, kbOptions());

describe('urgent situations', () => {
  it.each([
    ['on m’a piraté ma page facebook, aidez moi !!', 'piratage'],
    ['notre compte instagram a été hacké', 'piratage'],
    ['tous les fichiers du serveur sont chiffrés, ils demandent une rançon', 'rancongiciel'],
    ['un escroc nous a fait payer une fausse facture par virement', 'fraude-virement'],
    ['la compta a reçu un faux RIB du fournisseur et a payé', 'fraude-virement'],
    ['j’ai reçu un mail de la banque qui demande mes codes', 'hameconnage'],
    ['ma secrétaire a cliqué sur le lien d’un sms bizarre', 'hameconnage'],
    // SMS forms are read as words (« jai » is « j'ai »); codes typed in, a message asking to click.
    ['jai tapé mes identifiants sur une fausse page de la poste', 'hameconnage'],
    ['mon associé a rentré nos codes de banque sur un site bizarre', 'hameconnage'],
    // Any colleague who clicked, a link or attachment described as suspicious; a message asking to click is
    // phishing even when it speaks of a payment (checked before the fraud on a transfer).
    ['notre apprentie a ouvert la pièce jointe d’un inconnu', 'hameconnage'],
    ['une pièce jointe louche est arrivée sur la boîte de la boutique', 'hameconnage'],
    ['reçu un sms qui me demande de cliquer pour débloquer un paiement, c’est une arnaque ?', 'hameconnage'],
    ['on a reçu un mail avec un nouveau RIB du fournisseur et on a payé, arnaque ?', 'fraude-virement'],
    ["j'ai eu un sms qui me demande de cliquer pour débloquer un colis", 'hameconnage'],
    // A device lost or stolen with the firm's data on it.
    ['on nous a volé le portable de la comptable hier soir', 'appareil-perdu'],
    ["j'ai perdu mon téléphone pro dans le train avec tous mes contacts clients", 'appareil-perdu'],
    ['vol de notre ordinateur au bureau, que faire', 'appareil-perdu'],
  ])('« %s » → %s', (text, id) => {
    expect(detector.detect(text)?.id).toBe(id);
  });

  it.each(['pourquoi les pirates visent les petites entreprises', 'comment faire un virement à un fournisseur', 'quel antivirus choisir', 'quel ordinateur portable acheter pour mon bureau', 'combien coûte un téléphone pro'])(
    'is not triggered by a general question: « %s »',
    (text) => expect(detector.detect(text)).toBeNull(),
  );

  it('points to guides and sections that exist, with steps naming 17Cyber', () => {
    for (const s of detector.list()) {
      const g = guides.find((x) => x.id === s.guide);
      expect(g?.sections.some((x) => x.id === s.section)).toBe(true);
      expect(s.steps.join(' ')).toMatch(/17cyber\.gouv\.fr/);
    }
  });

  it('answers an urgent question from its guide even when the words point elsewhere, with nothing beside it', () => {
    const r = kb.search('on m’a piraté ma page facebook, aidez moi !!');
    expect(r.answered).toBe(true);
    expect(r.alsoSee).toBeNull();
    expect(r.urgent?.id).toBe('piratage');
    expect(r.results[0]?.guideId).toBe('cyberattaque-que-faire');
    expect(r.results[0]?.sectionId).toBe('les-premiers-gestes-en-cas-d-attaque');
  });

  it('answers a strange e-mail asking for codes from the phishing section', () => {
    const r = kb.search('j’ai un mail bizarre de « la banque » qui me demande mes codes');
    expect(r.urgent?.id).toBe('hameconnage');
    expect(`${r.results[0]?.guideId}#${r.results[0]?.sectionId}`).toBe('cybersecurite#reconnaitre-l-hameconnage-et-la-fraude-au-virement');
  });
});
