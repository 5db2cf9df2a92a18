// Live updates of the advisor console: a WebSocket at /conseiller/ws, opened with the session
// cookie (same origin only). Each socket gets the events of its advisor's CCI only (from every
// instance when there are several), as small JSON messages; the page then reloads what changed through
// the JSON API. The socket is also the advisor's presence: seen on connect and at each ping answered,
// the grace period starting when it closes.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { HandoffEvent } from '../handoff/events.js';
import type { AdvisorPresence } from '../handoff/presence.js';
import type { HandoffService } from '../handoff/service.js';
import type { Logger } from '../log.js';
import type { ConsoleAuth } from './console-auth.js';
import { markUpgraded, refuseUpgrade, type UpgradeDispatcher } from './upgrade.js';

export const CONSOLE_WS_PATH = '/conseiller/ws';
const CHECK_MS = 30_000;

export interface ConsoleWsDeps {
  service: HandoffService;
  auth: ConsoleAuth;
  presence: AdvisorPresence;
  logger: Logger;
  /** Ping (and presence heartbeat) interval, default 30 s: keep it well under PRESENCE_ABSENT_SECONDS. */
  checkMs?: number;
  /** Allowed Origin values besides the request's own host (e.g. PUBLIC_URL's origin). */
  origins?: string[];
}

function refuse(socket: Duplex, status: 401 | 403, message: string): void {
  refuseUpgrade(socket, status, status === 401 ? 'Unauthorized' : 'Forbidden', message);
}

/** What a console socket receives for an event (no personal data: the page fetches details). */
export function wireEvent(event: HandoffEvent): { cciId: string; message: Record<string, unknown> } {
  if (event.type === 'queue.moved') {
    return {
      cciId: event.cciId,
      message: { type: 'queue', entries: event.entries.map((e) => ({ id: e.id, position: e.position, expectedWaitMs: e.expectedWaitMs })) },
    };
  }
  const r = event.request;
  const base = { id: r.id, reference: r.reference, status: r.status, kind: r.kind };
  switch (event.type) {
    case 'message.user':
    case 'message.advisor':
      return { cciId: r.cciId, message: { type: 'message', ...base, from: event.message.from } };
    case 'typing':
      return { cciId: r.cciId, message: { type: 'typing', ...base, from: event.from } };
    default:
      return { cciId: r.cciId, message: { type: 'request', event: event.type, ...base } };
  }
}

/** Serves the console socket on the HTTP server; returns a function closing everything. */
export function attachConsoleSocket(upgrades: UpgradeDispatcher, deps: ConsoleWsDeps): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024, perMessageDeflate: false });
  const sockets = new Map<WebSocket, { cciId: string; login: string; sessionKey: string; alive: boolean }>();
  const { presence } = deps;
  const seen = (info: { cciId: string; login: string }) =>
    void presence.alive(info).catch((err) => deps.logger.error('[console] presence update failed', { err: String(err) }));

  const unsubscribe = deps.service.onAnyEvent((event) => {
    const { cciId, message } = wireEvent(event);
    const data = JSON.stringify(message);
    for (const [ws, info] of sockets) if (info.cciId === cciId && ws.readyState === ws.OPEN) ws.send(data);
  });
  const unsubscribePresence = presence.onChange((cciId) => {
    const data = JSON.stringify({ type: 'presence' });
    for (const [ws, info] of sockets) if (info.cciId === cciId && ws.readyState === ws.OPEN) ws.send(data);
  });

  const check = setInterval(() => {
    for (const [ws, info] of sockets) {
      if (!info.alive) {
        ws.terminate();
        continue;
      }
      info.alive = false;
      ws.ping();
      void deps.auth.stillValid(info.sessionKey).then(
        (ok) => (ok ? undefined : ws.close(4001, 'session expirée')),
        () => undefined,
      );
    }
  }, deps.checkMs ?? CHECK_MS);
  check.unref();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void (async () => {
      const origin = req.headers.origin;
      if (origin) {
        let host: string;
        try {
          host = new URL(origin).host;
        } catch {
          host = '';
        }
        if (host !== req.headers.host && !(deps.origins ?? []).includes(origin)) return refuse(socket, 403, 'Origine non autorisée.');
      }
      const who = await deps.auth.resolve(req.headers.cookie);
      if (!who) return refuse(socket, 401, 'Session absente ou expirée : connectez-vous.');
      const info = { cciId: who.advisor.cciId, login: who.advisor.login, sessionKey: who.sessionKey, alive: true };
      wss.handleUpgrade(req, socket, head, (ws) => {
        markUpgraded(socket);
        ws.on('pong', () => {
          info.alive = true;
          seen(info);
        });
        ws.on('message', () => undefined); // the page talks through the JSON API
        ws.on('close', () => {
          if (sockets.delete(ws)) seen(info); // the grace period starts now
        });
        ws.on('error', () => ws.terminate());
        // Counted present first; then the CCI's events, beginning with « hello » (the page loads everything).
        void presence
          .connected(info)
          .catch((err) => deps.logger.error('[console] presence update failed', { err: String(err) }))
          .then(() => {
            if (ws.readyState !== ws.OPEN) return;
            sockets.set(ws, info);
            ws.send(JSON.stringify({ type: 'hello', cciId: who.advisor.cciId }));
          });
      });
    })().catch((err) => {
      deps.logger.error('[console] socket upgrade failed', { err: String(err) });
      socket.destroy();
    });
  };
  const unregister = upgrades.register(CONSOLE_WS_PATH, onUpgrade);

  return () => {
    unregister();
    clearInterval(check);
    unsubscribe();
    unsubscribePresence();
    const all = [...sockets.keys()];
    sockets.clear(); // closing for good: no grace period to start
    for (const ws of all) ws.terminate();
    wss.close();
  };
}
