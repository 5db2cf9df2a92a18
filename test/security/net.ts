// Helpers of the security tests: raw sockets (to send what fetch refuses to send), the process's real
// file-descriptor count, and a web-chat user talking to the built-in Direct Line over plain HTTP.
import { readdirSync } from 'node:fs';
import net from 'node:net';

/** Open file descriptors of this process (the server runs in-process): /proc/self/fd. */
export function fdCount(): number {
  return readdirSync('/proc/self/fd').length;
}

export interface RawReply {
  /** First line, e.g. "HTTP/1.1 404 Not Found"; '' when the server said nothing before the timeout. */
  statusLine: string;
  status: number;
  text: string;
  /** True when the server closed the connection (not only answered). */
  closedByServer: boolean;
}

/**
 * Writes `request` on a fresh TCP connection and collects what comes back until the server closes
 * the connection or `timeoutMs` passes; then the client side is destroyed (the client leaves).
 */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 2000): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closedByServer = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const statusLine = text.split('\r\n')[0] ?? '';
      resolve({ statusLine, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0), text, closedByServer });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => {
      closedByServer = true;
      finish();
    });
    socket.on('error', finish);
    socket.on('connect', () => socket.write(request));
  });
}

export function upgradeRequest(path: string, extra: Record<string, string> = {}): string {
  const headers = {
    Host: '127.0.0.1',
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    ...extra,
  };
  return `GET ${path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
}

/** Polls until `fn` is true or the time is up; returns the last value. */
export async function eventually(fn: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, headers: res.headers };
}

/** A web-chat user of the built-in Direct Line (the page's calls, over HTTP, polling). */
export class WebChatUser {
  token = '';
  conversationId = '';
  userId = '';
  private watermark = '';

  constructor(
    private readonly base: string,
    /** Extra headers on every call (e.g. X-Forwarded-For, as the reverse proxy adds). */
    private readonly headers: Record<string, string> = {},
    private readonly pollMs = 50,
  ) {}

  async connect(body: Record<string, unknown> = {}): Promise<this> {
    const issued = await postJson(`${this.base}/api/directline/token`, body, this.headers);
    if (issued.status !== 200) throw new Error(`token ${issued.status} ${JSON.stringify(issued.json)}`);
    Object.assign(this, { token: issued.json.token, conversationId: issued.json.conversationId, userId: issued.json.userId });
    const started = await postJson(
      `${this.base}/v3/directline/conversations`,
      {},
      { ...this.headers, Authorization: `Bearer ${this.token}` },
    );
    if (started.status >= 300) throw new Error(`start ${started.status}`);
    return this;
  }

  /** Sends a message and returns the bot's activities that answer it (polling, up to timeoutMs). */
  async say(text: string, timeoutMs = 15000): Promise<any[]> {
    const url = `${this.base}/v3/directline/conversations/${this.conversationId}/activities`;
    const sent = await postJson(
      url,
      { type: 'message', from: { id: this.userId }, text, locale: 'fr-FR' },
      { ...this.headers, Authorization: `Bearer ${this.token}` },
    );
    if (sent.status !== 200) throw new Error(`post ${sent.status} ${JSON.stringify(sent.json)}`);
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const res = await fetch(`${url}?watermark=${this.watermark}`, {
        headers: { ...this.headers, Authorization: `Bearer ${this.token}` },
      });
      const set = (await res.json()) as { activities: any[]; watermark: string };
      const replies = set.activities.filter((a) => a.replyToId === sent.json.id && a.type === 'message');
      if (replies.length > 0) {
        await new Promise((r) => setTimeout(r, 150));
        const again = (await (
          await fetch(`${url}?watermark=${this.watermark}`, { headers: { ...this.headers, Authorization: `Bearer ${this.token}` } })
        ).json()) as typeof set;
        this.watermark = again.watermark;
        return again.activities.filter((a) => a.replyToId === sent.json.id && a.type === 'message');
      }
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
    throw new Error(`no reply to « ${text} » within ${timeoutMs} ms`);
  }
}

/** The « mes données » download link in the bot's replies. */
export function exportLinkIn(replies: any[]): string {
  for (const a of replies) {
    for (const att of a.attachments ?? []) {
      for (const b of att.content?.buttons ?? []) if (typeof b.value === 'string' && b.value.includes('/mes-donnees')) return b.value;
    }
    const m = /https?:\/\/\S+\/mes-donnees\S+/.exec(a.text ?? '');
    if (m) return m[0].replace(/[)\]>.,]+$/, '');
  }
  throw new Error('no « mes données » link in the replies');
}

/** Writes the example advisors directory (claire.martin, karim.benali with PASSWORD) into `dataDir`. */
export async function advisorsFile(dataDir: string): Promise<string> {
  const { writeFileSync } = await import('node:fs');
  const { formatDirectory } = await import('../../src/handoff/directory.js');
  const { testDirectory } = await import('../handoff/helpers.js');
  const file = `${dataDir}/conseillers.json`;
  writeFileSync(file, formatDirectory(await testDirectory(true)));
  return file;
}

export function login(
  base: string,
  loginName: string,
  password: string,
  forwardedFor?: string,
): Promise<{ status: number; json: any; headers: Headers }> {
  return postJson(`${base}/api/conseiller/login`, { login: loginName, password }, forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {});
}
