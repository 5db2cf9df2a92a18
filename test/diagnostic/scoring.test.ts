import fc from 'fast-check';
import { isScored, itemScore } from '../../src/diagnostic/answers.js';
import { loadScoringModel } from '../../src/diagnostic/model.js';
import { loadQuestionnaire } from '../../src/diagnostic/questionnaire.js';
import { axisWeights, levelFor, scoreDiagnostic } from '../../src/diagnostic/scoring.js';
import { profileFromAnswers } from '../../src/diagnostic/profile.js';
import type { Answer, Answers } from '../../src/diagnostic/types.js';
import { answerArb, answersArb, extremeAnswers } from './arbitraries.js';

const q = loadQuestionnaire();
const model = loadScoringModel(q);
const score = (answers: Answers) => scoreDiagnostic(q, model, answers, profileFromAnswers(q, answers));
const scored = q.questions.filter(isScored);

describe('item scores', () => {
  test('yes/partly/no are 1/0.5/0; not concerned and « je ne sais pas » do not count', () => {
    const google = q.questions.find((x) => x.id === 'presence_google')!;
    expect(itemScore(google, { type: 'yesno', value: 'yes' })).toBe(1);
    expect(itemScore(google, { type: 'yesno', value: 'partly' })).toBe(0.5);
    expect(itemScore(google, { type: 'yesno', value: 'no' })).toBe(0);
    expect(itemScore(google, { type: 'notconcerned' })).toBeNull();
    expect(itemScore(google, { type: 'dontknow' })).toBeNull();
  });

  test('« je ne sais pas » on e-invoicing or backup counts as « non » (dontKnowScore)', () => {
    const backup = q.questions.find((x) => x.id === 'cyber_sauvegarde')!;
    expect(itemScore(backup, { type: 'dontknow' })).toBe(0);
  });

  test('multi, bands and invalid answers', () => {
    const sales = q.questions.find((x) => x.id === 'vente_en_ligne')!;
    expect(itemScore(sales, { type: 'multi', values: ['reservation'] })).toBe(0.5);
    expect(itemScore(sales, { type: 'multi', values: ['reservation', 'boutique', 'place_de_marche'] })).toBe(1);
    expect(itemScore(sales, { type: 'multi', values: ['aucun', 'boutique'] })).toBeNull();
    const share = q.questions.find((x) => x.id === 'vente_part_ca')!;
    expect(itemScore(share, { type: 'percent', value: 0 })).toBe(0);
    expect(itemScore(share, { type: 'percent', value: 5 })).toBe(0.66);
    expect(itemScore(share, { type: 'percent', value: 30 })).toBe(1);
    expect(itemScore(share, { type: 'percent', value: 130 })).toBeNull();
    expect(itemScore(share, { type: 'yesno', value: 'yes' })).toBeNull();
  });
});

