// Readings added for issue 10 (own sentences, never the corpus's): events older than a question's
// window (« ces 12 derniers mois »), a share given as two amounts, « c'est X qui sait » to a knowledge
// question, « le minimum » as a budget, « moi non mais mon salarié oui ».
import { monthsAgo } from '../../src/diagnostic/recency.js';
import { shareOfTotal } from '../../src/diagnostic/share.js';
import { readingContext, stored } from '../helpers/reading.js';

const cues = readingContext().nlu.phrases.answerCues;

describe('readings of dated events, shares and delegated knowledge', () => {
  test.each([
    // Older than the window: a no; inside it, or with a recent event beside it: not a no.
    ['cyber_incident', 'une arnaque au faux RIB, ça fait trois ans déjà', { type: 'choice', value: 'non' }],
    ['competences_formation', 'un stage tableur il y a dix ans', { type: 'yesno', value: 'no' }],
    ['competences_formation', 'une formation facebook il y a 6 mois', { type: 'yesno', value: 'yes' }],
    // Two amounts to a percent question: the part over the whole.
    ['vente_part_ca', 'environ 30 000 € par le site pour 150 000 € au total', { type: 'percent', value: 20 }],
    ['vente_part_ca', '8k€ sur 40k€', { type: 'percent', value: 20 }],
    // Someone else knows: « je ne sais pas », never a yes.
    ['competences_financement', "c'est ma comptable qui connaît ça", { type: 'dontknow' }],
    ['competences_financement', 'faut voir avec mon expert-comptable', { type: 'dontknow' }],
    // A no of the dirigeant alone beside someone else in the firm who does it: the firm does it.
    ['competences_formation', 'pas moi, mais ma vendeuse a fait une journée sur les réseaux', { type: 'yesno', value: 'yes' }],
    // No « en partie » among the options: someone trained is a yes.
    ['competences_formation', 'moi oui, mes salariés non', { type: 'yesno', value: 'yes' }],
    ['competences_formation', 'moi non, mes salariés non plus', { type: 'yesno', value: 'no' }],
    // Something someone did once and that stopped (« depuis plus personne ») is the « nobody » option.
    ['strategie_pilote', 'mon neveu au début, maintenant plus personne', { type: 'choice', value: 'personne' }],
    // Trained by whoever sold the tool is being accompanied; nobody trained me is not.
    ['competences_accompagnement', "le fournisseur de la caisse m'a formée", { type: 'yesno', value: 'yes' }],
    ['competences_accompagnement', "personne ne m'a jamais formé", { type: 'yesno', value: 'no' }],
    // « elle existe » then a part out of date: in part; not knowing who made it is an aside.
    ['presence_google', "on l'a, mais l'adresse c'est l'ancienne", { type: 'yesno', value: 'partly' }],
    // A page on a marketplace is a page, not a site of one's own.
    ['presence_site', 'juste une vitrine sur leboncoin', { type: 'choice', value: 'page_annuaire' }],
    // As little as possible: nothing set aside.
    ['profil_budget', 'le strict minimum', { type: 'money', amount: 0, period: 'year' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test('not knowing who made it is an aside, not « je ne sais pas »', () => {
    expect(stored('presence_google', 'elle existe, aucune idée de qui la tient, mais tout y est juste')).not.toEqual({ type: 'dontknow' });
    expect(stored('presence_google', 'je ne sais pas qui la tient')).toEqual({ type: 'dontknow' });
  });

  test('dates and shares', () => {
    expect(monthsAgo('il y a 2 ans et ça fait dix-huit mois', cues)).toEqual([24]);
    expect(monthsAgo('y a 18 mois', cues)).toEqual([18]);
    expect(monthsAgo('mon ordinateur a 8 ans', cues)).toEqual([]);
    expect(shareOfTotal('10 % de 200 000 €')).toBeUndefined();
    expect(shareOfTotal('5 000 €')).toBeUndefined();
  });
});
