// The client side of Direct Line 3.0 under /v3/directline, as botframework-directlinejs and Web Chat
// call it: tokens, conversations (start / reconnect), activities (post / poll). The WebSocket
// streamUrl is served by streams.ts.
import type { Request, Response, Server } from 'restify';
import type { VirageConfig } from '../../config.js';
import { sendError } from '../http-errors.js';
import type { DirectLineCore } from './core.js';
import { applyCors, authorize, limit, originOf, wsOrigin } from './http.js';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { isUserId, parseWatermark } from './ids.js';
import { bearerToken, type TokenClaims } from './tokens.js';

export const DL_BASE = '/v3/directline';

interface RouteDeps {
  config: VirageConfig;
  core: DirectLineCore;
  limiter: RateLimiterAbstract;
}

function body(req: Request): Record<string, unknown> {
  const b = req.body as unknown;
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

/** The user id asked for in `{ user: { id } }`: undefined when absent, null when invalid. */
export function requestedUserId(b: Record<string, unknown>): string | undefined | null {
  const user = b.user as { id?: unknown } | undefined;
  if (user === undefined || user === null || user.id === undefined || user.id === '') return undefined;
  return isUserId(user.id) ? user.id : null;
}

const BAD_USER = 'Identifiant d’utilisateur invalide : il doit commencer par « dl_ » et compter 64 caractères sûrs au plus.';

export function registerClientRoutes(server: Server, { config, core, limiter }: RouteDeps): void {
  const cors = (req: Request, res: Response): boolean => {
    if (applyCors(config, req, res)) return true;
    sendError(res, 403, 'Forbidden', 'Origine non autorisée.');
    return false;
  };
  const conversationReply = (req: Request, claims: TokenClaims, token: string, watermark: number | undefined) => {
    const query = new URLSearchParams({ t: core.streamToken(claims) });
    if (watermark) query.set('watermark', String(watermark));
    return {
      conversationId: claims.conversationId,
      token,
      expires_in: core.remaining(claims),
      streamUrl: `${wsOrigin(originOf(config, req))}${DL_BASE}/conversations/${claims.conversationId}/stream?${query}`,
    };
  };

  server.opts(`${DL_BASE}/*`, async (req, res) => {
    if (!cors(req, res)) return;
    res.send(204);
  });

  // Open (a public chat page needs no secret), rate-limited per IP.
  server.post(`${DL_BASE}/tokens/generate`, async (req, res) => {
    if (!cors(req, res) || !(await limit(limiter, req, res))) return;
    const userId = requestedUserId(body(req));
    if (userId === null) return sendError(res, 400, 'BadArgument', BAD_USER);
    // A chosen user id needs proof: a valid token of ours for that very user (Authorization header).
    if (userId !== undefined) {
      const token = bearerToken(req.headers.authorization);
      const proof = token ? core.signer.verify(token) : undefined;
      if (!proof?.ok || proof.claims.userId !== userId) {
        return sendError(res, 403, 'Forbidden', 'Identifiant d’utilisateur non prouvé : un jeton valide de cet utilisateur est requis.');
      }
    }
    const issued = core.issue(undefined, userId);
    res.json(200, { conversationId: issued.conversationId, token: issued.token, expires_in: issued.expires_in });
  });

  server.post(`${DL_BASE}/tokens/refresh`, async (req, res) => {
    if (!cors(req, res)) return;
    const claims = authorize(core, req, res);
    if (!claims) return;
    const issued = core.issue(claims.conversationId, claims.userId);
    res.json(200, { conversationId: issued.conversationId, token: issued.token, expires_in: issued.expires_in });
  });

  // Start: creates the token's conversation (201), or returns it when it already exists (200).
  server.post(`${DL_BASE}/conversations`, async (req, res) => {
    if (!cors(req, res)) return;
    const claims = authorize(core, req, res);
    if (!claims) return;
    const locale =
      typeof body(req).locale === 'string' && (body(req).locale as string).length <= 20 ? (body(req).locale as string) : undefined;
    const { created } = await core.start(claims, locale);
    res.json(created ? 201 : 200, conversationReply(req, claims, req.headers.authorization!.replace(/^Bearer\s+/i, '').trim(), 0));
  });

  // Reconnect: a fresh streamUrl that replays what came after the watermark.
  server.get(`${DL_BASE}/conversations/:conversationId`, async (req, res) => {
    if (!cors(req, res)) return;
    const claims = authorize(core, req, res, req.params.conversationId);
    if (!claims) return;
    const watermark = parseWatermark(req.query?.watermark);
    if (watermark === undefined) return sendError(res, 400, 'BadArgument', 'Filigrane (watermark) invalide.');
    await core.start(claims);
    res.json(200, conversationReply(req, claims, req.headers.authorization!.replace(/^Bearer\s+/i, '').trim(), watermark));
  });

  server.post(`${DL_BASE}/conversations/:conversationId/activities`, async (req, res) => {
    if (!cors(req, res)) return;
    const claims = authorize(core, req, res, req.params.conversationId);
    if (!claims) return;
    if (typeof req.body !== 'object' || req.body === null) {
      return sendError(res, 400, 'BadArgument', 'Corps JSON attendu (Content-Type: application/json).');
    }
    const outcome = await core.postFromUser(claims.conversationId, claims.userId, req.body, originOf(config, req));
    if (!outcome.ok) return sendError(res, outcome.status, outcome.code, outcome.message);
    res.json(200, { id: outcome.id });
  });

  // Polling.
  server.get(`${DL_BASE}/conversations/:conversationId/activities`, async (req, res) => {
    if (!cors(req, res)) return;
    const claims = authorize(core, req, res, req.params.conversationId);
    if (!claims) return;
    const watermark = parseWatermark(req.query?.watermark);
    if (watermark === undefined) return sendError(res, 400, 'BadArgument', 'Filigrane (watermark) invalide.');
    const set = (await core.transcripts.since(claims.conversationId, watermark)) ?? (await core.farewell(claims.conversationId, watermark));
    if (!set) return sendError(res, 404, 'NotFound', 'Conversation introuvable.');
    res.json(200, { activities: set.activities, watermark: String(set.watermark) });
  });

  server.post(`${DL_BASE}/conversations/:conversationId/upload`, async (req, res) => {
    if (!cors(req, res)) return;
    if (!authorize(core, req, res, req.params.conversationId)) return;
    sendError(res, 400, 'BadArgument', 'L’envoi de fichiers n’est pas pris en charge.');
  });
}
