// Refusals, not knowing and the readings added on the devn / devo batches (issue 10): a skip in the person's own words
// (said first, last, or naming the question), « demandez à … », a joke taken back, the question's words laughed at,
// bounds (« plus de 1 000 »), a scale step still under way, a bare « oui » beside something precise, not knowing
// whether. Our own sentences, never the corpus's.
import { read, stored } from '../helpers/reading.js';

const kindOf = (id: string, text: string) => {
  const r = read(id, text);
  return r.kind === 'command' ? `command:${r.command}` : r.kind === 'answer' ? r.main.answer.type : r.kind;
};

describe('refusals and not knowing, in the person’s own words', () => {
  test.each([
    ['profil_budget', 'je préfère garder ce chiffre pour moi'],
    ['vente_part_ca', "je ne souhaite pas communiquer mon chiffre d'affaires"],
    ['profil_localisation', 'je vous le dirai après'],
    ['strategie_indicateurs', 'on verra ça une autre fois'],
    // A sigh or a reason, then the skip.
    ['vente_en_ligne', 'oh là là, encore une question… suivante'],
    ['profil_secteur', 'ça sert à quoi tout ça, passons'],
    ['presence_domaine_email', "j'abandonne ces trucs-là, passez"],
    // The skip names the question, then why, without punctuation.
    ['strategie_priorites', "laissez tomber cette question je n'y connais rien"],
  ])('%s « %s » skips', (id, text) => {
    expect(kindOf(id, text)).toBe('command:passer');
  });

  // At a question, « plus tard » defers that question: a skip, never a pause the person did not ask for.
  test.each([
    ['vente_fichier_clients', 'plus tard svp', 'command:passer'],
    ['strategie_indicateurs', 'on verra plus tard', 'command:passer'],
    ['strategie_indicateurs', 'je reprendrai plus tard', 'command:pause'],
    ['strategie_indicateurs', 'à plus tard', 'command:pause'],
  ])('%s « %s »', (id, text, kind) => {
    expect(kindOf(id, text)).toBe(kind);
  });

  test('a short answer before a skip said last is the answer', () => {
    expect(stored('vente_en_ligne', 'boutique en ligne. question suivante')).toEqual({ type: 'multi', values: ['boutique'] });
  });

  test.each([
    ['gestion_logiciel_factures', 'demandez à Martine, elle tient la compta'],
    ['gestion_facture_electronique', "c'est ma belle-sœur qui suit ça, demandez-lui"],
    ['vente_en_ligne', "il faudrait demander à mon associé, c'est lui qui gère les commandes"],
    ['gestion_logiciel_metier', "c'est mon associé qui s'en charge, je ne peux pas vous dire"],
    // Not knowing whether, what or who: what follows is what is unknown.
    ['presence_site', 'je ne sais plus si notre vieux site est encore en ligne'],
    ['ia_usage', 'aucune idée de ce que font les commerciaux avec'],
  ])('%s « %s » is « je ne sais pas »', (id, text) => {
    expect(stored(id, text)).toEqual({ type: 'dontknow' });
  });
});

describe('jokes, bounds, steps and precision', () => {
  test.each([
    // A joke taken back: the real answer follows « je plaisante ».
    ['strategie_indicateurs', 'bien sûr, chaque matin avec mon café… non je plaisante, on ne regarde rien', { type: 'yesno', value: 'no' }],
    // The question's own words echoed and laughed at.
    ['cyber_mises_a_jour', "automatiquement ? haha, mon ordi n'a pas redémarré depuis un mois", { type: 'yesno', value: 'no' }],
    ['gestion_facture_electronique', 'prêt ? ah ah, on en est loin', { type: 'choice', value: 'rien_prevu' }],
    // A bound belongs to the band beyond it.
    ['profil_factures', 'plus de 1 000', { type: 'choice', value: 'plus_1000' }],
    ['profil_factures', 'moins de cent', { type: 'choice', value: 'moins_100' }],
    ['profil_factures', 'plus de cent', { type: 'choice', value: '100_1000' }],
    ['vente_part_ca', 'un petit tiers', { type: 'percent', value: 30 }],
    // Booking platforms are online reservation.
    ['vente_en_ligne', 'les clients réservent leurs nuits sur Booking', { type: 'multi', values: ['reservation'] }],
    // Someone else posts for the firm; « moi rien » is the dirigeant alone.
    ['presence_reseaux', 'mon fils publie sur Instagram pour la boutique, moi rien', { type: 'number', value: 1 }],
    // A step still under way is not reached.
    [
      'gestion_facture_electronique',
      "la réception fonctionne, pour l'envoi on est encore en test",
      { type: 'choice', value: 'plateforme_choisie' },
    ],
    ['gestion_facture_electronique', 'recevoir oui, envoyer pas encore', { type: 'choice', value: 'plateforme_choisie' }],
    // A bare « oui » beside where the backup really is.
    ['cyber_sauvegarde', 'oui, tout est sur le PC du bureau', { type: 'choice', value: 'non' }],
    // « pas encore, mais … » a plan is still a no; the present of a then-and-now story.
    [
      'competences_accompagnement',
      "pas encore, mais j'ai un rendez-vous avec la chambre de métiers en janvier",
      { type: 'yesno', value: 'no' },
    ],
    ['vente_part_ca', "l'an passé 5 %, cette année plutôt 8", { type: 'percent', value: 8 }],
    ['gestion_logiciel_factures', 'oui, depuis que ma fille a installé Henrri, avant tout était sur Word', { type: 'yesno', value: 'yes' }],
    // Words.
    ['profil_secteur', 'je suis ostéo', { type: 'sector', value: 'sante_social' }],
    ['gestion_logiciel_factures', 'mes devis sont faits sur OpenOffice', { type: 'yesno', value: 'no' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });
});
