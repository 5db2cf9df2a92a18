// The one owner of the HTTP server's `upgrade` event. Features register the path they serve (the
// Direct Line stream, the advisor console socket); every other upgrade is answered 404 and closed.
// A socket waiting for its feature's answer is closed when the client leaves or after a timeout, and
// every refusal ends with the socket destroyed, so no file descriptor outlives its client.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { rememberClientAddress, type AddressResolver } from './client-address.js';

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL) => void;

/** How long a feature may take to accept or refuse an upgrade. */
const ACCEPT_TIMEOUT_MS = 10_000;

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** Answers an upgrade request with a JSON error, then closes the socket for good. */
export function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: { code, message } });
  const head = `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
  socket.end(head + body, () => socket.destroy());
  // A client that does not read keeps end() pending: destroy anyway after a moment.
  setTimeout(() => socket.destroy(), 2000).unref();
}

const pending = new WeakMap<Duplex, () => void>();

export class UpgradeDispatcher {
  private readonly routes = new Map<string | RegExp, UpgradeHandler>();
  /** Set by createServer from TRUST_PROXY: features then read clientAddress(req) as for HTTP requests. */
  resolveAddress?: AddressResolver;
  private readonly listener = (req: IncomingMessage, socket: Duplex, head: Buffer) => this.dispatch(req, socket, head);

  constructor(private readonly server: HttpServer) {
    server.on('upgrade', this.listener);
  }

  /** Serves upgrades whose path is `path` (exact) or matches it (RegExp); returns an unregister function. */
  register(path: string | RegExp, handler: UpgradeHandler): () => void {
    this.routes.set(path, handler);
    return () => {
      this.routes.delete(path);
    };
  }

  close(): void {
    this.server.off('upgrade', this.listener);
  }

  private dispatch(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Until a feature takes the socket over: destroyed when the client leaves, errs or is too slow.
    const onGone = () => socket.destroy();
    socket.on('error', onGone);
    socket.on('end', onGone);
    const timer = setTimeout(() => refuseUpgrade(socket, 503, 'Timeout', 'Connexion trop lente.'), ACCEPT_TIMEOUT_MS);
    timer.unref();
    const settle = () => {
      clearTimeout(timer);
      socket.off('end', onGone);
    };
    socket.once('close', settle);
    pending.set(socket, settle);
    if (this.resolveAddress) rememberClientAddress(req, this.resolveAddress);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return refuseUpgrade(socket, 400, 'BadArgument', 'Adresse invalide.');
    }
    const handler = this.find(url.pathname);
    if (!handler) return refuseUpgrade(socket, 404, 'NotFound', 'Aucun service WebSocket à cette adresse.');
    try {
      handler(req, socket, head, url);
    } catch {
      refuseUpgrade(socket, 400, 'BadArgument', 'Connexion WebSocket impossible.');
    }
  }

  private find(pathname: string): UpgradeHandler | undefined {
    for (const [path, handler] of this.routes) {
      if (typeof path === 'string' ? path === pathname : path.test(pathname)) return handler;
    }
    return undefined;
  }
}

/** To be called by a feature once `ws` took the socket over (the accept timeout no longer applies). */
export function markUpgraded(socket: Duplex): void {
  pending.get(socket)?.();
  pending.delete(socket);
}
