// Builds the restify application without listening, so that index.ts listens and tests start it
// in-process on port 0. Routes of each feature are registered by small functions (see routes below).
import type { Duplex } from 'node:stream';
import * as restify from 'restify';
import type { VirageConfig } from '../config.js';
import type { Logger } from '../log.js';
import { describeRestifyError, isStoreUnavailable, sendError, STORE_UNAVAILABLE } from './http-errors.js';
import { UpgradeDispatcher } from './upgrade.js';
import { addressResolver, clientAddress, rememberClientAddress } from './client-address.js';

export interface HealthCheck {
  name: string;
  check(): Promise<boolean>;
}

export interface ServerOptions {
  config: VirageConfig;
  logger: Logger;
  version: string;
  health: HealthCheck[];
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

const dispatchers = new WeakMap<restify.Server, UpgradeDispatcher>();

/** The server's one owner of WebSocket upgrades (unknown paths get 404 and are closed). */
export function upgrades(server: restify.Server): UpgradeDispatcher {
  let d = dispatchers.get(server);
  if (!d) dispatchers.set(server, (d = new UpgradeDispatcher(server.server)));
  return d;
}

export function createServer({ config, logger, version, health }: ServerOptions): restify.Server {
  // find-my-way refuses path parameters over 100 characters by default (404): signed links of real
  // users (web-chat dl_ ids, Teams ids) are longer. URLs stay bounded by Node's 16 KB header limit.
  const options = { name: 'virage', version, ignoreTrailingSlash: true, maxParamLength: 2048 } as restify.ServerOptions;
  const server = restify.createServer(options);
  const started = Date.now();
  const resolveAddress = addressResolver(config.trustProxy);
  upgrades(server).resolveAddress = resolveAddress;

  // Slow or stalled clients must not hold sockets for ever (WebSocket streams are upgraded and exempt).
  server.server.requestTimeout = config.requestTimeoutMs;
  server.server.headersTimeout = Math.min(config.requestTimeoutMs, 60000);
  // Node closes idle kept-alive sockets after 5 s: a reverse proxy (or a client) reusing one at that moment gets
  // a reset. Idle sockets stay open longer than the proxies' own idle timeout; stopping closes them all.
  server.server.keepAliveTimeout = config.keepAliveTimeoutMs;

  server.pre((req, res, next) => {
    rememberClientAddress(req, resolveAddress);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.header(k, v);
    if (config.publicUrl?.startsWith('https:')) res.header('Strict-Transport-Security', 'max-age=31536000');
    return next();
  });
  // Compressed bodies are refused before anything reads them: MAX_BODY_BYTES counts the bytes on the
  // wire, so a small gzip body could inflate to gigabytes. No channel we serve compresses requests.
  server.pre((req, res, next) => {
    const encoding = req.headers['content-encoding'];
    if (encoding === undefined || encoding.trim().toLowerCase() === 'identity') return next();
    res.header('Accept-Encoding', 'identity');
    res.header('Connection', 'close');
    sendError(res, 415, 'UnsupportedMediaType', 'Corps compressé refusé : envoyez du JSON non compressé.');
    return next(false);
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false, mapFiles: false }));

  // Malformed requests and over-long URLs or headers (over Node's 16 KB) get a JSON answer, not a bare one.
  server.server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => answerClientError(err, socket));

  // Errors raised by restify itself (bad JSON, body too large, unknown route) get our JSON shape.
  server.on('restifyError', (req: restify.Request, res: restify.Response, err: any, cb: () => void) => {
    if (isStoreUnavailable(err)) {
      // Nothing of the refused write was kept (issue 11, hole 8): the client may send it again later.
      logger.warn('[server] store unavailable: request refused with 503', { path: req.path() });
      err.statusCode = 503;
      err.toJSON = () => ({ error: STORE_UNAVAILABLE });
      err.toString = () => STORE_UNAVAILABLE.message;
      return cb();
    }
    const { code, message } = describeRestifyError(err);
    if ((err.statusCode ?? 500) >= 500)
      logger.error('[server] unhandled error', { path: req.path(), address: clientAddress(req), err: String(err?.stack ?? err) });
    err.toJSON = () => ({ error: { code, message } });
    err.toString = () => message;
    return cb();
  });

  server.get('/healthz', async (_req, res) => {
    const checks: Record<string, boolean> = {};
    for (const h of health) {
      try {
        checks[h.name] = await h.check();
      } catch {
        checks[h.name] = false;
      }
    }
    const ok = Object.values(checks).every(Boolean);
    res.status(ok ? 200 : 503);
    res.json({
      status: ok ? 'ok' : 'degraded',
      version,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      mode: config.microsoftAppId ? 'bot-framework' : 'local',
      checks,
    });
  });
  return server;
}

/** Node's parser refused the request before restify saw it: answer in our JSON shape and close. */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy();
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const [status, reason, code, message] = tooLarge
    ? [431, 'Request Header Fields Too Large', 'HeadersTooLarge', 'Adresse ou en-têtes trop longs (16 Ko au plus).']
    : timeout
      ? [408, 'Request Timeout', 'RequestTimeout', 'Requête trop lente : réessayez.']
      : [400, 'Bad Request', 'BadRequest', 'Requête HTTP invalide.'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

/** Starts listening; resolves with the actual port (useful with port 0). */
export async function listen(server: restify.Server, port: number, host?: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (host) server.listen(port, host, () => resolve());
    else server.listen(port, () => resolve());
  });
  return (server.address() as { port: number }).port;
}

/** Stops accepting connections and closes kept-alive sockets (jest would not exit otherwise). */
export async function close(server: restify.Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.server.closeAllConnections?.();
  });
}

export { sendError };
