// The bot side of the emulation: the Bot Connector routes that the bot's replies use, under the
// serviceUrl `<origin>/directline-channel/<channelKey>`. The key is secret (derived from the token key),
// so nobody else can inject "bot" messages. Other Connector operations get a clear 4xx.
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { sendError } from '../http-errors.js';
import type { DirectLineCore } from './core.js';

export const CHANNEL_BASE = '/directline-channel';

export function registerChannelRoutes(server: Server, core: DirectLineCore, channelKey: string): void {
  const expected = Buffer.from(channelKey);
  const keyOk = (req: Request, res: Response): boolean => {
    const given = Buffer.from(String(req.params.key ?? ''));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
    sendError(res, 404, 'NotFound', 'Ressource introuvable.');
    return false;
  };
  const base = `${CHANNEL_BASE}/:key/v3/conversations/:conversationId/activities`;

  const post = async (req: Request, res: Response) => {
    if (!keyOk(req, res)) return;
    const outcome = await core.postFromBot(req.params.conversationId, req.body, req.params.activityId);
    if (!outcome.ok) return sendError(res, outcome.status, outcome.code, outcome.message);
    res.json(200, { id: outcome.id });
  };
  server.post(base, post); // sendToConversation
  server.post(`${base}/:activityId`, post); // replyToActivity

  server.put(`${base}/:activityId`, async (req, res) => {
    if (!keyOk(req, res)) return;
    const outcome = await core.updateFromBot(req.params.conversationId, req.params.activityId, req.body);
    if (!outcome.ok) return sendError(res, outcome.status, outcome.code, outcome.message);
    res.json(200, { id: outcome.id });
  });

  server.del(`${base}/:activityId`, async (req, res) => {
    if (!keyOk(req, res)) return;
    if (!(await core.deleteFromBot(req.params.conversationId, req.params.activityId))) {
      return sendError(res, 404, 'NotFound', 'Activité introuvable.');
    }
    res.send(200);
  });

  const unsupported = async (req: Request, res: Response) => {
    if (!keyOk(req, res)) return;
    sendError(res, 400, 'NotSupported', 'Opération du connecteur non prise en charge par le canal Direct Line intégré.');
  };
  for (const method of ['get', 'post', 'put', 'del', 'patch'] as const) server[method](`${CHANNEL_BASE}/:key/*`, unsupported);
}
