// More everyday readings (issue 10, devn / devo / devp batches): who knows, not remembering, « je dis des bêtises »,
// things given up or restricted among networks, family who help, incidents still going on. Our own sentences.
import { read, stored } from '../helpers/reading.js';

describe('who knows, what is given up, what is still going on', () => {
  test.each([
    ['cyber_mots_de_passe', 'faut demander à Julien notre informaticien', { type: 'dontknow' }],
    ['vente_part_ca', "c'est mon expert-comptable qui saurait, je n'ai pas les chiffres", { type: 'dontknow' }],
    ['presence_google', 'je me rappelle plus', { type: 'dontknow' }],
    ['presence_site_a_jour', "je n'en sais fichtre rien, c'est le prestataire qui a la main dessus", { type: 'dontknow' }],
    ['profil_temps', "aucune visibilité pour l'instant, c'est la saison", { type: 'dontknow' }],
    ['vente_part_ca', "environ 5 %, non je dis n'importe quoi, on est à 12", { type: 'percent', value: 12 }],
    ['profil_localisation', 'Gironde, enfin Landes pardon', { type: 'location', departement: '40', region: '75' }],
    ['strategie_pilote', 'personne, ça tourne tout seul', { type: 'choice', value: 'personne' }],
    ['cyber_sauvegarde', 'oui, sur un disque dans la même armoire', { type: 'choice', value: 'non' }],
    ['cyber_sauvegarde', "oui, c'est le prestataire, je suppose que ça marche", { type: 'choice', value: 'oui_sans_test' }],
    ['cyber_incident', 'en ce moment plus rien ne marche, on a un virus', { type: 'choice', value: 'oui_en_cours' }],
    ['cyber_incident', 'la page Facebook est bloquée depuis une semaine', { type: 'choice', value: 'oui_en_cours' }],
    ['presence_reseaux', 'Facebook et Instagram, mais Instagram on l’a laissé tomber', { type: 'number', value: 1 }],
    ['presence_reseaux', 'Facebook, TikTok et X, mais seul TikTok est alimenté', { type: 'number', value: 1 }],
    ['profil_effectif', 'moi et ma nièce', { type: 'size', value: '1-4' }],
    ['presence_google', 'la fiche est en ligne mais les photos n’ont jamais été changées', { type: 'yesno', value: 'partly' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test('« vous n’avez pas besoin de savoir ça » skips the question', () => {
    const r = read('profil_localisation', 'vous n’avez pas besoin de savoir ça');
    expect(r.kind === 'command' && r.command).toBe('passer');
  });
});
