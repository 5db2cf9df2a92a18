// Everyday readings of issue 10 (devr / devs batches): refusals and who can tell in other words, figures that look
// like years, one's own trade beside the customers, a denial said after the thing, a relative clause that does not
// take back the answer, a clause of nothing before a question. Our own sentences.
import { read, stored } from '../helpers/reading.js';

describe('refusals and someone else who can tell', () => {
  test.each([
    ['profil_budget', 'pas trop envie de répondre à celle-ci'],
    ['profil_localisation', 'je le dirai pas'],
    ['cyber_rgpd', 'désolée, je réponds pas à cette question'],
    ['vente_part_ca', 'préfère pas le dire'],
    ['profil_temps', 'pas envie de me prononcer là-dessus'],
    ['profil_budget', "pas envie de donner ce genre d'information"],
    ['profil_localisation', 'ça ne regarde que moi'],
    ['profil_statut', 'pfff je passe celle-ci'],
    ['cyber_rgpd', "je vois pas l'intérêt de vous répondre"],
    ['profil_budget', 'on en reparle plus tard'],
    ['profil_budget', "pas vraiment envie d'en discuter ici"],
    ['strategie_priorites', 'pas de réponse à cette question'],
    ['profil_budget', 'nous préférons ne pas le dire'],
    ['cyber_rgpd', "hmm j'aime mieux pas répondre"],
    ['presence_site', "j'aime autant passer à la suivante"],
    ['profil_budget', 'pas envie de donner un chiffre'],
    ['vente_part_ca', 'nos chiffres on les garde pour nous'],
  ])('%s « %s » skips', (id, text) => {
    const r = read(id, text);
    expect(r.kind === 'command' && r.command).toBe('passer');
  });

  test.each([
    ['strategie_pilote', 'voyez avec mon associé'],
    ['strategie_pilote', "c'est ma belle-sœur qui pourra vous le dire"],
    ['ia_automatisation', "je peux pas vous dire, c'est mon fils qui fait la compta"],
    ['profil_budget', "il faut que j'en parle à ma comptable"],
    ['gestion_logiciel_metier', 'aucune idée, voyez avec le cabinet comptable'],
    ['cyber_sauvegarde', "alors là pas la moindre idée, c'est mon gendre qui a branché le serveur"],
    ['profil_secteur', "c'est pas facile à dire, on touche à tout"],
    ['gestion_facture_electronique', "je ne sais pas, c'est le service administratif du groupement qui gère"],
    ['profil_factures', "c'est mon associée qui sait, moi je fais les chantiers"],
    ['cyber_sauvegarde', "aucune idée, c'est mon cousin qui bricole les ordis"],
    ['profil_statut', "je ne sais plus, c'est le notaire qui a immatriculé la boîte"],
    ['competences_formation', "je dois vérifier avec la gérante, j'ignore ce qui a été fait"],
    ['cyber_incident', 'je ne suis pas au courant, ce serait au prestataire de vous le dire'],
    ['cyber_mots_de_passe', "aucune certitude, c'est mon mari qui a les identifiants"],
    ['profil_factures', 'je laisse ma secrétaire vous répondre'],
    ['strategie_priorites', "aucune idée, faut demander à ma sœur, c'est elle qui gère"],
    ['profil_budget', 'pas encore décidé, on verra le moment venu'],
  ])('%s « %s » is not known', (id, text) => {
    expect(stored(id, text)).toEqual({ type: 'dontknow' });
  });

  test('someone named as the one who does it still answers « qui… ? »', () => {
    expect(stored('strategie_pilote', "c'est mon associé qui s'occupe de tout ça")).not.toEqual({ type: 'dontknow' });
  });
});

