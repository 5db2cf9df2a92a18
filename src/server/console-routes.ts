// The advisor console at /conseiller (static page) and its JSON API under /api/conseiller. Every
// API call needs the session cookie; every POST but the login also needs the X-CSRF-Token header.
// An advisor only ever sees the requests of their own CCI (others are « introuvable »).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../log.js';
import { webDir } from '../paths.js';
import { findCci } from '../handoff/directory.js';
import { HandoffError, summarize, type RequestSummary } from '../handoff/requests.js';
import type { AdvisorPresence, PresenceChoice } from '../handoff/presence.js';
import type { AdvisorIdentity, HandoffService } from '../handoff/service.js';
import type { HandoffRequest, HandoffStatus } from '../handoff/types.js';
import type { Authenticated, ConsoleAuth } from './console-auth.js';
import { clientAddress } from './client-address.js';
import { sendError } from './http-errors.js';

export interface ConsoleDeps {
  service: HandoffService;
  auth: ConsoleAuth;
  presence: AdvisorPresence;
  logger: Logger;
  /** Public base URL (links to guides sent to users). */
  publicBaseUrl: () => string;
  /** Title of a guide by slug, undefined when no such guide (then the link is refused). */
  guideTitle?: (slug: string) => string | undefined;
}

export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STATIC: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
};

const PRESENCE_CHOICES = new Map<string, PresenceChoice>([
  ['disponible', 'disponible'],
  ['occupe', 'occupe'],
  ['occupé', 'occupe'],
]);

const TICKET_STATUSES = new Map<string, HandoffStatus>([
  ['nouveau', 'rappel'],
  ['rappel', 'rappel'],
  ['en_cours', 'en_cours'],
  ['rappele', 'rappele'],
  ['clos', 'clos'],
]);

type Handler = (req: Request, res: Response, who: Authenticated) => Promise<void>;

const body = (req: Request): Record<string, unknown> =>
  req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};

/** What an advisor sees of a request: everything but the internal subject id and conversation reference. */
export function advisorView(r: HandoffRequest): Omit<HandoffRequest, 'subject' | 'conversation'> {
  const { subject: _s, conversation: _c, ...rest } = r;
  return rest;
}