describe('axis and overall scores', () => {
  test('all best = 100 and « Avancé »; all worst = 0 and « Premiers pas »', () => {
    fc.assert(
      fc.property(answersArb(q), (random) => {
        const best = score(extremeAnswers(q, true, random));
        expect(best.overall).toBe(100);
        expect(best.level?.label).toBe('Avancé');
        for (const axis of best.axes) expect(axis.score).toBe(100);
        const worst = score(extremeAnswers(q, false, random));
        expect(worst.overall).toBe(0);
        expect(worst.level?.label).toBe('Premiers pas');
        expect(worst.badge.reached).toBe(false);
      }),
      { numRuns: 30 },
    );
  });

  test('scores stay within 0–100 for any answers', () => {
    fc.assert(
      fc.property(answersArb(q), (answers) => {
        const result = score(answers);
        for (const axis of result.axes) if (axis.score !== null) expect(axis.score).toBeGreaterThanOrEqual(0);
        for (const axis of result.axes) if (axis.score !== null) expect(axis.score).toBeLessThanOrEqual(100);
        if (result.overall !== null) expect(result.overall).toBeGreaterThanOrEqual(0);
        if (result.overall !== null) expect(result.overall).toBeLessThanOrEqual(100);
        expect(result.level === null).toBe(result.overall === null);
      }),
      { numRuns: 150 },
    );
  });

  test('monotonic: a better answer never lowers an axis score or the overall score', () => {
    const arb = fc
      .record({ answers: answersArb(q), index: fc.nat({ max: scored.length - 1 }) })
      .chain(({ answers, index }) =>
        fc.tuple(fc.constant(answers), fc.constant(scored[index]), answerArb(scored[index]), answerArb(scored[index])),
      );
    fc.assert(
      fc.property(arb, ([answers, question, a, b]) => {
        const sa = itemScore(question, a);
        const sb = itemScore(question, b);
        fc.pre(sa !== null && sb !== null && sa !== sb);
        const [worse, better] = (sa as number) < (sb as number) ? [a, b] : [b, a];
        const low = score({ ...answers, [question.id]: worse });
        const high = score({ ...answers, [question.id]: better });
        for (let i = 0; i < low.axes.length; i++) {
          if (low.axes[i].score !== null) expect(high.axes[i].score!).toBeGreaterThanOrEqual(low.axes[i].score!);
        }
        expect(high.overall!).toBeGreaterThanOrEqual(low.overall!);
        expect(high.badge.count).toBeGreaterThanOrEqual(low.badge.count);
      }),
      { numRuns: 300 },
    );
  });

  test('not concerned and « je ne sais pas » weigh exactly like an unanswered question', () => {
    const optional = scored.filter((x) => x.dontKnowScore === undefined);
    const arb = fc.tuple(answersArb(q), fc.constantFrom(...optional));
    fc.assert(
      fc.property(arb, ([answers, question]) => {
        const { [question.id]: _gone, ...without } = answers;
        const reference = score(without);
        const extras: Answer[] = [{ type: 'dontknow' }];
        if (question.notConcernedAllowed) extras.push({ type: 'notconcerned' });
        for (const extra of extras) {
          const result = score({ ...answers, [question.id]: extra });
          expect(result.axes).toEqual(reference.axes);
          expect(result.overall).toBe(reference.overall);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('skipped « site à jour » counts as « non » when there is no site', () => {
    const base = extremeAnswers(q, true);
    const noSite = score({ ...base, presence_site: { type: 'choice', value: 'non' } });
    const presence = noSite.axes.find((a) => a.axis === 'presence')!;
    expect(presence.counted).toBe(5);
    expect(presence.score).toBe(60); // 0 + 0 (assumed) + 1 + 1 + 1 over 5
  });

  test('weights: B2B clients halve « vente », very small firms halve « ia »', () => {
    expect(axisWeights(model, { clientele: 'b2b', sizeBand: '10-49' }).weights.vente).toBe(0.5);
    expect(axisWeights(model, { clientele: 'b2c', sizeBand: '1-4' }).weights).toMatchObject({ vente: 1, ia: 0.5 });
    const answers = { ...extremeAnswers(q, true), vente_en_ligne: { type: 'multi', values: ['aucun'] } as Answer };
    const b2b = score({ ...answers, profil_clientele: { type: 'choice', value: 'b2b' } });
    const b2c = score({ ...answers, profil_clientele: { type: 'choice', value: 'b2c' } });
    expect(b2b.overall!).toBeGreaterThan(b2c.overall!);
    expect(b2b.weightNotes.join(' ')).toContain('professionnels');
  });

  test('levels follow the EU DMA bands', () => {
    expect([0, 25, 26, 50, 51, 75, 76, 100].map((s) => levelFor(model, s)?.label)).toEqual([
      'Premiers pas',
      'Premiers pas',
      'En progression',
      'En progression',
      'Structuré',
      'Structuré',
      'Avancé',
      'Avancé',
    ]);
    expect(levelFor(model, null)).toBeNull();
  });

  test('socle numérique: 4 of the 8 basics', () => {
    const worst = extremeAnswers(q, false);
    const three = score({
      ...worst,
      presence_site: { type: 'choice', value: 'oui' },
      gestion_logiciel_factures: { type: 'yesno', value: 'yes' },
      cyber_sauvegarde: { type: 'choice', value: 'oui_sans_test' },
    });
    expect(three.badge).toMatchObject({ count: 3, reached: false, threshold: 4 });
    const four = score({
      ...worst,
      ...(three.badge.basics && {}),
      presence_site: { type: 'choice', value: 'oui' },
      gestion_logiciel_factures: { type: 'yesno', value: 'yes' },
      cyber_sauvegarde: { type: 'choice', value: 'oui_sans_test' },
      ia_usage: { type: 'choice', value: 'teste' },
    });
    expect(four.badge).toMatchObject({ count: 4, reached: true });
    expect(four.badge.basics).toHaveLength(8);
  });
});
