// Answers are kept per person, not per conversation, in the real file store: after the server stops
// and a new one starts on the same DATA_DIR, a new conversation of the same person continues from the
// last unanswered question, and another person starts afresh.
import { startVirage, tempDataDir, type Running } from '../../helpers/virage.js';
import { asks, Chat, currentAnswers, DIAG, resultOf, stored } from './steps.js';
import { answerUntil, finishDiagnostic } from './typical.js';

describe('resume after a server restart on the same DATA_DIR', () => {
  const dataDir = tempDataDir('virage-resume-');
  let app: Running | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('continues where the person left, in a new conversation, without « pause »', async () => {
    app = await startVirage({}, dataDir);
    const first = new Chat(app.url, 'resume-user-1');
    await first.run([
      ['bonjour', /Que souhaitez-vous faire/],
      [DIAG, asks(1)],
    ]);
    await answerUntil(first, 'presence_site');
    await first.run([['Oui, un site à nous', asks(11)]]);
    await app.stop();

    app = await startVirage({}, dataDir);
    expect(Object.keys(await currentAnswers(app.virage, first.subject))).toHaveLength(10);
    const again = new Chat(app.url, first.userId); // same person, new conversation, new server
    await again.run([
      // The welcome offers to resume; the diagnostic itself offers it again when opened from the menu.
      ['bonjour', { says: /diagnostic en cours \(10 réponses/, hasButton: 'Reprendre mon diagnostic' }],
      [DIAG, { says: /diagnostic en cours \(10 réponses\)/, buttons: ['Reprendre', 'Recommencer à zéro'] }],
      ['Reprendre', asks(11, /Reprenons/)],
      ['retour', asks(10, /Revenons/)], // « retour » reaches an answer given before the restart
      ['Juste une page (annuaire, réseau social)', asks(11)],
    ]);
    expect((await currentAnswers(app.virage, first.subject)).presence_site).toEqual({ type: 'choice', value: 'page_annuaire' });

    // Another person on the same server starts afresh.
    const other = new Chat(app.url, 'resume-user-2');
    await other.run([
      ['bonjour', { says: /Que souhaitez-vous faire/, not: /en cours/ }],
      [DIAG, asks(1, /C’est parti/)],
    ]);
  });

  it('« pause », restart, then the welcome’s « Reprendre mon diagnostic » in a new conversation, to the result', async () => {
    app = await startVirage({}, dataDir);
    const first = new Chat(app.url, 'resume-user-3');
    await first.run([
      ['bonjour', /Que souhaitez-vous faire/],
      [DIAG, asks(1)],
    ]);
    await answerUntil(first, 'cyber_sauvegarde');
    await first.run([['pause', /reprendre mon diagnostic/]]);
    expect((await stored(app.virage, first.subject)).runs.current.currentQuestion).toBe('cyber_sauvegarde');
    await app.stop();

    app = await startVirage({}, dataDir);
    const again = new Chat(app.url, first.userId);
    await again.run([
      ['bonjour', { says: /diagnostic en cours \(21 réponses/, hasButton: 'Reprendre mon diagnostic' }],
      ['Reprendre mon diagnostic', asks(22, /Reprenons[\s\S]*Sauvegardez-vous/)],
    ]);
    const { diagnostic } = resultOf(await finishDiagnostic(again));
    const done = await stored(app.virage, first.subject);
    expect(done.runs.current).toBeUndefined();
    expect(done.runs.completed[0]).toMatchObject({ resultId: diagnostic.id });
    expect(Object.keys(done.runs.completed[0].answers)).toHaveLength(34);
    const chart = await fetch(`${app.url}/diagnostic/${diagnostic.id}/radar.png`);
    expect(chart.status).toBe(200);
  });
});
