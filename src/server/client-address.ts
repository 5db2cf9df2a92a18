// The one place that reads a client's address, for every limiter and log line. Behind a reverse
// proxy the socket's address is the proxy's: TRUST_PROXY says which X-Forwarded-For hops to believe
// (a hop count, or the proxies' addresses). Without it, X-Forwarded-For is ignored (anyone can forge it).
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { TrustProxy } from '../config.js';

const RESOLVED = Symbol('virage.clientAddress');

type WithAddress = IncomingMessage & { [RESOLVED]?: string };

export type AddressResolver = (req: IncomingMessage) => string;

export function addressResolver(trust: TrustProxy): AddressResolver {
  if (trust === false) return (req) => normalize(req.socket?.remoteAddress);
  const trusted = typeof trust === 'number' ? (_addr: string, i: number) => i < trust : proxyaddr.compile(trust);
  return (req) => {
    if (!req.socket?.remoteAddress) return 'inconnue';
    try {
      return normalize(proxyaddr(req, trusted));
    } catch {
      return normalize(req.socket.remoteAddress);
    }
  };
}

/** Resolves once per request and remembers the answer on it (restify's pre handler, the upgrade dispatcher). */
export function rememberClientAddress(req: IncomingMessage, resolve: AddressResolver): string {
  const r = req as WithAddress;
  r[RESOLVED] ??= resolve(req);
  return r[RESOLVED]!;
}

/** The client address of a request (as resolved by the server; the socket's address otherwise). */
export function clientAddress(req: IncomingMessage): string {
  return (req as WithAddress)[RESOLVED] ?? normalize(req.socket?.remoteAddress);
}

/** "::ffff:203.0.113.9" and "203.0.113.9" are one client. */
function normalize(address: string | undefined): string {
  if (!address) return 'inconnue';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
