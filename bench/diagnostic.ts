// A whole diagnostic (~35 turns: the menu choice, 34 answers by buttons and cards) through the
// self-hosted Direct Line endpoint with its HTTP polling API, as Web Chat would do it: POST the
// activity, then GET the activities after the watermark until the bot's reply arrives. Repeated for a
// few users, one after the other. Baseline: an echo bot behind the same Direct Line (same server,
// store, token and polling), measured the same way. Also the time to the result: the card, then its
// chart (PNG) and its PDF fetched from the card's links.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createVirage } from '../src/index.js';
import { startHarness } from '../test/server/directline/harness.js';
import { askedQuestion, TYPICAL } from '../test/dialogs/diagnostic/typical.js';
import { ms, ratio, summarize } from './stats.js';
import type { BenchSection } from './types.js';

const POLL_MS = 5;
const DIAG = 'Faire mon diagnostic numérique';

type Act = {
  id?: string;
  type: string;
  text?: string;
  replyToId?: string;
  from?: { role?: string };
  channelData?: any;
  attachments?: any[];
};

/** One Direct Line conversation over plain HTTP (token, start, POST, polling GET). */
class PollingClient {
  private watermark = '0';
  readonly bot: Act[] = [];
  private constructor(
    private readonly domain: string,
    private readonly token: string,
    readonly conversationId: string,
    readonly userId: string,
  ) {}

