// Turn throughput and latency of Virage's welcome turn against a bare echo bot on the same stack
// (restify + CloudAdapter, loopback, replies POSTed to a local connector), in one process.
import * as restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createVirage } from '../src/index.js';
import { close, listen } from '../src/server/server.js';
import { startCapture } from '../test/helpers/emulator.js';
import type { BenchSection } from './types.js';
import { load, ms, ratio, summarize } from './stats.js';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo : ${context.activity.text}`);
      await next();
    });
  }
}

async function startEcho(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  server.post('/api/messages', async (req, res) => adapter.process(req, res, (c) => bot.run(c)));
  const port = await listen(server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, stop: () => close(server) };
}

function message(serviceUrl: string, conversation: string, text: string) {
  return JSON.stringify({
    type: 'message',
    id: `a-${conversation}`,
    channelId: 'emulator',
    serviceUrl,
    from: { id: `u-${conversation}`, role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    conversation: { id: conversation },
    text,
    locale: 'fr-FR',
  });
}

async function drive(url: string, serviceUrl: string, prefix: string, total: number, concurrency: number) {
  return load(total, concurrency, async (i) => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: message(serviceUrl, `${prefix}-${i}`, 'bonjour'),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  });
}

export async function benchTurns(total = 600, concurrency = 8): Promise<BenchSection> {
  const capture = await startCapture();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'virage-bench-'));
  const virage = await createVirage(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir }));
  const port = await virage.start(0);
  const echo = await startEcho();
  try {
    // warm-up of both paths (JIT, keep-alive sockets)
    await drive(echo.url, capture.url, 'warm-e', 50, concurrency);
    await drive(`http://127.0.0.1:${port}`, capture.url, 'warm-v', 50, concurrency);
    const e = await drive(echo.url, capture.url, 'echo', total, concurrency);
    const v = await drive(`http://127.0.0.1:${port}`, capture.url, 'virage', total, concurrency);
    const es = summarize(e.samples);
    const vs = summarize(v.samples);
    const eTps = (total / e.wallMs) * 1000;
    const vTps = (total / v.wallMs) * 1000;
    capture.received.length = 0;
    return {
      title: `Turns through /api/messages (${total} new conversations, ${concurrency} in flight, loopback connector)`,
      lines: [
        `echo bot (baseline)   ${eTps.toFixed(0)} turns/s   p50 ${ms(es.p50)}   p95 ${ms(es.p95)}`,
        `Virage welcome turn   ${vTps.toFixed(0)} turns/s   p50 ${ms(vs.p50)}   p95 ${ms(vs.p95)}   (3 replies + state write per turn)`,
        `ratio Virage/echo     throughput ${ratio(vTps, eTps)}   p50 ${ratio(vs.p50, es.p50)}   p95 ${ratio(vs.p95, es.p95)}`,
      ],
    };
  } finally {
    await echo.stop();
    await virage.stop();
    await capture.close();
  }
}
