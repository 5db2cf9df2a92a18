// The dialogs on STORE=postgres: a whole diagnostic through /api/messages, a callback request and a live
// handoff, then a restart on the same database (a second instance, as after a deploy) that finds it all.
// Every other dialog test can run on PostgreSQL too: VIRAGE_TEST_STORE=postgres npm test -- test/dialogs
import { loadConfig } from '../../src/config.js';
import { createVirage } from '../../src/index.js';
import { createTestSchema, postgresAvailable, type TestSchema } from '../helpers/postgres.js';
import { texts } from '../helpers/emulator.js';
import { tempDataDir } from '../helpers/virage.js';
import { Chat, resultOf } from './diagnostic/steps.js';
import { completeDiagnostic } from './diagnostic/typical.js';
import { claire } from '../handoff/helpers.js';
import { consoleClient } from '../handoff/clients.js';
import { fillRequest, MONDAY_10H, MONDAY_20H, say, startApp, type App } from './handoff/helpers.js';

const available = await postgresAvailable('dialogues sur PostgreSQL');

(available ? describe : describe.skip)('dialogs on STORE=postgres', () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema();
  });
  afterAll(() => schema?.drop());

  it('a whole diagnostic, then a callback request; a second instance on the same database finds both', async () => {
    const env = { STORE: 'postgres', DATABASE_URL: schema.url };
    let app: App | undefined = await startApp(MONDAY_20H, env);
    try {
      const chat = new Chat(app.url);
      const { diagnostic } = resultOf(await completeDiagnostic(chat));
      expect(diagnostic.overall).toBeGreaterThan(0);
      const summary = await fillRequest(app.url, 'pg-cb');
      expect(summary.join('\n')).toMatch(/Je transmets votre demande/);
      const done = texts(await say(app.url, 'pg-cb', 'Oui, c’est bien ça'));
      expect(done[0]).toMatch(/^Votre demande VIR-[2-9A-Z]{5} est enregistrée/);
      await app.stop();
      app = undefined;

      // Another process, another DATA_DIR: only the database is shared.
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', ...env });
      const second = await createVirage(config);
      try {
        const diagnostics = (await second.privacy.exportFor(chat.subject)).sources.find((s) => s.name === 'diagnostics')!.data as any;
        expect(diagnostics.runs.completed[0].resultId).toBe(diagnostic.id);
        expect(diagnostics.results[0].result.overall).toBe(diagnostic.overall);
        const request = await second.handoff.service.latestFor('emulator:u-pg-cb');
        expect(request).toMatchObject({ kind: 'callback', status: 'rappel', reason: 'Je voudrais vendre mes pains en ligne' });
        const erased = await second.privacy.eraseFor(chat.subject);
        expect(erased.failed).toEqual([]);
        expect(erased.erased.diagnostics).toBe(2);
        expect((await second.privacy.exportFor(chat.subject)).sources.find((s) => s.name === 'diagnostics')!.data).toBeNull();
      } finally {
        await second.stop();
      }
    } finally {
      await app?.stop();
    }
  });

  it('a live handoff: queued, taken by an advisor, relayed, ended and rated', async () => {
    const app = await startApp(MONDAY_10H, { STORE: 'postgres', DATABASE_URL: schema.url });
    try {
      const service = app.virage.handoff.service;
      const console = await consoleClient(app.url, 'claire.martin'); // live only with an advisor disponible
      expect((await console.setPresence('disponible')).status).toBe(200);
      await fillRequest(app.url, 'pg-lv');
      expect(texts(await say(app.url, 'pg-lv', 'Oui, c’est bien ça'))[0]).toMatch(/Vous êtes en 1re position/);
      const request = (await service.liveFor('emulator:u-pg-lv'))!;
      expect(request.status).toBe('en_attente');
      await service.take(claire, request.id);
      expect(await say(app.url, 'pg-lv', 'Bonjour Claire')).toEqual([]);
      expect((await service.get(request.id))!.messages.map((m) => m.text)).toEqual(['Bonjour Claire']);
      expect(texts(await say(app.url, 'pg-lv', 'Terminer l’échange')).join('\n')).toMatch(/Comment évaluez-vous cet échange/);
      expect(texts(await say(app.url, 'pg-lv', '⭐5'))[0]).toBe('Merci pour votre note ! Je reprends la main.');
      expect(await service.get(request.id)).toMatchObject({ status: 'clos', endedBy: 'user', rating: 5 });
    } finally {
      await app.stop();
    }
  });
});
