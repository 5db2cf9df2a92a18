// Test harness: the real server (restify), the real file store on a temp DATA_DIR, the self-hosted
// Direct Line mounted on it, and a small echo/welcome bot, started in-process on a free port.
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ActivityHandler, MessageFactory, type TurnContext } from 'botbuilder';
import { loadConfig, type VirageConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/log.js';
import { PrivacyRegistry } from '../../../src/privacy/registry.js';
import { close, createServer, listen } from '../../../src/server/server.js';
import { mountDirectLine, type DirectLineDeps, type DirectLineService } from '../../../src/server/directline/index.js';
import { ShardedFileStore } from '../../../src/storage/sharded-store.js';
import type { Activity, DirectLine } from '../../../scripts/lib/directline-node.js';

export class EchoBot extends ActivityHandler {
  readonly seen: string[] = [];
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity('Bonjour !');
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      this.seen.push(`${context.activity.channelId}:${context.activity.from.id}:${context.activity.text}`);
      await context.sendActivity({ type: 'typing' });
      await context.sendActivity(MessageFactory.suggestedActions(['Oui', 'Non'], `Écho : ${context.activity.text}`));
      await next();
    });
  }
}

export interface Harness {
  url: string;
  domain: string;
  dataDir: string;
  config: VirageConfig;
  bot: EchoBot;
  dl: DirectLineService;
  privacy: PrivacyRegistry;
  store: ShardedFileStore;
  stop(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'virage-dl-'));
}

export async function startHarness(
  options: { dataDir?: string; env?: Record<string, string>; deps?: Partial<DirectLineDeps> } = {},
): Promise<Harness> {
  const dataDir = options.dataDir ?? tempDir();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PORT: '0', ...options.env });
  const store = new ShardedFileStore(path.join(dataDir, 'store'), { shards: 4 });
  const privacy = new PrivacyRegistry();
  const bot = new EchoBot();
  const server = createServer({ config, logger: silentLogger, version: 'test', health: [] });
  const runBot = (context: TurnContext) => bot.run(context);
  const dl = mountDirectLine(server, { config, store, logger: silentLogger, runBot, privacy, ...options.deps });
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    domain: `${url}/v3/directline`,
    dataDir,
    config,
    bot,
    dl,
    privacy,
    store,
    async stop() {
      await dl.close();
      await close(server);
      await store.close();
    },
  };
}

/** A request received by the stand-in for Azure's tokens/generate (startAzureHarness). */
export interface AzureRequest {
  url?: string;
  auth?: string;
  body: any;
}

export type AzureHarness = Harness & { asked: AzureRequest[] };

/**
 * A harness in Azure Bot Service mode (DIRECTLINE_SECRET 'the-azure-secret') whose upstream is a local
 * stand-in for Azure's tokens/generate: it records each request in `asked` and always answers the same
 * Azure token. stop() closes both.
 */
export async function startAzureHarness(): Promise<AzureHarness> {
  const asked: AzureRequest[] = [];
  const fake = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      asked.push({ url: req.url, auth: req.headers.authorization, body: JSON.parse(raw) });
      res.statusCode = 200; // restify patches writeHead globally: no chaining
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600 }));
    });
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  const upstream = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/v3/directline`;
  const h = await startHarness({ env: { DIRECTLINE_SECRET: 'the-azure-secret' }, deps: { azureDirectLineUrl: upstream } });
  return {
    ...h,
    asked,
    async stop() {
      await h.stop();
      fake.closeAllConnections();
      await new Promise((r) => fake.close(r));
    },
  };
}

/** Collects what a DirectLine client receives; waitFor resolves when a predicate holds. */
export function collect(dl: DirectLine) {
  const received: Activity[] = [];
  const waiters: Array<() => void> = [];
  dl.activity$.subscribe(
    (a) => {
      received.push(a);
      for (const w of waiters.splice(0)) w();
    },
    () => undefined, // end() errors the stream: expected
  );
  const waitFor = (predicate: (all: Activity[]) => boolean, ms = 8000): Promise<Activity[]> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timeout; received: ${JSON.stringify(received.map((a) => [a.type, a.from?.role, (a as any).text]))}`)),
        ms,
      );
      const check = () => {
        if (predicate(received)) {
          clearTimeout(timer);
          resolve(received);
        } else waiters.push(check);
      };
      check();
    });
  return { received, waitFor };
}

export function texts(activities: Activity[], role: 'bot' | 'user'): string[] {
  return activities.filter((a) => a.type === 'message' && a.from?.role === role).map((a) => (a as any).text);
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}