  static async open(baseUrl: string, _label: string): Promise<PollingClient> {
    const res = await fetch(`${baseUrl}/api/directline/token`, {
      // A new visitor: the server chooses the user id (a client may not pick one without a token proving it).
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (res.status !== 200) throw new Error(`token: HTTP ${res.status} ${await res.text()}`);
    const t = (await res.json()) as { token: string; conversationId: string; userId: string; domain: string };
    const client = new PollingClient(t.domain, t.token, t.conversationId, t.userId);
    const start = await fetch(`${t.domain}/conversations`, { method: 'POST', headers: client.headers(), body: '{}' });
    if (start.status !== 201 && start.status !== 200) throw new Error(`start: HTTP ${start.status}`);
    await start.arrayBuffer();
    return client;
  }

  private headers() {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  /** Polls until a bot activity satisfies `done`; returns it. */
  async waitFor(done: (a: Act) => boolean, timeoutMs = 15000): Promise<Act> {
    const end = performance.now() + timeoutMs;
    for (;;) {
      const res = await fetch(`${this.domain}/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, {
        headers: this.headers(),
      });
      const body = (await res.json()) as { activities: Act[]; watermark: string };
      this.watermark = body.watermark;
      const fromBot = body.activities.filter((a) => a.from?.role === 'bot' && a.type === 'message');
      this.bot.push(...fromBot);
      const hit = fromBot.find(done);
      if (hit) return hit;
      if (performance.now() > end)
        throw new Error(
          `no reply in ${timeoutMs} ms; last: ${this.bot
            .slice(-2)
            .map((a) => a.text)
            .join(' | ')}`,
        );
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** Sends a message (or a card submit) and waits for the bot reply that ends the turn. */
  async turn(what: string | { value: unknown }, done: (a: Act) => boolean): Promise<{ ms: number; reply: Act }> {
    const t0 = performance.now();
    const body = { type: 'message', from: { id: this.userId }, ...(typeof what === 'string' ? { text: what } : what) };
    const res = await fetch(`${this.domain}/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`post: HTTP ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    const reply = await this.waitFor((a) => a.replyToId === id && done(a));
    return { ms: performance.now() - t0, reply };
  }
}

const isQuestion = (a: Act) => /Question \d+\/\d+/.test(a.text ?? '');
const isResult = (a: Act) => Boolean(a.channelData?.virage?.diagnostic);

interface UserRun {
  welcomeMs: number;
  turns: number[];
  resultTurnMs: number;
  chartMs: number;
  pdfMs: number;
}

/** One user's whole diagnostic through Direct Line. */
async function diagnose(baseUrl: string, userId: string): Promise<UserRun> {
  const t0 = performance.now();
  const dl = await PollingClient.open(baseUrl, userId);
  await dl.waitFor((a) => /Que souhaitez-vous faire/.test(a.text ?? ''));
  const welcomeMs = performance.now() - t0;
  const turns: number[] = [];
  let last = await dl.turn(DIAG, isQuestion);
  turns.push(last.ms);
  for (let n = 0; n < 60; n++) {
    const q = askedQuestion([last.reply]);
    if (!q) throw new Error(`no question in « ${last.reply.text} »`);
    const answer = TYPICAL[q.id];
    const next = await dl.turn(answer, (a) => isQuestion(a) || isResult(a));
    if (isResult(next.reply)) {
      const urls = JSON.stringify(next.reply.attachments).match(/http:\/\/[^"]+\/diagnostic\/[^"]+\/(?:radar\.png|rapport\.pdf)/g) ?? [];
      const local = (u: string) => u.replace(/^http:\/\/localhost:\d+/, baseUrl);
      const fetchTimed = async (u: string | undefined, type: string) => {
        if (!u) throw new Error(`no ${type} link in the card`);
        const s = performance.now();
        const res = await fetch(local(u));
        const bytes = await res.arrayBuffer();
        if (res.status !== 200 || !res.headers.get('content-type')?.startsWith(type) || bytes.byteLength === 0)
          throw new Error(`${u}: HTTP ${res.status}`);
        return performance.now() - s;
      };
      const chartMs = await fetchTimed(
        urls.find((u) => u.endsWith('.png')),
        'image/png',
      );
      const pdfMs = await fetchTimed(
        urls.find((u) => u.endsWith('.pdf')),
        'application/pdf',
      );
      return { welcomeMs, turns, resultTurnMs: next.ms, chartMs, pdfMs };
    }
    turns.push(next.ms);
    last = next;
  }
  throw new Error('the diagnostic did not end');
}

/** The same number of turns on an echo bot behind the same Direct Line. */
async function echo(baseUrl: string, userId: string, count: number): Promise<number[]> {
  const dl = await PollingClient.open(baseUrl, userId);
  await dl.waitFor((a) => a.text === 'Bonjour !');
  const turns: number[] = [];
  for (let i = 0; i < count; i++) turns.push((await dl.turn(`message ${i}`, (a) => a.text === `Écho : message ${i}`)).ms);
  return turns;
}

export async function benchDiagnostic(users = 5): Promise<BenchSection> {
  const virageDir = mkdtempSync(path.join(tmpdir(), 'virage-bench-diag-'));
  const virage = await createVirage(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: virageDir, HOST: '127.0.0.1' }));
  const port = await virage.start(0);
  const baseUrl = `http://127.0.0.1:${port}`;
  const harness = await startHarness({ env: { HOST: '127.0.0.1' } });
  try {
    // Warm-up of both paths (JIT, first store writes, the PDF fonts).
    await diagnose(baseUrl, 'dl_bench-warm');
    await echo(harness.url, 'dl_bench-echo-warm', 10);
    const runs: UserRun[] = [];
    const echoTurns: number[] = [];
    for (let u = 0; u < users; u++) {
      const run = await diagnose(baseUrl, `dl_bench-user-${u}`);
      runs.push(run);
      echoTurns.push(...(await echo(harness.url, `dl_bench-echo-${u}`, run.turns.length + 1)));
    }
    const turns = summarize(runs.flatMap((r) => r.turns));
    const base = summarize(echoTurns);
    const welcome = summarize(runs.map((r) => r.welcomeMs));
    const resultTurn = summarize(runs.map((r) => r.resultTurnMs));
    const chart = summarize(runs.map((r) => r.chartMs));
    const pdf = summarize(runs.map((r) => r.pdfMs));
    const toResult = summarize(runs.map((r) => r.resultTurnMs + r.chartMs + r.pdfMs));
    const whole = summarize(runs.map((r) => r.welcomeMs + r.turns.reduce((s, x) => s + x, 0) + r.resultTurnMs + r.chartMs + r.pdfMs));
    return {
      title: `Diagnostic through Direct Line (HTTP polling every ${POLL_MS} ms; ${users} users × ${runs[0].turns.length + 1} turns, one after the other)`,
      lines: [
        `echo bot turn (baseline)      p50 ${ms(base.p50)}   p95 ${ms(base.p95)}   (n=${base.n})`,
        `diagnostic turn (→ next q.)   p50 ${ms(turns.p50)}   p95 ${ms(turns.p95)}   (n=${turns.n})`,
        `ratio diagnostic/echo         p50 ${ratio(turns.p50, base.p50)}   p95 ${ratio(turns.p95, base.p95)}`,
        `welcome (token → menu)        p50 ${ms(welcome.p50)}   p95 ${ms(welcome.p95)}`,
        `last answer → result card     p50 ${ms(resultTurn.p50)}   p95 ${ms(resultTurn.p95)}   (${ratio(resultTurn.p50, base.p50)} echo)`,
        `chart PNG / PDF report        p50 ${ms(chart.p50)} / ${ms(pdf.p50)}   p95 ${ms(chart.p95)} / ${ms(pdf.p95)}`,
        `result (card + PNG + PDF)     p50 ${ms(toResult.p50)}   p95 ${ms(toResult.p95)}`,
        `whole diagnostic per user     p50 ${ms(whole.p50, 0)}   p95 ${ms(whole.p95, 0)}`,
      ],
    };
  } finally {
    await harness.stop();
    await virage.stop();
  }
}
