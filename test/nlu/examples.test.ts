// The learned reader of answers (src/nlu/examples.ts): naive Bayes per question over French stems, a negated
// word being another feature than the word itself, yes/no examples shared between yes/no questions.
import { AnswerModel, createNlu, exampleFeatures, type ExampleAnswers } from '../../src/nlu/index.js';
import { content } from '../helpers/content.js';

const normalize = createNlu(content().nlu).normalize;

// Our own little data set (not the shipped one): a backup question and a site question.
const backup: ExampleAnswers = {
  questionId: 'sauvegarde',
  type: 'yesno',
  labels: ['yes', 'no', 'dontknow'],
  examples: [
    { text: 'oui un disque dur chaque soir', answer: 'yes' },
    { text: 'tout part dans le cloud la nuit', answer: 'yes' },
    { text: 'une copie sur une clé chaque semaine', answer: 'yes' },
    { text: 'aucune copie de rien', answer: 'no' },
    { text: 'pas de sauvegarde', answer: 'no' },
    { text: 'jamais fait de copie', answer: 'no' },
    { text: 'aucune idée', answer: 'dontknow' },
  ],
};
const site: ExampleAnswers = {
  questionId: 'site',
  type: 'yesno',
  labels: ['yes', 'no'],
  examples: [
    { text: 'le site est à jour', answer: 'yes' },
    { text: 'pas touché au site depuis longtemps', answer: 'no' },
    { text: 'ni les horaires ni les photos', answer: 'no' },
    { text: 'mis à jour le mois dernier', answer: 'yes' },
    { text: 'franchement je sais pas', answer: 'dontknow' },
  ],
};

describe('exampleFeatures', () => {
  it('marks the words a negation reaches, up to a « mais »', () => {
    expect(exampleFeatures('pas de sauvegarde')).toEqual(['pas', '!sauvegard', 'pas_!sauvegard']);
    const f = exampleFeatures('pas de copie mais un disque');
    expect(f).toContain('!cop');
    expect(f).toContain('mais');
    expect(f).toContain('disqu');
    expect(f).toContain('>disqu');
    expect(f).not.toContain('!disqu');
  });

  it('pairs neighbouring words, so that « aucune idée » and « aucune sauvegarde » differ beyond « aucune »', () => {
    expect(exampleFeatures('aucune idée')).toContain('aucune_!ide');
    expect(exampleFeatures('aucune sauvegarde')).toContain('aucune_!sauvegard');
    expect(exampleFeatures('le même mot de passe')).toContain('mot_pass');
    // « mais » marks the words after it; pairs are made of the words themselves, not of the marks.
    expect(exampleFeatures('un site mais vieux').filter((f) => f.includes('_') && f.includes('>'))).toEqual([]);
  });
});

describe('AnswerModel', () => {
  const model = new AnswerModel([backup, site], normalize);

  it('reads an answer written otherwise than its examples', () => {
    expect(model.guess('sauvegarde', 'on fait une copie sur disque dur')[0]!.label).toBe('yes');
    expect(model.guess('sauvegarde', 'non, pas de copie')[0]!.label).toBe('no');
    const [best] = model.guess('sauvegarde', 'non, pas de copie');
    expect(best!.share).toBeGreaterThan(0.5);
    expect(best!.share).toBeLessThanOrEqual(1);
  });

  it('learns yes/no words from the other yes/no questions, but never a label the question does not accept', () => {
    // « jamais » is learned at the backup question only; the site question reads it too.
    const alone = new AnswerModel([site], normalize);
    const share = (m: AnswerModel) => m.guess('site', 'mis à jour ? jamais').find((g) => g.label === 'no')?.share ?? 0;
    expect(share(model)).toBeGreaterThan(share(alone));
    const labels = model.guess('site', 'le site, une copie chaque soir').map((g) => g.label);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => ['yes', 'no', 'dontknow'].includes(l))).toBe(true);
  });

  it("reads nothing into a text that shares no content word with the question's own examples", () => {
    // « copie » and « disque » were only learned at the backup question: they say nothing about the site.
    expect(model.guess('site', 'jamais de copie sur disque')).toEqual([]);
    expect(model.guess('sauvegarde', 'jamais de copie sur disque')[0]!.label).toBe('no');
  });

  it('says nothing for a question without examples or a text with no known word', () => {
    expect(model.has('budget')).toBe(false);
    expect(model.guess('budget', 'oui')).toEqual([]);
    expect(model.guess('sauvegarde', 'zzz qwerty')).toEqual([]);
  });

  it('trains each question once, on first use', () => {
    const fresh = new AnswerModel([backup, site], normalize);
    expect(fresh.trainingMs).toBe(0);
    fresh.guess('site', 'à jour');
    const once = fresh.trainingMs;
    expect(once).toBeGreaterThan(0);
    fresh.guess('site', 'pas à jour');
    expect(fresh.trainingMs).toBe(once);
  });

  it('trains every question in the background with warm()', async () => {
    const fresh = new AnswerModel([backup, site], normalize);
    await fresh.warm();
    const all = fresh.trainingMs;
    expect(all).toBeGreaterThan(0);
    fresh.guess('sauvegarde', 'une copie');
    fresh.guess('site', 'à jour');
    expect(fresh.trainingMs).toBe(all);
  });
});
