import { describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { PrivacyRegistry } from '../../src/privacy/registry.js';
import { createServer, close, listen } from '../../src/server/server.js';
import { setupHandoff } from '../../src/server/handoff-wiring.js';
import { ShardedFileStore } from '../../src/storage/sharded-store.js';
import { tempDataDir } from './harness.js';
import { claire, movableClock, request } from './helpers.js';

describe('setupHandoff (what src/index.ts calls)', () => {
  test('seeds the directory, registers privacy, serves the console, and the sweep turns overdue waits into callbacks', async () => {
    const dataDir = tempDataDir();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, HANDOFF_MAX_WAIT_MINUTES: '10' });
    const store = new ShardedFileStore(path.join(dataDir, 'store'), { shards: 2 });
    const server = createServer({ config, logger: silentLogger, version: 'test', health: [] });
    const privacy = new PrivacyRegistry();
    const clock = movableClock('2025-11-24T15:00:00.000Z'); // Monday 16:00
    const handoff = await setupHandoff({
      config,
      logger: silentLogger,
      store,
      privacy,
      server,
      publicBaseUrl: () => 'http://localhost',
      clock: clock.now,
      sweepMs: 20,
    });
    const port = await listen(server, 0, '127.0.0.1');
    try {
      expect(existsSync(path.join(dataDir, 'conseillers.json'))).toBe(true);
      expect(privacy.list().map((s) => s.name)).toContain('handoffs');
      expect((await fetch(`http://127.0.0.1:${port}/conseiller`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/api/conseiller/requests`)).status).toBe(401);
      expect((await handoff.service.create(request('webchat:nobody'))).request.kind).toBe('callback'); // no advisor there
      await handoff.presence.connected(claire);
      await handoff.presence.choose(claire, 'disponible');
      const { request: r } = await handoff.service.create(request('webchat:alice'));
      expect(r.status).toBe('en_attente');
      const converted = new Promise((resolve) => handoff.service.onEvent((e) => e.type === 'request.callback' && resolve(e.request)));
      clock.advance(10 * 60_000);
      expect(await converted).toMatchObject({ id: r.id, status: 'rappel', callbackLabel: 'mardi 25 novembre à 9 h 00' });
    } finally {
      await handoff.stop();
      await close(server);
      await store.close();
    }
  });
});
