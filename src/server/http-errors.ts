// One JSON error shape for every program-facing 4xx/5xx: { "error": { "code", "message" } },
// messages in French. Direct Line routes use the same shape (it is the protocol's own).
import type { Response } from 'restify';

export interface ErrorBody {
  error: { code: string; message: string };
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.status(status);
  res.json({ error: { code, message } } satisfies ErrorBody);
}

/** A store write that could not be made durable (full disk…), anywhere in an error's causes. */
export function isStoreUnavailable(err: unknown): boolean {
  for (let e = err as { name?: string; cause?: unknown; jse_cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.name === 'StoreUnavailableError') return true;
    e = (typeof e.cause === 'function' ? (e.cause as () => unknown)() : (e.cause ?? e.jse_cause)) as typeof e;
  }
  return false;
}

export const STORE_UNAVAILABLE = {
  code: 'ServiceUnavailable',
  message: 'Le service ne peut pas enregistrer votre message pour le moment (espace de stockage saturé) : réessayez dans quelques minutes.',
};

/** French messages for the errors restify raises itself (parsing, size, routing). */
export function describeRestifyError(err: { statusCode?: number; name?: string }): { code: string; message: string } {
  switch (err.statusCode) {
    case 400:
      return { code: 'BadArgument', message: 'Requête invalide : le corps n’est pas un JSON correct.' };
    case 404:
      return { code: 'NotFound', message: 'Ressource introuvable.' };
    case 405:
      return { code: 'MethodNotAllowed', message: 'Méthode non autorisée pour cette adresse.' };
    case 406:
      return { code: 'NotAcceptable', message: 'Format de réponse non disponible.' };
    case 413:
      return { code: 'MessageSizeTooBig', message: 'Requête trop volumineuse.' };
    case 415:
      return { code: 'UnsupportedMediaType', message: 'Type de contenu non pris en charge (JSON attendu).' };
    case 429:
      return { code: 'TooManyRequests', message: 'Trop de requêtes : réessayez dans un instant.' };
    default:
      return (err.statusCode ?? 500) < 500
        ? { code: err.name || 'BadRequest', message: 'Requête refusée.' }
        : { code: 'ServiceError', message: 'Erreur interne du service : réessayez plus tard.' };
  }
}
