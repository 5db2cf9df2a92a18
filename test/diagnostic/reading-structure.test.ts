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

describe('a leading answer, a real answer after a joke, nothing left to do by hand', () => {
  test.each([
    // « Non, … » explained with generic words (« toujours », « tout le temps ») stays a no.
    ['competences_accompagnement', "Non, la CCI m'appelle tout le temps mais c'est toujours pour vendre des stands", no],
    ['cyber_mises_a_jour', 'Non, je clique toujours sur « plus tard », ça me coupe en plein devis', no],
    // … unless the explanation takes it back: a part, a restriction.
    ['cyber_mises_a_jour', 'non, sauf le portable du bureau qui se met à jour tout seul', { type: 'yesno', value: 'partly' }],
    ['cyber_rgpd', 'non, à part une mention sur les devis', { type: 'yesno', value: 'partly' }],
    // After a joke, « sinon » before an explicit answer is the real answer.
    ['competences_accompagnement', 'Oui, accompagné par le livreur jusqu’au camion 🤣 sinon non, personne', no],
    // Nothing left to type or to do is what a working automation gives: a yes.
    ['ia_automatisation', 'les factures fournisseurs arrivent seules dans le logiciel, je n’ai plus rien à recopier', yes],
    ['cyber_mises_a_jour', "oui l'ordinateur et la tablette se mettent à jour la nuit, j'ai rien à toucher", yes],
    // « avoir la main sur » is being in charge, not doing by hand.
    ['cyber_mises_a_jour', "c'est l'informaticien du groupement qui a la main sur nos postes, tout est automatique", yes],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });
});

describe('a double negation says the positive', () => {
  test.each([
    ['presence_site_a_jour', "on ne peut pas dire qu'elle ne soit pas à jour, j'ai ajouté les congés la semaine dernière", yes],
    [
      'gestion_logiciel_factures',
      "je ne dirais pas qu'on ne s'en sert pas, les factures sortent d'EBP mais les devis restent sur Excel",
      { type: 'yesno', value: 'partly' },
    ],
    [
      'strategie_priorites',
      "c'est pas que je sais pas ce que j'attends, je veux remplir le carnet de commandes, c'est le temps qui manque",
      yes,
    ],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });
});

describe('a strong contrast between parts', () => {
  test.each([
    [
      'cyber_mises_a_jour',
      'Sur le poste de la caisse oui, Windows Defender est actif. Les portables des livreurs par contre, chacun se débrouille',
      'partly',
    ],
    [
      'cyber_rgpd',
      "C'est le cabinet comptable qui nous a monté le registre. Par contre les bons de commande, on n'a rien mis dessus",
      'partly',
    ],
    // The part after the contrast says yes too: no contrast of answers.
    ['cyber_mises_a_jour', 'Les PC se mettent à jour tout seuls, par contre les téléphones aussi sont à jour automatiquement', 'yes'],
  ])('%s « %s »', (id, text, value) => {
    expect(stored(id, text)).toEqual({ type: 'yesno', value });
  });
});

describe('an overdone yes ended by an emoji of irony is a no (devg)', () => {
  test.each([
    ['vente_fichier_clients', 'oui, un fichier génial : le tiroir de la caisse plein de tickets 🙄', no],
    ['strategie_priorites', 'bien sûr, des factures en plus, c’est le rêve 🙃', no],
    // An embarrassed emoji after a plain yes keeps the yes; an overdone word with a plain emoji keeps it too.
    ['strategie_priorites', 'oui bien sûr, avoir plus de réservations 😅', yes],
    ['vente_fichier_clients', 'oui, un super logiciel de caisse, on relance les clients chaque mois 👍', yes],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });
});

describe('a yes kept to one purpose, the rest denied or unknown, is a part (devg)', () => {
  test.each([
    ['vente_fichier_clients', 'pour envoyer les promos oui, pour le reste non', { type: 'yesno', value: 'partly' }],
    // A question whose only options are « Oui » / « Non »: knowing one priority is a yes.
    ['strategie_priorites', 'pour attirer des clients oui, le reste je ne vois pas bien', yes],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });
});
