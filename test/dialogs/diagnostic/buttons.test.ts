// A whole diagnostic answered by buttons (and the multi-choice cards submitted without text), through
// /api/messages and the real file store, to the result card, its chart and its PDF.
import { applicableQuestions } from '../../../src/diagnostic/index.js';
import { startVirage, type Running } from '../../helpers/virage.js';
import { asks, cardUrls, Chat, DIAG, resultOf, type Step } from './steps.js';
import { questionnaire, TYPICAL } from './typical.js';

const AXES = ['strategie', 'presence', 'vente', 'gestion', 'cyber', 'competences', 'ia'];

describe('diagnostic by buttons', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  it('walks every question with progress, then sends the result card, its chart and its PDF', async () => {
    const chat = new Chat(app.url);
    // All 34 questions apply to this firm (it has a site and sells at a distance).
    const list = applicableQuestions(questionnaire, {});
    expect(list).toHaveLength(34);
    const steps: Step[] = [
      ['bonjour', { buttons: [DIAG, 'Poser une question', 'Parler à un conseiller'] }],
      [DIAG, asks(1, /C’est parti[\s\S]*Question 1\/34 · Votre entreprise/)],
      ...list.slice(0, -1).map((q, i): Step => [TYPICAL[q.id], asks(i + 2, new RegExp(`Question ${i + 2}/34`))]),
      [TYPICAL[list[list.length - 1].id], /Merci ! Voici votre bilan/],
    ];
    const last = await chat.run(steps);

    const { card, diagnostic } = resultOf(last);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(diagnostic.overall).toBeGreaterThan(0);
    expect(diagnostic.overall).toBeLessThanOrEqual(100);
    expect(typeof diagnostic.level).toBe('string');
    expect(Object.keys(diagnostic.axes).sort()).toEqual([...AXES].sort());
    expect(diagnostic.priorities.length).toBeGreaterThanOrEqual(1);
    expect(diagnostic.priorities.every((p: unknown) => typeof p === 'string')).toBe(true);
    expect(Array.isArray(diagnostic.redFlags)).toBe(true);
    // After the result: the follow-up question (test/dialogs/diagnostic/follow-up.test.ts), then the menu.
    expect(last[last.length - 1].text).toMatch(/Voulez-vous refaire le point dans 6 mois \?/);
    await chat.run([['Non merci', /ne vous relancerai pas[\s\S]*Que souhaitez-vous faire/]]);

    // What the card shows is what was stored, under the id the links carry.
    const export_ = await app.virage.privacy.exportFor(chat.subject);
    const stored = export_.sources.find((s) => s.name === 'diagnostics')!.data as any;
    expect(stored.runs.current).toBeUndefined();
    const run = stored.runs.completed[0];
    expect(run.resultId).toBe(diagnostic.id);
    expect(run.answers.vente_en_ligne).toEqual({ type: 'multi', values: ['reservation', 'paiement_distance'] });
    expect(run.answers.gestion_outils_partages).toEqual({ type: 'multi', values: ['agenda', 'stockage'] });
    expect(run.answers.profil_effectif).toEqual({ type: 'size', value: '1-4' });
    expect(run.answers.profil_budget).toEqual({ type: 'money', amount: 1200, period: 'year' });
    expect(Object.keys(run.answers)).toHaveLength(34);
    const result = stored.results.find((r: any) => r.id === diagnostic.id).result;
    expect(result.overall).toBe(diagnostic.overall);
    expect(result.plan.priorities.map((p: any) => p.id)).toEqual(diagnostic.priorities);
    expect(result.profile).toMatchObject({ departement: '33', sizeBand: '1-4' });

    const urls = cardUrls(card, app.url);
    const chart = urls.find((u) => u.endsWith(`/diagnostic/${diagnostic.id}/radar.png`));
    const pdf = urls.find((u) => u.endsWith(`/diagnostic/${diagnostic.id}/rapport.pdf`));
    expect(chart && pdf).toBeTruthy();
    const png = await fetch(chart!);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toMatch(/^image\/png/);
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const report = await fetch(pdf!);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(
      Buffer.from(await report.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // Opening the diagnostic again starts a new run (no resume offer: the last one is complete).
    await chat.run([
      [DIAG, asks(1, /C’est parti/)],
      ['Seul(e), sans salarié', asks(2)],
    ]);
    const again = (await app.virage.privacy.exportFor(chat.subject)).sources.find((s) => s.name === 'diagnostics')!.data as any;
    expect(again.runs.current.answers).toEqual({ profil_effectif: { type: 'size', value: '0' } });
    expect(again.runs.completed).toHaveLength(1);
  });
});
