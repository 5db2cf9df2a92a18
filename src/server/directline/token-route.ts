// POST /api/directline/token: what every page calls to get `{ token, conversationId, userId, domain }`.
// Self-hosted (default): a token of our own Direct Line, possibly resuming the page's conversation.
// Azure Bot Service mode (DIRECTLINE_SECRET set): the secret is exchanged server-side for an Azure token
// (the secret never reaches a page). CORS: same origin and ALLOWED_ORIGINS only, others get 403 JSON.
import type { Request, Response, Server } from 'restify';
import type { VirageConfig } from '../../config.js';
import type { Logger } from '../../log.js';
import { sendError } from '../http-errors.js';
import { DL_BASE } from './client-routes.js';
import type { DirectLineCore, IssuedToken } from './core.js';
import { applyCors, limit, originOf, type RateLimiter } from './http.js';
import { isUserId, newUserId } from './ids.js';

export const TOKEN_ROUTE = '/api/directline/token';
export const AZURE_DIRECTLINE = 'https://directline.botframework.com/v3/directline';

export interface TokenRouteDeps {
  config: VirageConfig;
  core: DirectLineCore;
  limiter: RateLimiter;
  logger: Logger;
  /** Azure's Direct Line base URL (injectable so tests use a local fake). */
  upstreamUrl: string;
  /** How long an expired token still lets its holder resume the conversation. */
  resumeDays: number;
}

interface TokenRequest {
  userId?: unknown;
  user?: { id?: unknown };
  /** A token the page held for its conversation, possibly expired. */
  token?: unknown;
}

export function registerTokenRoute(server: Server, deps: TokenRouteDeps): void {
  const { config, core, limiter } = deps;
  const cors = (req: Request, res: Response): boolean => {
    if (applyCors(config, req, res)) return true;
    sendError(res, 403, 'Forbidden', 'Origine non autorisée : ajoutez-la à ALLOWED_ORIGINS.');
    return false;
  };

  server.opts(TOKEN_ROUTE, async (req, res) => {
    if (!cors(req, res)) return;
    res.send(204);
  });

  server.post(TOKEN_ROUTE, async (req, res) => {
    if (!cors(req, res) || !limit(limiter, req, res)) return;
    res.header('Cache-Control', 'no-store');
    const b: TokenRequest = typeof req.body === 'object' && req.body !== null ? (req.body as TokenRequest) : {};
    const asked = b.userId ?? b.user?.id;
    if (asked !== undefined && asked !== '' && !isUserId(asked)) {
      return sendError(res, 400, 'BadArgument', 'Identifiant d’utilisateur invalide : « dl_ » suivi de 61 caractères sûrs au plus.');
    }
    const userId = (asked as string | undefined) || undefined;
    if (config.directLineSecret) return azure(deps, res, userId ?? newUserId());

    let issued: IssuedToken | undefined;
    if (b.token !== undefined) {
      const previous = core.signer.verify(String(b.token));
      const claims = previous.ok ? previous.claims : previous.reason === 'expired' ? previous.claims : undefined;
      if (!claims) return sendError(res, 403, 'Forbidden', 'Jeton précédent invalide.');
      if (userId && userId !== claims.userId) return sendError(res, 403, 'Forbidden', 'Ce jeton appartient à un autre utilisateur.');
      const tooOld = core.signer.nowSeconds() - claims.exp > deps.resumeDays * 86_400;
      if (!tooOld && (await core.exists(claims.conversationId))) issued = core.issue(claims.conversationId, claims.userId);
    }
    issued ??= core.issue(undefined, userId);
    res.json(200, {
      token: issued.token,
      conversationId: issued.conversationId,
      userId: issued.userId,
      expires_in: issued.expires_in,
      domain: `${originOf(config, req)}${DL_BASE}`,
      mode: 'self-hosted',
    });
  });
}

async function azure(deps: TokenRouteDeps, res: Response, userId: string): Promise<void> {
  const base = deps.upstreamUrl.replace(/\/+$/, '');
  try {
    const upstream = await fetch(`${base}/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${deps.config.directLineSecret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(10_000),
    });
    const data = (await upstream.json().catch(() => ({}))) as { token?: unknown; conversationId?: unknown; expires_in?: unknown };
    if (!upstream.ok || typeof data.token !== 'string') {
      deps.logger.error('[directline] Azure token exchange refused', { status: upstream.status });
      return sendError(res, 502, 'BotUnavailable', 'Le service de conversation Azure a refusé la demande : vérifiez DIRECTLINE_SECRET.');
    }
    res.json(200, {
      token: data.token,
      conversationId: typeof data.conversationId === 'string' ? data.conversationId : undefined,
      userId,
      expires_in: typeof data.expires_in === 'number' ? data.expires_in : undefined,
      domain: base,
      mode: 'azure',
    });
  } catch (err) {
    deps.logger.error('[directline] Azure token exchange failed', { err: String((err as Error)?.message ?? err) });
    sendError(res, 502, 'BotUnavailable', 'Le service de conversation Azure est injoignable : réessayez plus tard.');
  }
}
