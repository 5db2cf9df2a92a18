// Routes of the knowledge base: guide pages (/guides, /guides/<slug>) and the JSON API used by the web
// widget, the advisor console and integrations (/api/kb/search, /api/kb/guides, /api/kb/feedback).
// Unanswered or low-confidence questions asked through the API are logged (redacted) for the curators,
// within a small budget per client and per hour: a flood of searches must not fill the curators' log.
import type { Request, Response, Server } from 'restify';
import type { KnowledgeFeedback } from '../knowledge/feedback.js';
import type { KnowledgeBase } from '../knowledge/search/index.js';
import { silentLogger, type Logger } from '../log.js';
import { guideListPage, guidePage, notFoundPage, type PageLook } from './guide-pages.js';
import { clientAddress } from './client-address.js';
import { sendError } from './http-errors.js';
import { createLimiter, limitOrRefuse, take, type LimitSpec } from './limits.js';

export interface KnowledgeRouteDeps {
  kb: KnowledgeBase;
  /** When given, feedback is accepted and weak questions are logged for curation. */
  feedback?: KnowledgeFeedback;
  logger?: Logger;
  look?: PageLook;
  /** Confidence under which an answered question is still logged for curation (default 0.5). */
  lowConfidence?: number;
  /** Searches per client address (default 30 a minute). */
  searchLimit?: LimitSpec;
}

/** API searches logged for curation: per client address, and for everyone together. */
const CURATION_PER_CLIENT: LimitSpec = { points: 10, durationSeconds: 3600 };
const CURATION_TOTAL: LimitSpec = { points: 200, durationSeconds: 3600 };

const SLUG = /^[a-z0-9-]{1,80}$/;
export const QUERY_MIN = 2;
export const QUERY_MAX = 300;
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'";

function sendHtml(res: Response, status: number, html: string): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('Cache-Control', status === 200 ? 'public, max-age=300' : 'no-store');
  res.sendRaw(status, html);
}

function queryParam(req: Request, name: string): string | undefined {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(v)) return undefined;
  return typeof v === 'string' ? v : undefined;
}

export function registerKnowledgeRoutes(server: Server, deps: KnowledgeRouteDeps): void {
  const { kb, feedback } = deps;
  const logger = deps.logger ?? silentLogger;
  const lowConfidence = deps.lowConfidence ?? 0.5;
  const searches = createLimiter('kb-search', deps.searchLimit ?? { points: 30, durationSeconds: 60 });
  const curationPerClient = createLimiter('kb-curation-client', CURATION_PER_CLIENT);
  const curationTotal = createLimiter('kb-curation-total', CURATION_TOTAL);
  const mayLog = async (address: string) => (await take(curationPerClient, address)).ok && (await take(curationTotal, 'all')).ok;

  server.get('/guides', async (_req: Request, res: Response) => sendHtml(res, 200, guideListPage(kb.list(), deps.look)));

  server.get('/guides/:slug', async (req: Request, res: Response) => {
    const slug = String(req.params.slug ?? '');
    const guide = SLUG.test(slug) ? kb.guide(slug) : undefined;
    if (!guide) return sendHtml(res, 404, notFoundPage(deps.look));
    return sendHtml(res, 200, guidePage(guide, deps.look));
  });

  server.get('/api/kb/guides', async (_req: Request, res: Response) => {
    res.json({ guides: kb.list().map((g) => ({ id: g.id, title: g.title, url: g.url })) });
  });

  server.get('/api/kb/search', async (req: Request, res: Response) => {
    const address = clientAddress(req);
    if (!(await limitOrRefuse(searches, address, res, 'Trop de recherches : réessayez dans un instant.'))) return;
    const raw = (req.query as Record<string, unknown> | undefined)?.q;
    const q = queryParam(req, 'q')?.trim();
    if (Array.isArray(raw)) return sendError(res, 400, 'BadQuery', 'Un seul paramètre « q » est attendu.');
    if (!q) return sendError(res, 400, 'MissingQuery', 'Le paramètre « q » (votre question) est obligatoire.');
    const length = [...q].length;
    if (length < QUERY_MIN) return sendError(res, 400, 'QueryTooShort', `La question doit faire au moins ${QUERY_MIN} caractères.`);
    if (length > QUERY_MAX) return sendError(res, 400, 'QueryTooLong', `La question doit faire au plus ${QUERY_MAX} caractères.`);
    const topRaw = queryParam(req, 'top');
    let top = 3;
    if (topRaw !== undefined) {
      if (!/^\d{1,2}$/.test(topRaw) || Number(topRaw) < 1 || Number(topRaw) > 10) {
        return sendError(res, 400, 'BadTop', 'Le paramètre « top » doit être un nombre entier entre 1 et 10.');
      }
      top = Number(topRaw);
    }
    const result = kb.search(q, { top });
    const best = result.results[0];
    if (feedback && (!result.answered || (best?.confidence ?? 0) < lowConfidence) && (await mayLog(address))) {
      try {
        await feedback.logQuestion({
          query: q,
          answered: result.answered,
          bestGuide: best?.guideId ?? null,
          bestConfidence: best?.confidence ?? 0,
        });
      } catch (err) {
        logger.warn('[kb] curation log failed', { err: String(err) });
      }
    }
    res.json({
      query: result.query,
      answered: result.answered,
      alsoSee: result.alsoSee?.guideId ?? null,
      results: result.results.map((r) => ({
        id: r.guideId,
        title: r.title,
        section: r.sectionId,
        sectionTitle: r.sectionTitle,
        score: r.confidence,
        excerpt: r.excerpt,
        url: `${r.url}#${r.sectionId}`,
      })),
    });
  });

  server.post('/api/kb/feedback', async (req: Request, res: Response) => {
    if (!feedback) return sendError(res, 404, 'NotFound', 'Ressource introuvable.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) {
      return sendError(res, 400, 'BadFeedback', 'Un objet JSON { guideId, sectionId, vote, query } est attendu.');
    }
    const { guideId, sectionId, vote, query } = body;
    if (typeof guideId !== 'string' || !kb.guide(guideId)) return sendError(res, 400, 'BadGuide', 'Guide inconnu.');
    const sections = kb.guide(guideId)!.sections.map((s) => s.id);
    if (sectionId !== undefined && (typeof sectionId !== 'string' || !sections.includes(sectionId))) {
      return sendError(res, 400, 'BadSection', 'Section inconnue pour ce guide.');
    }
    if (vote !== 'up' && vote !== 'down') return sendError(res, 400, 'BadVote', 'Le vote doit être « up » ou « down ».');
    if (query !== undefined && (typeof query !== 'string' || [...query].length > QUERY_MAX)) {
      return sendError(res, 400, 'BadQuery', `La question doit être un texte de ${QUERY_MAX} caractères au plus.`);
    }
    await feedback.vote({ guideId, sectionId: sectionId as string | undefined, vote, query: query as string | undefined });
    res.send(204);
  });
}
