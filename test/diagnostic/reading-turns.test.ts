// Turns of an answer that decide it before its words do: a « oui » taken back at once, a « non » then not knowing
// to « savez-vous… ? », a plain yes whose description is a bad practice, tools had then given up, « pas encore »
// with something planned. Our own sentences, never the corpus's.
import { read, stored } from '../helpers/reading.js';

const yes = { type: 'yesno', value: 'yes' };
const no = { type: 'yesno', value: 'no' };
const partly = { type: 'yesno', value: 'partly' };

describe('turns of an answer', () => {
  test.each([
    // « oui enfin non »: what follows the correction is the answer.
    ['competences_formation', "oui euh non, l'atelier de la CMA a été reporté", no],
    ['competences_accompagnement', 'non, enfin si, un conseiller de la chambre est passé une fois', yes],
    ['cyber_mises_a_jour', 'oui enfin pas sur les tablettes', partly],
    // Knowing one part, not the other, to « savez-vous… ? ».
    ['competences_financement', "je sais que l'AGEFICE existe pour moi ; pour l'apprenti, j'ignore", partly],
    // A plain yes of having it, then only a bad practice described.
    ['cyber_mots_de_passe', "oui j'ai des mots de passe, toujours le même pour tout", no],
    ['cyber_mots_de_passe', 'oui, pour la banque, ailleurs le même partout', partly],
    // An incident told, then how things are now.
    [
      'cyber_incident',
      'un virus sur le poste de la caisse en janvier, le réparateur est passé, tout remarche',
      { type: 'choice', value: 'oui_regle' },
    ],
    // Tools had or tried, then given up in the same sentence; the one kept.
    [
      'gestion_outils_partages',
      "on avait testé Slack avec l'équipe, ça n'a pas pris, on a arrêté. On garde Google Drive",
      { type: 'multi', values: ['stockage'] },
    ],
    ['gestion_outils_partages', 'nos plannings sont sur un calendrier en ligne', { type: 'multi', values: ['agenda'] }],
    // Receiving and now sending too: ready.
    [
      'gestion_facture_electronique',
      "on reçoit par la plateforme, et l'envoi fonctionne aussi depuis janvier",
      { type: 'choice', value: 'pret' },
    ],
    // « pas encore », then something planned: the step above nothing.
    ['ia_usage', 'pas encore, mais un collègue dit que ça pourrait servir pour mes mails', { type: 'choice', value: 'envisage' }],
    ['gestion_facture_electronique', 'pas encore, il faut que je voie ça avec la comptable', { type: 'choice', value: 'renseigne' }],
    ['ia_usage', "je m'en sers pour les lettres aux clients", { type: 'choice', value: 'regulier' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test('« non, aucune idée » to « savez-vous… ? » is a no; to another question it stays « je ne sais pas »', () => {
    expect(stored('competences_financement', 'non, je ne sais pas du tout')).toEqual(no);
    expect(read('cyber_sauvegarde', 'non je sais pas')).toEqual({ kind: 'command', command: 'dontknow' });
  });
});