export function registerConsoleRoutes(server: Server, deps: ConsoleDeps): void {
  const { service, auth, presence, logger } = deps;
  const files = new Map(Object.keys(STATIC).map((f) => [f, readFileSync(path.join(webDir, 'conseiller', f), 'utf8')]));

  const serve = (file: string) => async (_req: Request, res: Response) => {
    res.setHeader('Content-Type', STATIC[file]!);
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendRaw(200, files.get(file)!);
  };
  server.get('/conseiller', serve('index.html'));
  server.get('/conseiller/console.js', serve('console.js'));
  server.get('/conseiller/console.css', serve('console.css'));

  const guarded = (handler: Handler, csrf: boolean) => async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const who = await auth.resolve(req.headers.cookie);
      if (!who) return sendError(res, 401, 'Unauthorized', 'Session absente ou expirée : connectez-vous.');
      if (csrf && !auth.checkCsrf(who.session, req.headers['x-csrf-token'])) {
        return sendError(res, 403, 'CsrfRejected', 'Jeton anti-falsification (CSRF) manquant ou invalide : rechargez la page.');
      }
      await handler(req, res, who);
    } catch (err) {
      if (err instanceof HandoffError) {
        const status = { NotFound: 404, Conflict: 409, BadArgument: 400 }[err.code];
        return sendError(res, status, err.code, err.message);
      }
      logger.error('[console] request failed', { path: req.path(), err: String((err as Error)?.stack ?? err) });
      sendError(res, 500, 'ServiceError', 'Erreur interne du service : réessayez plus tard.');
    }
  };
  const get = (p: string, h: Handler) => server.get(p, guarded(h, false));
  const post = (p: string, h: Handler) => server.post(p, guarded(h, true));

  const me = (who: Authenticated) => {
    const cci = findCci(service.directory(), who.advisor.cciId);
    return {
      advisor: { login: who.advisor.login, displayName: who.advisor.displayName, firstName: who.advisor.firstName },
      role: who.role,
      cci: { id: who.advisor.cciId, name: cci?.name ?? who.advisor.cciId },
      csrfToken: who.session.csrf,
    };
  };

  server.post('/api/conseiller/login', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const { login, password } = body(req);
    if (
      typeof login !== 'string' ||
      typeof password !== 'string' ||
      !login.trim() ||
      !password ||
      login.length > 64 ||
      password.length > 256
    ) {
      return sendError(res, 400, 'BadArgument', 'Indiquez votre identifiant et votre mot de passe.');
    }
    const result = await auth.login(login.trim(), password, clientAddress(req));
    if (!result.ok) {
      if (result.status !== 401)
        logger.warn('[console] login refused', { status: result.status, code: result.code, address: clientAddress(req) });
      if (result.retryAfterSeconds) res.setHeader('Retry-After', String(result.retryAfterSeconds));
      return sendError(res, result.status, result.code, result.message);
    }
    res.setHeader('Set-Cookie', auth.cookie(result.sid));
    res.json(200, me({ sessionKey: '', session: result.session, advisor: result.advisor, role: result.role }));
  });

  get('/api/conseiller/session', async (_req, res, who) => void res.json(200, me(who)));

  post('/api/conseiller/logout', async (_req, res, who) => {
    await auth.logout(who.sessionKey);
    await presence.leave(who.advisor);
    res.setHeader('Set-Cookie', auth.clearCookie());
    res.json(200, { ok: true });
  });

  // Presence: the advisors of one's CCI, each « disponible », « occupe » or « absent ».
  get('/api/conseiller/presence', async (_req, res, who) => void res.json(200, { advisors: await presence.list(who.advisor.cciId) }));
  post('/api/conseiller/presence', async (req, res, who) => {
    const choice = PRESENCE_CHOICES.get(
      String(body(req).statut ?? '')
        .trim()
        .toLowerCase(),
    );
    if (!choice) throw new HandoffError('BadArgument', 'Présence inconnue : disponible ou occupe.');
    await presence.choose(who.advisor, choice);
    res.json(200, { advisors: await presence.list(who.advisor.cciId) });
  });

  get('/api/conseiller/requests', async (_req, res, who) => {
    const lists: Record<'waiting' | 'active' | 'callbacks' | 'done', RequestSummary[]> = {
      waiting: [],
      active: [],
      callbacks: [],
      done: [],
    };
    for (const r of await service.listForCci(who.advisor.cciId)) {
      const s = summarize(r, service.positionOf(r));
      if (r.status === 'en_attente') lists.waiting.push(s);
      else if (r.status === 'en_cours') lists.active.push(s);
      else if (r.status === 'rappel') lists.callbacks.push(s);
      else lists.done.push(s);
    }
    res.json(200, lists);
  });

  const own = async (req: Request, advisor: AdvisorIdentity): Promise<HandoffRequest> => {
    const r = await service.get(String(req.params.id ?? ''));
    if (!r || r.cciId !== advisor.cciId) throw new HandoffError('NotFound', 'Demande introuvable.');
    return r;
  };
  const reply = (res: Response, r: HandoffRequest) => {
    const queue = service.positionOf(r);
    res.json(200, { request: advisorView(r), ...(queue ? { position: queue.position, expectedWaitMs: queue.expectedWaitMs } : {}) });
  };

  get('/api/conseiller/requests/:id', async (req, res, who) => reply(res, await own(req, who.advisor)));
  post('/api/conseiller/requests/:id/take', async (req, res, who) => reply(res, await service.take(who.advisor, String(req.params.id))));
  post('/api/conseiller/requests/:id/end', async (req, res, who) =>
    reply(res, await service.end(String(req.params.id), 'advisor', who.advisor)),
  );
  post('/api/conseiller/requests/:id/bot', async (req, res, who) =>
    reply(res, await service.giveBackToBot(String(req.params.id), who.advisor)),
  );
  post('/api/conseiller/requests/:id/messages', async (req, res, who) =>
    reply(res, await service.postAdvisorMessage(String(req.params.id), who.advisor, String(body(req).text ?? ''))),
  );
  post('/api/conseiller/requests/:id/typing', async (req, res, who) => {
    await service.typing(String(req.params.id), 'advisor', who.advisor);
    res.json(200, { ok: true });
  });
  post('/api/conseiller/requests/:id/guide', async (req, res, who) => {
    const slug = String(body(req).slug ?? '').trim();
    if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(slug))
      throw new HandoffError('BadArgument', 'Guide invalide : indiquez son identifiant, par exemple site-vitrine.');
    const title = deps.guideTitle ? deps.guideTitle(slug) : slug;
    if (!title) throw new HandoffError('NotFound', `Aucun guide « ${slug} ».`);
    const text = `Voici un guide qui devrait vous aider : ${title} — ${deps.publicBaseUrl()}/guides/${slug}`;
    reply(res, await service.postAdvisorMessage(String(req.params.id), who.advisor, text));
  });
  post('/api/conseiller/requests/:id/notes', async (req, res, who) =>
    reply(res, await service.addNote(String(req.params.id), who.advisor, String(body(req).text ?? ''))),
  );
  post('/api/conseiller/requests/:id/status', async (req, res, who) => {
    const status = TICKET_STATUSES.get(String(body(req).status ?? ''));
    if (!status) throw new HandoffError('BadArgument', 'Statut inconnu : nouveau, en_cours, rappele ou clos.');
    reply(res, await service.setTicketStatus(String(req.params.id), who.advisor, status));
  });
}
