// HTTP helpers shared by the Direct Line routes: bearer authorisation, own origin, CORS, rate limit.
import type { Request, Response } from 'restify';
import type { VirageConfig } from '../../config.js';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { clientAddress } from '../client-address.js';
import { sendError } from '../http-errors.js';
import { limitOrRefuse } from '../limits.js';
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

/** Applies the per-client limiter of token generation; answers 429 and returns false when exhausted. */
export function limit(limiter: RateLimiterAbstract, req: Request, res: Response): Promise<boolean> {
  return limitOrRefuse(limiter, clientAddress(req), res, 'Trop de demandes de connexion : réessayez dans un instant.');
}
