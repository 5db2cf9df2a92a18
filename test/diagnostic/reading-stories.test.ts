// Readings of answers told as stories, parts and guesses (issue 10): a partial answer where the options have no
// « en partie », a situation told then a question about it, an incident's outcome, parts said in clauses,
// a bad practice denied, a guess that someone else handles it, a year outside the question's window.
// Our own sentences, never the corpus's.
import { monthsAgo } from '../../src/diagnostic/recency.js';
import { scopedTokens } from '../../src/nlu/extract/matcher.js';
import { read, readingContext, stored } from '../helpers/reading.js';

const cues = readingContext().nlu.phrases.answerCues;

describe('answers told as stories, parts and guesses', () => {
  test.each([
    // No « en partie » among the options: something done is a yes, a « Non » phrasing a no.
    [
      'competences_accompagnement',
      "juste l'installateur de la caisse qui m'a montré deux ou trois réglages",
      { type: 'yesno', value: 'yes' },
    ],
    ['ia_sobriete', 'bof, on change de tel dès qu’un nouveau modèle sort', { type: 'yesno', value: 'no' }],
    // A shrug beside a word is a tone.
    ['competences_financement', 'non 🤷', { type: 'yesno', value: 'no' }],
    // The outcome of an incident decides between « réglé » and « en cours ».
    ['cyber_incident', "notre page a été piratée au printemps, tout est rentré dans l'ordre", { type: 'choice', value: 'oui_regle' }],
    ['cyber_incident', 'un faux fournisseur a demandé un virement, la banque a bloqué à temps', { type: 'choice', value: 'oui_regle' }],
    ['cyber_incident', 'on a été piratés cette nuit', { type: 'choice', value: 'oui_en_cours' }],
    // Parts in clauses: the question's own words taken up in one, denied in the other; a part unknown.
    ['cyber_mises_a_jour', "l'ordinateur fait ses mises à jour, mais il n'y a pas d'antivirus", { type: 'yesno', value: 'partly' }],
    ['competences_financement', "l'OPCO oui, le reste ça ne me dit rien", { type: 'yesno', value: 'partly' }],
    // Old in the first clause is the whole thing old, not a part.
    ['cyber_mises_a_jour', "j'ai juste un vieux portable sous Windows XP, on ne le met jamais à jour", { type: 'yesno', value: 'no' }],
    // A bad practice denied is the good one.
    ['cyber_mots_de_passe', 'je ne reprends jamais le même mot de passe', { type: 'yesno', value: 'yes' }],
    // Someone else handles it, as a guess: the person does not know.
    ['cyber_rgpd', "c'est le logiciel de réservation qui gère ça, j'imagine", { type: 'dontknow' }],
    // A year older than the window is a no.
    ['competences_formation', 'un stage sur les réseaux sociaux en 2012, rien depuis', { type: 'yesno', value: 'no' }],
    // Descriptions in a CCI advisor's words: a training day, a bank feed, an app.
    ['competences_formation', 'une journée avec la CCI pour apprendre Canva', { type: 'yesno', value: 'yes' }],
    ['ia_automatisation', 'notre banque est connectée au logiciel comptable', { type: 'yesno', value: 'yes' }],
    ['gestion_logiciel_metier', 'le planning des tournées est sur une appli', { type: 'yesno', value: 'yes' }],
    // Hours worked are not hours free for the digital.
    ['profil_temps', 'quasiment rien, on bosse déjà 55 h par semaine', { type: 'choice', value: 'aucun' }],
    // The hour a day ends is a clock time, not a duration.
    ['profil_temps', 'pas grand-chose, je ferme la boutique à 19h30 tous les jours', { type: 'choice', value: 'aucun' }],
    // « je crois que ça compte » doubts the answer, it asks nothing.
    ['ia_automatisation', 'les relances de factures partent toutes seules, je pense que ça compte', { type: 'yesno', value: 'yes' }],
    // A figure said unsurely, with a question mark, is the answer.
    ['profil_budget', 'dans les 1 500 € ?', { type: 'money', amount: 1500, period: 'year' }],
    // A clause ending in a bare denial denies its words; words found across clauses out of order name nothing.
    ['gestion_facture_electronique', 'la réception fonctionne, l’envoi pas encore', { type: 'choice', value: 'plateforme_choisie' }],
    [
      'gestion_facture_electronique',
      'on reçoit déjà par la plateforme, pour envoyer on verra',
      { type: 'choice', value: 'plateforme_choisie' },
    ],
    // « depuis l'an dernier » is how things are now, beside how they were before.
    ['gestion_logiciel_factures', "sur Axonaut depuis l'an dernier, avant tout était sur Word", { type: 'yesno', value: 'yes' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test('a situation told, then a question about it: the answer is stored and the question answered', () => {
    const r = read('cyber_incident', 'depuis ce matin notre messagerie envoie des spams à nos contacts, que dois-je faire ?');
    expect(r.kind).toBe('answer');
    if (r.kind === 'answer') {
      expect(r.main.answer).toEqual({ type: 'choice', value: 'oui_en_cours' });
      expect(r.asked).toContain('que dois-je faire');
    }
  });

  test('a question that doubts the answer itself stores nothing', () => {
    expect(read('gestion_outils_partages', "on s'écrit sur un groupe avec toute l'équipe, ça compte ?").kind).toBe('question');
  });

  test('« un peu de » is a quantity, not a hedge', () => {
    expect(stored('cyber_rgpd', 'on fait un peu de vente à emporter le midi')).not.toEqual({ type: 'yesno', value: 'partly' });
  });

  test('« tel » after a determiner is the phone', () => {
    expect(readingContext().nlu.normalize('mon tel a cinq ans').text).toBe('mon téléphone a cinq ans');
    expect(readingContext().nlu.normalize('tel que prévu').text).toBe('tel que prévu');
  });

  test('a clause ending in a bare denial denies the words before it, back to « mais »', () => {
    const denied = (t: string) =>
      scopedTokens(t)
        .filter((x) => x.neg)
        .map((x) => x.w);
    expect(denied("le site oui, l'envoi pas encore")).toEqual(['l', 'envoi', 'encore']);
    expect(denied('ça me plaît mais pas encore')).toEqual(['encore']);
  });

  test('a past year counts from its end', () => {
    const now = new Date(2026, 11, 1);
    expect(monthsAgo('une formation en 2015', cues, now)).toEqual([131]);
    expect(monthsAgo('une formation en 2025', cues, now)).toEqual([11]);
    expect(monthsAgo('une formation en 2026', cues, now)).toEqual([]);
  });
});
