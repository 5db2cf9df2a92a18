// What a message says of the practice asked about, beyond its words (issue 10): a wish or a need is not
// something done, a meeting « for something else » is not the help asked about, a thing named first and then
// denied through a pronoun is denied, a generic word (« fait ») does not name the option « c'est fait », the
// option a message names again and again wins a tie, a restore after a loss is a tested backup. Our own sentences.
import { scopedTokens } from '../../src/nlu/extract/matcher.js';
import { read, stored } from '../helpers/reading.js';

describe('what a message says of the practice asked about', () => {
  test.each([
    // A wish, in the conditional, with nothing done beside it: not yet.
    ['ia_automatisation', "j'aimerais bien, sauf que je ne vois pas comment m'y prendre", { type: 'yesno', value: 'no' }],
    ['ia_automatisation', 'on voudrait envoyer les rappels par SMS un jour', { type: 'yesno', value: 'no' }],
    ['competences_formation', 'il faudrait que je me forme, mais le temps manque', { type: 'yesno', value: 'no' }],
    // A wish beside something done: what is done counts.
    [
      'ia_automatisation',
      'on aimerait en faire plus, mais les rappels aux clients partent déjà tout seuls',
      { type: 'yesno', value: 'yes' },
    ],
    // A meeting about another matter is not the help asked about.
    ['competences_accompagnement', 'la CCI nous a reçus, mais c’était pour autre chose', { type: 'yesno', value: 'no' }],
    ['competences_accompagnement', 'on a vu un conseiller, mais rien à voir avec l’informatique', { type: 'yesno', value: 'no' }],
    // A thing named, then taken up by a pronoun in a denied clause: that thing is denied.
    [
      'cyber_rgpd',
      'les mentions sur les devis oui, le registre des traitements on ne l’a jamais rempli',
      { type: 'yesno', value: 'partly' },
    ],
    // « fait » in a sentence is not « c'est fait ».
    [
      'gestion_facture_electronique',
      'je regarde, mon expert-comptable fait une réunion là-dessus le mois prochain',
      { type: 'choice', value: 'renseigne' },
    ],
    ['gestion_facture_electronique', "c'est fait", { type: 'choice', value: 'pret' }],
    // One option named by three phrases, another by one: the message speaks of the first.
    ['ia_usage', 'essayé Gemini une fois pour mes mails, sans suite', { type: 'choice', value: 'teste' }],
    // A backup used after a breakdown has been tested.
    [
      'cyber_sauvegarde',
      'un NAS chez mon associé ; quand le serveur a lâché on a tout remis, sans rien perdre',
      { type: 'choice', value: 'oui_testee' },
    ],
    // Files on a network drive are shared storage.
    ['gestion_outils_partages', 'les plans sont sur un disque réseau', { type: 'multi', values: ['stockage'] }],
    // A chat between colleagues is team messaging.
    ['gestion_outils_partages', 'un tchat entre collègues et Google Drive', { type: 'multi', values: ['messagerie_equipe', 'stockage'] }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test('a need is not something done: it answers nothing', () => {
    expect(read('competences_formation', "on a surtout besoin d'une caisse plus moderne pour la boutique").kind).not.toBe('answer');
  });

  test('a need beside something out of date is not a part done', () => {
    expect(read('competences_formation', "on a surtout besoin d'une caisse neuve, la nôtre date de 2015").kind).not.toBe('answer');
  });

  test('a wish may answer a question about knowing one’s goals', () => {
    expect(stored('strategie_priorites', 'je voudrais surtout gagner du temps sur les devis')).toEqual({ type: 'yesno', value: 'yes' });
  });

  test('« X, on ne l’a pas » denies X', () => {
    const denied = scopedTokens('le registre, on ne l’a pas fait')
      .filter((t) => t.neg)
      .map((t) => t.w);
    expect(denied).toContain('registre');
  });
});
