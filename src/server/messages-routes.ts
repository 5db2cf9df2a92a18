// POST /api/messages: the Bot Framework channel endpoint (Teams, Azure Direct Line, the Emulator).
// CloudAdapter validates the JWT when an app id is set. Malformed activities are refused here with a
// JSON 400 (botbuilder would answer 500 to a missing type or serviceUrl).
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { sendError } from './http-errors.js';

export function invalidActivityReason(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'le corps doit être une activité JSON';
  const a = body as Record<string, any>;
  if (typeof a.type !== 'string' || !a.type) return 'champ « type » manquant';
  if (!a.conversation || typeof a.conversation.id !== 'string' || !a.conversation.id) return 'champ « conversation.id » manquant';
  if (a.from !== undefined && (typeof a.from !== 'object' || a.from === null)) return 'champ « from » invalide';
  if (a.text !== undefined && typeof a.text !== 'string') return 'champ « text » invalide';
  if (a.deliveryMode !== 'expectReplies') {
    if (typeof a.serviceUrl !== 'string') return 'champ « serviceUrl » manquant';
    try {
      const u = new URL(a.serviceUrl);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'champ « serviceUrl » invalide';
    } catch {
      return 'champ « serviceUrl » invalide';
    }
  }
  return undefined;
}

/** True for localhost, 127.0.0.0/8 and ::1 (the Emulator and local tools). */
export function isLoopbackUrl(raw: string): boolean {
  let host: string;
  try {
    host = new URL(raw).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Local mode (no MicrosoftAppId: nobody's identity is checked) only serves local tools: the channel
 * of the built-in Direct Line is refused (its users are proved by our tokens, not by a claimed id),
 * and replies go to loopback serviceUrls only (no request to an address a stranger chose).
 */
export function localModeRefusal(body: Record<string, any>): string | undefined {
  if (typeof body.channelId === 'string' && body.channelId.toLowerCase() === 'directline') {
    return 'le canal « directline » appartient au Direct Line intégré (/v3/directline) ; en mode local, /api/messages ne l’accepte pas';
  }
  if (typeof body.serviceUrl === 'string' && !isLoopbackUrl(body.serviceUrl)) {
    return 'en mode local (sans MicrosoftAppId), serviceUrl doit désigner cette machine (localhost)';
  }
  return undefined;
}

export function registerMessagesRoute(
  server: Server,
  adapter: CloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  options: { localMode: boolean } = { localMode: true },
): void {
  server.post('/api/messages', async (req, res) => {
    const reason = invalidActivityReason(req.body);
    if (reason) return sendError(res, 400, 'BadArgument', `Activité invalide : ${reason}.`);
    const refusal = options.localMode ? localModeRefusal(req.body as Record<string, any>) : undefined;
    if (refusal) return sendError(res, 403, 'Forbidden', `Activité refusée : ${refusal}.`);
    await adapter.process(req, res, logic);
  });
}
