// HTTP helpers shared by the Direct Line routes: bearer authorisation, own origin, CORS, rate limit.
import type { Request, Response } from 'restify';
import type { VirageConfig } from '../../config.js';
import { sendError } from '../http-errors.js';
import type { DirectLineCore } from './core.js';
import { isConversationId } from './ids.js';
import { bearerToken, type TokenClaims } from './tokens.js';

/**
 * Checks "Authorization: Bearer <token>" and, when given, that the token belongs to the conversation
 * of the URL. Protocol: 401 when the header is missing or unreadable, 403 when the token is refused.
 * Sends the error and returns undefined on failure.
 */
export function authorize(core: DirectLineCore, req: Request, res: Response, conversationId?: string): TokenClaims | undefined {
  const token = bearerToken(req.headers.authorization);
  if (!token) {
    res.header('WWW-Authenticate', 'Bearer');
    sendError(res, 401, 'Unauthorized', 'Jeton manquant : en-tête « Authorization: Bearer <jeton> » attendu.');
    return undefined;
  }
  const verified = core.signer.verify(token);
  if (!verified.ok) {
    if (verified.reason === 'expired') sendError(res, 403, 'TokenExpired', 'Jeton expiré : demandez-en un nouveau.');
    else if (verified.reason === 'malformed') sendError(res, 401, 'Unauthorized', 'Jeton illisible.');
    else sendError(res, 403, 'Forbidden', 'Jeton invalide.');
    return undefined;
  }
  if (conversationId !== undefined) {
    if (!isConversationId(conversationId)) {
      sendError(res, 404, 'NotFound', 'Conversation introuvable.');
      return undefined;
    }
    if (verified.claims.conversationId !== conversationId) {
      sendError(res, 403, 'Forbidden', 'Ce jeton ne donne pas accès à cette conversation.');
      return undefined;
    }
  }
  return verified.claims;
}

const HOST = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](:\d{1,5})?$/;

/** The origin clients reach us at: PUBLIC_URL when set, else the request's Host (plain http). */
export function originOf(config: VirageConfig, req: Request): string {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  const host = req.headers.host;
  if (host && HOST.test(host)) return `http://${host}`;
  const local = req.socket?.localPort;
  return `http://127.0.0.1:${local ?? config.port}`;
}

export function wsOrigin(httpOrigin: string): string {
  return httpOrigin.replace(/^http/, 'ws');
}

/** True when a browser page at `origin` may call us: same origin, or listed in ALLOWED_ORIGINS. */
export function originAllowed(config: VirageConfig, req: Request, origin: string): boolean {
  if (origin === originOf(config, req)) return true;
  if (config.publicUrl && origin === new URL(config.publicUrl).origin) return true;
  return config.allowedOrigins.includes('*') || config.allowedOrigins.includes(origin);
}

/**
 * CORS: adds the headers for allowed origins. Returns false when the request comes from a page of an
 * origin that is not allowed (no Origin header = not a cross-site browser call: allowed).
 */
export function applyCors(config: VirageConfig, req: Request, res: Response): boolean {
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || origin === '') return true;
  if (!originAllowed(config, req, origin)) return false;
  res.header('Access-Control-Allow-Origin', origin);
  res.header('Vary', 'Origin');
  res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, x-ms-bot-agent');
  res.header('Access-Control-Max-Age', '600');
  return true;
}

/** A token bucket per key (client IP): `capacity` requests at once, refilled at `perMinute`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes one token; false when the bucket is empty. */
  take(key: string): boolean {
    const now = this.clock();
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + ((now - b.at) / 60_000) * this.perMinute);
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.sweep(now);
    return ok;
  }

  /** Seconds until the next token. */
  retryAfter(key: string): number {
    const b = this.buckets.get(key);
    return b ? Math.max(1, Math.ceil(((1 - b.tokens) * 60) / this.perMinute)) : 1;
  }

  private sweep(now: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 60_000) * this.perMinute >= this.capacity) this.buckets.delete(k);
    }
  }
}

export function clientIp(req: Request): string {
  return req.socket?.remoteAddress ?? 'unknown';
}

/** Applies the limiter; answers 429 and returns false when exhausted. */
export function limit(limiter: RateLimiter, req: Request, res: Response): boolean {
  const ip = clientIp(req);
  if (limiter.take(ip)) return true;
  res.header('Retry-After', String(limiter.retryAfter(ip)));
  sendError(res, 429, 'TooManyRequests', 'Trop de demandes de connexion : réessayez dans un instant.');
  return false;
}