describe('figures, trades and denials where they belong', () => {
  test.each([
    ['profil_factures', 'pas loin de 1900 par an', { type: 'choice', value: 'plus_1000' }],
    ['profil_factures', 'plus de 2000', { type: 'choice', value: 'plus_1000' }],
    ['profil_clientele', "c'est un salon de coiffure, des particuliers", { type: 'choice', value: 'b2c' }],
    ['strategie_priorites', "je ne vois pas à quoi ça me servirait, j'ai assez de clients", { type: 'yesno', value: 'no' }],
    ['presence_reseaux', 'Instagram et LinkedIn, plus TikTok de temps en temps mais pas chaque mois', { type: 'number', value: 2 }],
    ['presence_reseaux', 'Instagram et LinkedIn mais on poste rarement', { type: 'number', value: 0 }],
    [
      'vente_fichier_clients',
      'oui, tout est dans le logiciel et on écrit aux clients qui sont pas revenus',
      { type: 'yesno', value: 'yes' },
    ],
    [
      'cyber_sauvegarde',
      'tout part sur Google Drive chaque nuit, un essai de restauration, non, jamais',
      { type: 'choice', value: 'oui_sans_test' },
    ],
    ['gestion_facture_electronique', "la réception est réglée, l'envoi on verra", { type: 'choice', value: 'plateforme_choisie' }],
    ['gestion_outils_partages', 'on est deux, pas besoin de tout ça', { type: 'multi', values: ['aucun'] }],
    ['ia_sobriete', "j'imprime encore toutes mes factures", { type: 'yesno', value: 'no' }],
    ['profil_temps', 'aucune, je suis au fournil du matin au soir', { type: 'choice', value: 'aucun' }],
    ['vente_en_ligne', 'une boutique sur notre site pour les bons cadeaux', { type: 'multi', values: ['boutique'] }],
    ['vente_part_ca', 'tout, sauf deux ou trois clients qui passent au bureau', { type: 'percent', value: 100 }],
    ['vente_part_ca', 'rien à part 3 % avec le site', { type: 'percent', value: 3 }],
    ['presence_reseaux', 'Instagram, mais le dernier post date de cet été', { type: 'number', value: 0 }],
    ['strategie_indicateurs', 'on suit le chiffre du site, pour le reste rien', { type: 'yesno', value: 'partly' }],
    ['cyber_mises_a_jour', "j'ai un antivirus mais la licence a expiré en mars", { type: 'yesno', value: 'partly' }],
    ['cyber_mots_de_passe', 'ils se ressemblent tous, ils sont tous pareils ou presque', { type: 'yesno', value: 'no' }],
    ['competences_accompagnement', "la chambre de commerce m'a contacté mais je n'ai pas donné suite", { type: 'yesno', value: 'no' }],
    ['vente_part_ca', "l'hiver 5, l'été 30, en moyenne 15", { type: 'percent', value: 15 }],
    ['presence_site_a_jour', 'oui, je change les menus à peu près toutes les semaines', { type: 'yesno', value: 'yes' }],
    ['strategie_indicateurs', 'oui, le ticket moyen et le nombre de clients chaque semaine', { type: 'yesno', value: 'yes' }],
    ['cyber_rgpd', 'non, je ne vois pas à qui ça servirait, on a trois clients', { type: 'yesno', value: 'no' }],
    ['presence_reseaux', 'Facebook et LinkedIn, disons 3-4 publications par mois', { type: 'number', value: 2 }],
    [
      'gestion_logiciel_factures',
      "on a pris Henrri cette année, avant c'était Excel, donc oui maintenant",
      { type: 'yesno', value: 'yes' },
    ],
    ['gestion_logiciel_factures', "on fait tout sur Sellsy, avant c'était un carnet", { type: 'yesno', value: 'yes' }],
    ['cyber_rgpd', 'bof, non', { type: 'yesno', value: 'no' }],
    ['gestion_outils_partages', 'un carnet au comptoir, rien de plus', { type: 'multi', values: ['aucun'] }],
    ['profil_temps', 'une stagiaire à mi-temps pour les réseaux', { type: 'choice', value: 'dedie' }],
    ['ia_usage', 'Mistral chaque matin pour trier mes mails', { type: 'choice', value: 'regulier' }],
    ['strategie_priorites', "non, aucune idée, c'est mon associé qui gère ça", { type: 'yesno', value: 'no' }],
    ['profil_factures', 'à peu près 100 clients facturés tous les mois', { type: 'choice', value: 'plus_1000' }],
    ['profil_secteur', "une chambre d'hôtes en Ardèche", { type: 'sector', value: 'hotellerie_restauration' }],
    ['profil_localisation', 'Haut de Seine, à Nanterre', { type: 'location', departement: '92', region: '11' }],
    ['presence_reseaux', 'Instagram surtout, LinkedIn plutôt rare, une fois tous les 3 mois', { type: 'number', value: 1 }],
    ['profil_temps', 'un alternant qui vient une semaine sur deux', { type: 'choice', value: 'dedie' }],
    ['profil_clientele', 'des seniors qui ne peuvent plus conduire', { type: 'choice', value: 'b2c' }],
    ['gestion_outils_partages', 'FaceTime avec les fournisseurs', { type: 'multi', values: ['visio'] }],
    ['cyber_mises_a_jour', "pas d'antivirus, et les mises à jour je les lance quand j'y pense", { type: 'yesno', value: 'no' }],
    [
      'cyber_mises_a_jour',
      "en partie : l'ordinateur se met à jour tout seul, le téléphone quand j'y pense",
      { type: 'yesno', value: 'partly' },
    ],
    [
      'cyber_sauvegarde',
      "une clé USB que j'emporte le soir, jamais tenté de récupérer un fichier",
      { type: 'choice', value: 'oui_sans_test' },
    ],
    ['vente_en_ligne', 'notre e-shop et Etsy', { type: 'multi', values: ['boutique', 'place_de_marche'] }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test('a clause of nothing before a question answers it, and the question is answered too', () => {
    const r = read('gestion_facture_electronique', "rien du tout, c'est pour quand déjà ?");
    expect(r.kind === 'answer' && r.main.answer).toEqual({ type: 'choice', value: 'rien_prevu' });
    expect(r.kind === 'answer' && r.asked).toBeTruthy();
  });

  test.each([
    ['presence_google', 'la fiche Google, ça coûte combien ?'],
    ['profil_clientele', "si c'est la mutuelle qui paie, c'est un client pro ?"],
    ['cyber_incident', 'une attaque par hameçonnage c’est quoi exactement'],
    ['cyber_sauvegarde', "un disque externe et le cloud, c'est la même chose ? on a Dropbox"],
    ['profil_clientele', 'ça dépend ce que vous entendez par particulier, une association ça compte ?'],
    ['vente_part_ca', "la part c'est sur toute l'activité ou seulement sur la boutique ?"],
  ])('%s « %s » is a question, not an answer', (id, text) => {
    expect(read(id, text).kind).toBe('question');
  });
});
