// REDIS_URL with the embedded store (no STORE=postgres): one instance per DATA_DIR still, and the start says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createVirage } from '../../src/index.js';
import { createLogger } from '../../src/log.js';
import { dropPrefix, redisAvailable, testPrefix, TEST_REDIS_URL } from '../helpers/redis.js';

const prefix = testPrefix();

it('warns at start that the embedded store is not shared by Redis', async () => {
  if (!(await redisAvailable('avertissement stockage embarqué + Redis (test/cluster/embedded-store-warning.test.ts)'))) return;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'virage-embedded-redis-'));
  const lines: string[] = [];
  const virage = await createVirage(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix }), {
    logger: createLogger('warn', (line) => lines.push(line)),
  });
  try {
    expect(lines.some((l) => l.includes('une seule instance par DATA_DIR'))).toBe(true);
  } finally {
    await virage.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await dropPrefix(prefix);
  }
});
