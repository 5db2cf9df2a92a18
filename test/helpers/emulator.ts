// Talks to /api/messages the way the Bot Framework Emulator does: activities POSTed with a serviceUrl
// pointing at a local capture server that receives the bot's replies (the Connector API).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Capture {
  url: string;
  received: Array<{ path: string; body: any }>;
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startCapture(): Promise<Capture> {
  const received: Array<{ path: string; body: any }> = [];
  let seq = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: raw ? JSON.parse(raw) : null });
      // restify patches ServerResponse globally (writeHead no longer chains): set fields, then end.
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
