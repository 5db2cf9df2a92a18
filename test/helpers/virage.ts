// Starts a real Virage (real file store in a temp DATA_DIR) in-process on a free port.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createVirage, type Virage } from '../../src/index.js';
import { storeEnv } from './postgres.js';

export interface Running {
  virage: Virage;
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export function tempDataDir(prefix = 'virage-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export async function startVirage(env: Record<string, string> = {}, dataDir = tempDataDir()): Promise<Running> {
  const stored = await storeEnv(env, dataDir); // STORE=postgres: a schema per DATA_DIR
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ...stored });
  const virage = await createVirage(config);
  const port = await virage.start(0);
  return { virage, port, url: `http://127.0.0.1:${port}`, dataDir, stop: () => virage.stop() };
}
