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
import type { TokenClaims } from './tokens.js';
import { applyCors, limit, originOf } from './http.js';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { isUserId, newUserId } from './ids.js';

export const TOKEN_ROUTE = '/api/directline/token';
export const AZURE_DIRECTLINE = 'https://directline.botframework.com/v3/directline';

export interface TokenRouteDeps {
  config: VirageConfig;
  core: DirectLineCore;
  limiter: RateLimiterAbstract;
  logger: Logger;
  /** Azure's Direct Line base URL (injectable so tests use a local fake). */
  upstreamUrl: string;
  /** How long after its expiry a token still proves its user and resumes its conversation (hours). */
  resumeHours: number;
}

interface TokenRequest {
  userId?: unknown;
  user?: { id?: unknown };
  /** A token the page held for its conversation, possibly expired: the proof of its user id. */
  token?: unknown;
  /** true: the same (proved) user, but a new conversation. */
  newConversation?: unknown;
  /** Azure mode: the proof of the user id given with the previous token. */
  proof?: unknown;
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
    if (!cors(req, res) || !(await limit(limiter, req, res))) return;
    res.header('Cache-Control', 'no-store');
    const b: TokenRequest = typeof req.body === 'object' && req.body !== null ? (req.body as TokenRequest) : {};
    const asked = b.userId ?? b.user?.id;
    if (asked !== undefined && asked !== '' && !isUserId(asked)) {
      return sendError(res, 400, 'BadArgument', 'Identifiant d’utilisateur invalide : « dl_ » suivi de 61 caractères sûrs au plus.');
    }
    const userId = (asked as string | undefined) || undefined;
    if (config.directLineSecret) {
      // Azure's tokens are not ours to read: the page proves its user id with the `proof` we gave it.
      if (userId && provedUser(deps, b.proof) !== userId) {
        return sendError(res, 403, 'Forbidden', 'Identifiant d’utilisateur non prouvé : joignez la preuve reçue (« proof »).');
      }
      return azure(deps, res, userId ?? newUserId());
    }

    // A user id is only ever taken from a token we signed (possibly expired): a page proves who it
    // was with its previous token. An id merely claimed would let anyone become anyone.
    let proved: TokenClaims | undefined;
    if (b.token !== undefined) {
      const previous = core.signer.verify(String(b.token));
      const claims = previous.ok ? previous.claims : previous.reason === 'expired' ? previous.claims : undefined;
      if (!claims) return sendError(res, 403, 'Forbidden', 'Jeton précédent invalide.');
      if (userId && userId !== claims.userId) return sendError(res, 403, 'Forbidden', 'Ce jeton appartient à un autre utilisateur.');
      // Too long after its expiry a token proves nothing any more: a new user, a new conversation.
      if (core.signer.nowSeconds() - claims.exp <= deps.resumeHours * 3600) proved = claims;
    } else if (userId) {
      return sendError(res, 403, 'Forbidden', 'Identifiant d’utilisateur non prouvé : joignez le jeton précédent (« token »).');
    }
    let issued: IssuedToken | undefined;
    if (proved && b.newConversation !== true && (await core.exists(proved.conversationId)))
      issued = core.issue(proved.conversationId, proved.userId);
    issued ??= core.issue(undefined, proved?.userId);
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

/** Azure mode: the user id a proof (a token of ours for no conversation) was signed for, if still valid. */
function provedUser(deps: TokenRouteDeps, proof: unknown): string | undefined {
  if (typeof proof !== 'string') return undefined;
  const verified = deps.core.signer.verify(proof);
  const claims = verified.ok ? verified.claims : verified.reason === 'expired' ? verified.claims : undefined;
  if (!claims || claims.conversationId !== AZURE_PROOF) return undefined;
  return deps.core.signer.nowSeconds() - claims.exp <= deps.resumeHours * 3600 ? claims.userId : undefined;
}

/** The conversation id of Azure-mode proofs: not a conversation id of ours (those are base64url, 16+). */
const AZURE_PROOF = 'azure-user-proof';

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
      proof: deps.core.signer.sign(AZURE_PROOF, userId).token,
    });
  } catch (err) {
    deps.logger.error('[directline] Azure token exchange failed', { err: String((err as Error)?.message ?? err) });
    sendError(res, 502, 'BotUnavailable', 'Le service de conversation Azure est injoignable : réessayez plus tard.');
  }
}
