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

export function registerMessagesRoute(server: Server, adapter: CloudAdapter, logic: (context: TurnContext) => Promise<void>): void {
  server.post('/api/messages', async (req, res) => {
    const reason = invalidActivityReason(req.body);
    if (reason) return sendError(res, 400, 'BadArgument', `Activité invalide : ${reason}.`);
    await adapter.process(req, res, logic);
  });
}
