// The chart and the PDF of a stored diagnostic result, behind its unguessable id (128 random bits, base64url):
//   GET /diagnostic/<id>/radar.png    — the radar chart (linked from the result card)
//   GET /diagnostic/<id>/rapport.pdf  — the PDF report, as a download
// The result is looked up on every request (an erased result is gone at once); only the PNG rendering is
// cached, in a small LRU keyed by id (a stored result never changes).
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../log.js';
import { RESULT_ID } from '../diagnostic/records.js';
import type { ReportLinks } from '../diagnostic/report/card.js';
import { toReportView, type DiagnosticResult, type SourceView } from '../diagnostic/report/view.js';
import { sendError } from './http-errors.js';
import { LruMap } from '../storage/lru.js';

export interface ReportRouteDeps {
  getResult(id: string): Promise<DiagnosticResult | undefined>;
  /** Absolute URL of a guide, printed in the PDF; `origin` is where the PDF was asked from (PUBLIC_URL or Host). */
  guideUrl?: (slug: string, origin: string) => string;
  /** Where a request reached us (see originOf); used for the PDF's links when PUBLIC_URL is empty. */
  originOf?: (req: Request) => string;
  /** A guide's title from its slug, printed in the PDF instead of the slug. */
  guideTitle?: (slug: string) => string | undefined;
  /** The CCI of a département (advisors directory): name and contact printed in the PDF. */
  cciFor?: (departement: string | undefined) => { name: string; phone?: string; email?: string } | undefined;
  /** Sources printed in the PDF besides the result's own (see scoringSources). */
  sources?: readonly SourceView[];
  /** CCI colour (#RRGGBB) of the chart and the PDF headings. */
  color?: string;
  /** PNGs kept in memory (default 64, ~70 KB each). */
  cacheSize?: number;
  logger?: Logger;
}

export function reportPaths(id: string): { chart: string; pdf: string } {
  return { chart: `/diagnostic/${id}/radar.png`, pdf: `/diagnostic/${id}/rapport.pdf` };
}

/** The absolute links the result card and text need, for a result stored under `id`. */
export function reportLinks(publicBaseUrl: string, id: string): ReportLinks {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const paths = reportPaths(id);
  return { chartUrl: base + paths.chart, pdfUrl: base + paths.pdf, guideUrl: (slug) => `${base}/guides/${encodeURIComponent(slug)}` };
}

export function registerReportRoutes(server: Server, deps: ReportRouteDeps): { cache: LruMap<string, Buffer> } {
  const cache = new LruMap<string, Buffer>(deps.cacheSize ?? 64);

  /** The result of the request's id, or undefined after answering 400/404/500 itself. */
  async function load(req: Request, res: Response): Promise<DiagnosticResult | undefined> {
    const id = String(req.params.id ?? '');
    if (!RESULT_ID.test(id)) {
      sendError(res, 400, 'BadArgument', 'Identifiant de diagnostic invalide : vérifiez le lien.');
      return undefined;
    }
    const result = await deps.getResult(id);
    if (!result) {
      cache.delete(id); // erased or expired: drop its chart too
      sendError(
        res,
        404,
        'NotFound',
        'Diagnostic introuvable : il a peut-être expiré ou été effacé. Vous pouvez refaire le diagnostic avec Virage.',
      );
      return undefined;
    }
    return result;
  }

  async function chartOf(id: string, result: DiagnosticResult): Promise<Buffer> {
    let png = cache.get(id);
    if (!png) {
      const { renderRadarForView } = await import('../diagnostic/report/radar.js');
      png = renderRadarForView(toReportView(result), { color: deps.color });
      cache.set(id, png);
    }
    return png;
  }

  function failed(res: Response, what: string, err: unknown): void {
    deps.logger?.error(`[report] ${what} failed`, { err: String((err as Error)?.stack ?? err) });
    sendError(res, 500, 'ServiceError', 'Le rapport n’a pas pu être produit : réessayez plus tard ou demandez un conseiller.');
  }

  server.get('/diagnostic/:id/radar.png', async (req: Request, res: Response) => {
    const result = await load(req, res);
    if (!result) return;
    try {
      const png = await chartOf(String(req.params.id), result);
      res.setHeader('Content-Type', 'image/png');
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.setHeader('X-Robots-Tag', 'noindex');
      res.sendRaw(200, png);
    } catch (err) {
      failed(res, 'chart', err);
    }
  });

  server.get('/diagnostic/:id/rapport.pdf', async (req: Request, res: Response) => {
    const result = await load(req, res);
    if (!result) return;
    try {
      const view = toReportView(result);
      const cci = deps.cciFor?.(result.profile.departement);
      const { renderReportPdf } = await import('../diagnostic/report/pdf.js');
      const pdf = await renderReportPdf(result, {
        guideUrl: deps.guideUrl && ((slug: string) => deps.guideUrl!(slug, deps.originOf?.(req) ?? '')),
        guideTitle: deps.guideTitle,
        color: deps.color,
        sources: deps.sources,
        ...(cci ? { cci } : {}),
      });
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="rapport-virage-${view.isoDay}.pdf"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Robots-Tag', 'noindex');
      res.sendRaw(200, pdf);
    } catch (err) {
      failed(res, 'pdf', err);
    }
  });

  return { cache };
}
