// Everyday answers in the tune half's style (issue 10, devk / devl / devm): refusals and « je ne sais pas » in other
// words, the outside accountant, who set it up, things denied by a pronoun, plans cancelled, long ago, vocabulary.
// Our own sentences, never the corpus's.
import { read, stored } from '../helpers/reading.js';

describe('everyday answers at a diagnostic question', () => {
  test.each([
    // What the outside accountant does is not the firm's own tool (`outsourcedAnswer`); the rest of the message answers.
    ['gestion_logiciel_metier', "pour la comptabilité, c'est notre expert-comptable qui s'en occupe", { type: 'yesno', value: 'no' }],
    [
      'gestion_logiciel_metier',
      'les stocks sont sur un logiciel, la compta je la dépose chez le comptable',
      { type: 'yesno', value: 'yes' },
    ],
    ['gestion_logiciel_metier', "la compta c'est le cabinet, et le planning je le fais dans un cahier", { type: 'yesno', value: 'no' }],
    // A weak match near an option's words names no option beside « je ne sais pas ».
    ['profil_temps', 'je ne sais pas trop, selon les semaines', { type: 'dontknow' }],
    // A thing taken up by a pronoun in a denied clause is denied alone, not what an earlier sentence named.
    [
      'gestion_outils_partages',
      "un groupe WhatsApp pour l'équipe. Les visios, on n'en fait jamais.",
      { type: 'multi', values: ['messagerie_equipe'] },
    ],
    // Feminine agent nouns are read as their masculine; a majority co-manager is not salaried.
    ['profil_secteur', 'je suis traductrice', { type: 'sector', value: 'services_entreprises' }],
    ['profil_statut', 'cogérant majoritaire de notre SARL', { type: 'choice', value: 'tns-commerce' }],
    // « pas vraiment » leading an explanation stays a no; « un peu partout » is everywhere, not « un peu ».
    ['competences_accompagnement', "pas vraiment, un commercial m'a vendu un logiciel et c'est tout", { type: 'yesno', value: 'no' }],
    ['cyber_mots_de_passe', 'non, le nom du chat suivi de 2020 un peu partout', { type: 'yesno', value: 'no' }],
    // A thing named first, then denied without its pronoun (« le registre, j'ai jamais fait »).
    ['cyber_rgpd', 'les mentions sont sur nos devis, le registre on a jamais fait', { type: 'yesno', value: 'partly' }],
    // Something that existed, then no longer online, however long the story in between.
    [
      'presence_site',
      "on avait un petit site fait par un stagiaire en 2015 je crois, il n'a jamais été remis en ligne",
      { type: 'choice', value: 'non' },
    ],
    // A reason for not being concerned, then « mais oui, on a … »: the thing is there.
    ['presence_google', 'plombier donc on va chez les gens, mais oui on a une fiche à jour', { type: 'yesno', value: 'yes' }],
    // The thing named with its relative clause, then denied by a pronoun.
    ['strategie_indicateurs', "les demandes qu'on reçoit on les compte pas", { type: 'yesno', value: 'no' }],
    // A part named (« surtout … »), the rest unknown: something known, a yes where « en partie » is no option.
    ['strategie_priorites', 'un peu : faire venir des touristes surtout, pour le reste je ne sais pas', { type: 'yesno', value: 'yes' }],
    // Few invoices said without a figure.
    ['profil_factures', "très peu, c'est surtout de la vente au comptoir", { type: 'choice', value: 'moins_100' }],
    // Started, then given up, is dropped like something tried.
    ['competences_formation', 'on a commencé une formation aux réseaux sociaux, puis on a abandonné', { type: 'yesno', value: 'no' }],
    // Invoices made by the shop's platform for one part, a booklet for the rest; a booklet of names used to call back.
    [
      'gestion_logiciel_factures',
      'les commandes du site ont leurs factures générées automatiquement, le reste sur un carnet',
      { type: 'yesno', value: 'partly' },
    ],
    [
      'vente_fichier_clients',
      'un cahier avec les numéros, et je les rappelle quand la commande arrive',
      { type: 'yesno', value: 'partly' },
    ],
    // « aucune idée » is no head count; weak passwords described; a till that tracks stock is software.
    ['profil_effectif', 'aucune idée du nombre, il faut que je regarde', { type: 'dontknow' }],
    ['cyber_mots_de_passe', 'le nom du chat avec 123 à la fin, pour tout', { type: 'yesno', value: 'no' }],
    ['cyber_mots_de_passe', 'mots de passe identiques pour les mails et la compta', { type: 'yesno', value: 'no' }],
    ['gestion_logiciel_metier', 'la caisse gère le stock, le planning est sur un cahier', { type: 'yesno', value: 'yes' }],
    // A backup never restored is not tested; an account blocked right now is an incident under way.
    ['cyber_sauvegarde', 'tout est sur Dropbox, jamais eu besoin de restaurer', { type: 'choice', value: 'oui_sans_test' }],
    ['cyber_incident', 'en ce moment notre page Facebook est bloquée', { type: 'choice', value: 'oui_en_cours' }],
    // Long ago is older than any window; « zéro » denies; « c koi » asks.
    ['competences_formation', 'une formation Excel il y a bien longtemps', { type: 'yesno', value: 'no' }],
    ['profil_clientele', 'des artisans et des commerçants, zéro particulier', { type: 'choice', value: 'b2b' }],
    ['cyber_mots_de_passe', 'c koi un gestionnaire de mots de passe', 'question'],
    // « X c'est quoi, genre Y ? » asks; « trois fois rien » is almost nothing.
    ['vente_en_ligne', "un click and collect c'est quoi, genre un drive ?", 'question'],
    ['vente_part_ca', 'trois fois rien', { type: 'percent', value: 1 }],
    // Not knowing, then who set it up or knows: « je ne sais pas », whatever the words name.
    ['cyber_mises_a_jour', "j'en sais trop rien, c'est l'informaticien qui a tout paramétré", { type: 'dontknow' }],
    ['profil_statut', "aucune idée, c'est notre comptable qui a choisi au moment de créer", { type: 'dontknow' }],
    ['presence_google', "il faudrait que je demande à mon associé, c'est lui qui s'en occupe", { type: 'dontknow' }],
    // A département number in words said alone first; scaffolding is building.
    ['profil_localisation', 'trente-cinq. Un garage près de Rennes', { type: 'location', departement: '35', region: '53' }],
    ['profil_secteur', 'échafaudage et couverture', { type: 'sector', value: 'construction' }],
    // « pour être honnête, pas du tout, … » stays a no; something planned then cancelled is not done.
    ['strategie_indicateurs', "pour être honnête, pas du tout, on n'a pas le temps", { type: 'yesno', value: 'no' }],
    ['competences_formation', 'on devait faire une formation sur les réseaux, elle a été annulée', { type: 'yesno', value: 'no' }],
    ['cyber_sauvegarde', 'un disque en ligne, vérifié jamais', { type: 'choice', value: 'oui_sans_test' }],
    [
      'cyber_incident',
      'là maintenant on ne peut plus ouvrir nos fichiers, ils demandent des bitcoins',
      { type: 'choice', value: 'oui_en_cours' },
    ],
    // « ça compte pas vraiment » is a no said of what was told, not a question; plans, platforms and spreadsheets named.
    ['competences_accompagnement', "juste un commercial qui m'a vendu un logiciel, ça compte pas vraiment", { type: 'yesno', value: 'no' }],
    [
      'strategie_pilote',
      'ma fille prépare un calendrier des publications et on regarde les résultats chaque mois',
      { type: 'choice', value: 'plan_suivi' },
    ],
    ['vente_fichier_clients', "les numéros des clients sont dans un tableur, on ne s'en sert jamais", { type: 'yesno', value: 'partly' }],
    // Never asked oneself is a no, not a bad practice denied; running all day is hours worked, not time free.
    ['strategie_priorites', 'honnêtement je me suis jamais posé la question', { type: 'yesno', value: 'no' }],
    ['profil_temps', 'zéro, je cours toute la journée', { type: 'choice', value: 'aucun' }],
    // A trial for one purpose is a trial: what it was for does not make it regular use.
    ['ia_usage', "j'ai fait un essai pour rédiger un courrier, pas convaincue", { type: 'choice', value: 'teste' }],
    ['ia_usage', "je l'utilise pour rédiger mes devis toutes les semaines", { type: 'choice', value: 'regulier' }],
    // « jsais pas si ça compte mais … » is a doubt before the answer; a statement is not sent to the guides on a guess.
    [
      'ia_automatisation',
      'jsais pas si ça compte mais la boutique en ligne envoie un mail quand on commande',
      { type: 'yesno', value: 'yes' },
    ],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test.each([
    ['profil_budget', 'je préfère pas répondre', 'passer'],
    ['profil_effectif', 'je préférerais ne pas le dire pour le moment', 'passer'],
    ['profil_localisation', "j'ai pas envie de répondre à ça", 'passer'],
    ['vente_part_ca', 'on zappe', 'passer'],
    ['presence_reseaux', 'passons', 'passer'],
    ['ia_usage', 'je serais bien incapable de vous le dire', 'dontknow'],
    ['presence_site', 'je laisse de côté celle-là', 'passer'],
    ['vente_part_ca', "passe, je n'ai pas ces chiffres", 'passer'],
    ['gestion_logiciel_metier', 'je préfère passer', 'passer'],
    ['cyber_mises_a_jour', "j'en sais strictement rien", 'dontknow'],
  ])('%s: a refusal or a « je ne sais pas » in other words (« %s ») is %s', (id, text, command) => {
    expect(read(id, text)).toEqual({ kind: 'command', command });
  });

  test('not knowing said with a sigh is « je ne sais pas », not frustration', () => {
    expect(stored('competences_accompagnement', "pff, aucune idée, c'est nul ces questions")).toEqual({ type: 'dontknow' });
    expect(read('competences_accompagnement', "c'est nul ce truc")).toEqual({ kind: 'miss', frustrated: true });
  });
});
