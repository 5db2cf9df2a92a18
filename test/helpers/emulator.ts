// Talks to /api/messages the way the Bot Framework Emulator does: activities POSTed with a serviceUrl
// pointing at a local capture server that receives the bot's replies (the Connector API).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudAdapter } from 'botbuilder';

/** Optional scripted answer of the capture connector, e.g. a 429 before the 200 (n counts from 1). */
export type Responder = (n: number, path: string) => { status: number; headers?: Record<string, string> } | undefined;

export interface Capture {
  url: string;
  received: Array<{ path: string; body: any; at?: number; status?: number }>;
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startCapture(respond?: Responder): Promise<Capture> {
  const received: Capture['received'] = [];
  let seq = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const scripted = respond?.(received.length + 1, req.url ?? '');
      received.push({ path: req.url ?? '', body: raw ? JSON.parse(raw) : null, at: Date.now(), status: scripted?.status ?? 200 });
      // restify patches ServerResponse globally (writeHead no longer chains): set fields, then end.
      if (scripted && scripted.status !== 200) {
        res.statusCode = scripted.status;
        for (const [k, v] of Object.entries(scripted.headers ?? {})) res.setHeader(k, v);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ error: { code: 'Scripted', message: `status ${scripted.status}` } }));
        return;
      }
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${++seq}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    async waitFor(n, timeoutMs = 10000) {
      const end = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > end) throw new Error(`expected ${n} replies, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * Each adapter sends `messages(its index)` proactively, all adapters at once, in the conversation
 * `conversationId` of `channelId`, whose replies go to a capture connector started for the call (and closed
 * after). Returns what the connector received and how long the sends took.
 */
export async function proactiveSends(
  adapters: readonly CloudAdapter[],
  conversationId: string,
  messages: (index: number) => string[],
  channelId = 'msteams',
): Promise<{ received: Capture['received']; ms: number }> {
  const capture = await startCapture();
  const reference = {
    channelId,
    serviceUrl: capture.url,
    conversation: { id: conversationId } as any,
    bot: { id: 'b', name: 'Virage' },
    user: { id: 'u', name: 'Test' },
  };
  try {
    const started = Date.now();
    await Promise.all(
      adapters.map((adapter, index) =>
        adapter.continueConversationAsync('', reference, async (context) => {
          for (const text of messages(index)) await context.sendActivity(text);
        }),
      ),
    );
    return { received: capture.received, ms: Date.now() - started };
  } finally {
    await capture.close();
  }
}

let n = 0;
/** An activity as the Emulator sends it. */
export function activity(fields: Record<string, unknown>, conversationId = 'conv-1', userId = 'user-1'): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${++n}`,
    timestamp: new Date().toISOString(),
    channelId: 'emulator',
    from: { id: userId, name: 'Utilisatrice', role: 'user' },
    recipient: { id: 'bot-1', name: 'Virage', role: 'bot' },
    conversation: { id: conversationId },
    locale: 'fr-FR',
    ...fields,
  };
}

/** Sends one activity with deliveryMode expectReplies and returns the bot's replies. */
export async function turn(baseUrl: string, act: Record<string, unknown>): Promise<any[]> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9', ...act, deliveryMode: 'expectReplies' }),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { activities?: any[] };
  return body.activities ?? [];
}

export const texts = (replies: any[]) => replies.filter((a) => a.type === 'message').map((a) => a.text ?? '');
export const buttons = (replies: any[]) =>
  replies.flatMap((a) => (a.suggestedActions?.actions ?? []).map((x: { title: string }) => x.title));
