// The structure of a yes/no answer decides it (issue 10): a story told then and now, where the present is the
// answer. Our own sentences, never the corpus's.
import { stored } from '../helpers/reading.js';

const yes = { type: 'yesno', value: 'yes' };
const no = { type: 'yesno', value: 'no' };

describe('a story told then and now: the present is the answer', () => {
  test.each([
    // A past marker, then « depuis » / « maintenant » / « désormais »: what follows the pivot answers.
    ['competences_formation', 'on avait eu une initiation aux réseaux sociaux avec la CMA, depuis plus rien', no],
    ['cyber_mises_a_jour', "au départ l'antivirus tournait, mais le réparateur l'a désactivé et depuis rien ne tourne", no],
    [
      'cyber_mots_de_passe',
      "pendant des années j'avais un seul mot de passe, désormais chaque compte a le sien et la banque m'envoie un code par SMS",
      yes,
    ],
    // Something had then stopped, and nothing sure said of now: a « non ».
    ['ia_automatisation', "on avait un envoi automatique des factures mais on l'a arrêté, maintenant je les envoie moi-même", no],
    [
      'ia_automatisation',
      'les relances partaient toutes seules au début, mais on a résilié l’abonnement du logiciel et maintenant je téléphone aux clients',
      no,
    ],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });
});
