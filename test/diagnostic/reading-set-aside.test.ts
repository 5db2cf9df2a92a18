// What an answer says that is not the firm's practice now, set aside (issue 10): a tool the person says was
// given up, the dirigeant's own « not me » beside someone else who does it, a kind of customers said to be rare,
// the figure of another thing than the one asked about, and a share said with the whole first (« sur 80 000 de
// chiffre, environ 8 000 en ligne »). Our own sentences.
import { shareOfTotal } from '../../src/diagnostic/share.js';
import { stored } from '../helpers/reading.js';

describe('parts of an answer set aside', () => {
  test.each([
    // A tool given up is not used now.
    ['gestion_outils_partages', 'Google Drive, et on a laissé tomber Teams il y a un an', { type: 'multi', values: ['stockage'] }],
    [
      'gestion_outils_partages',
      'on utilisait un groupe WhatsApp mais plus maintenant, tout passe par le Drive',
      { type: 'multi', values: ['stockage'] },
    ],
    // Someone else posts for the firm; the dirigeant's own no says nothing of the count.
    ['presence_reseaux', 'mon associé s’occupe de Facebook et Instagram, moi j’y connais rien', { type: 'number', value: 2 }],
    ['presence_reseaux', 'moi je ne poste jamais, c’est la vendeuse qui fait LinkedIn', { type: 'number', value: 1 }],
    // The site named as the place where things are done is not the online shop.
    [
      'vente_en_ligne',
      'les clients font leur réservation en ligne sur notre site et paient par lien de paiement',
      { type: 'multi', values: ['reservation', 'paiement_distance'] },
    ],
    // Selling on the site: the site is the shop.
    ['vente_en_ligne', 'on vend nos savons sur Etsy et sur notre site', { type: 'multi', values: ['place_de_marche', 'boutique'] }],
    // A kind of customers said to be rare is not one of them.
    ['profil_clientele', 'surtout des entreprises, les particuliers c’est très rare', { type: 'choice', value: 'b2b' }],
    ['profil_clientele', 'des agences immobilières et des syndics, des particuliers à la marge', { type: 'choice', value: 'b2b' }],
    // Two figures in contrast: the one said of what the question asks about.
    ['profil_factures', 'des devis j’en fais bien 2 000, mais des factures à peine 80', { type: 'choice', value: 'moins_100' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test('a share said whole first, part after', () => {
    expect(shareOfTotal('sur 80 000 de chiffre, à peu près 8 000 en ligne')).toBe(10);
    expect(shareOfTotal('sur un CA de 150k, 15k viennent du site')).toBe(10);
    // A period is not a whole.
    expect(shareOfTotal('sur 12 mois on fait 3 000 en ligne')).toBeUndefined();
    expect(shareOfTotal('sur 200 000')).toBeUndefined();
  });
});
