// A real server with the advisor console on a free loopback port: restify app from createServer,
// the real file store in a temporary DATA_DIR, the handoff service, sessions and the WebSocket.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as restify from 'restify';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createServer, listen, close, upgrades } from '../../src/server/server.js';
import { ShardedFileStore } from '../../src/storage/sharded-store.js';
import { HandoffService } from '../../src/handoff/service.js';
import type { AdvisorsDirectory } from '../../src/handoff/types.js';
import { ConsoleAuth } from '../../src/server/console-auth.js';
import { registerConsoleRoutes } from '../../src/server/console-routes.js';
import { attachConsoleSocket } from '../../src/server/console-ws.js';
import { AdvisorPresence, MemoryPresenceStore } from '../../src/handoff/presence.js';
import { movableClock, oneAdvisorAvailable } from './helpers.js';

export const tempDataDir = (prefix = 'virage-handoff-') => mkdtempSync(path.join(tmpdir(), prefix));

export interface ConsoleHarness {
  url: string;
  dataDir: string;
  server: restify.Server;
  store: ShardedFileStore;
  service: HandoffService;
  auth: ConsoleAuth;
  clock: ReturnType<typeof movableClock>;
  stop(): Promise<void>;
}

export async function startConsole(
  directory: AdvisorsDirectory,
  startIso: string,
  dataDir = tempDataDir('virage-handoff-'),
): Promise<ConsoleHarness> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
  const clock = movableClock(startIso);
  const store = new ShardedFileStore(path.join(dataDir, 'store'), { shards: 4 });
  const service = await HandoffService.open({ store, directory: () => directory, clock: clock.now, availability: oneAdvisorAvailable });
  const presence = new AdvisorPresence({
    store: new MemoryPresenceStore(),
    directory: () => directory,
    clock: clock.now,
    absentAfterMs: 90_000,
    inLiveExchange: async () => new Set(),
  });
  const auth = new ConsoleAuth({ store, directory: () => directory, secure: false, clock: clock.now });
  const server = createServer({ config, logger: silentLogger, version: 'test', health: [] });
  let port = 0;
  registerConsoleRoutes(server, {
    service,
    auth,
    presence,
    logger: silentLogger,
    publicBaseUrl: () => `http://127.0.0.1:${port}`,
    guideTitle: (slug) => (slug === 'site-vitrine' ? 'Créer un site vitrine' : undefined),
  });
  const detach = attachConsoleSocket(upgrades(server), { service, auth, presence, logger: silentLogger });
  port = await listen(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    server,
    store,
    service,
    auth,
    clock,
    async stop() {
      detach();
      await close(server);
      await store.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(url: string, login: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/conseiller/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
}

export async function call(url: string, method: 'GET' | 'POST', route: string, session?: Session, body?: unknown, csrf = session?.csrf) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (session) headers.Cookie = session.cookie;
  if (csrf && method === 'POST') headers['X-CSRF-Token'] = csrf;
  const res = await fetch(`${url}${route}`, { method, headers, ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}) });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}
