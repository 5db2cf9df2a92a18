// The CCI dashboard, for advisors with the « responsable » role (advisors directory), on the console's
// login: a responsable sees the figures of their own CCI only (one CCI's figures are not another's to
// read; a région or CCI France gets them from each CCI's CSV export).
//   GET /conseiller/tableau-de-bord[?du=YYYY-MM-DD&au=YYYY-MM-DD]  the page (no session: to the login)
//   GET /conseiller/tableau-de-bord.csv?…                          the same figures as CSV (Excel, French)
//   GET /api/conseiller/tableau-de-bord?…                          the same figures as JSON
// A plain advisor gets 403 (a French page, or the JSON error). Figures: src/dashboard/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../log.js';
import { webDir } from '../paths.js';
import { computeDashboard, type DashboardContext } from '../dashboard/aggregate.js';
import { dashboardCsv } from '../dashboard/csv.js';
import { parsePeriod, type Period } from '../dashboard/period.js';
import { readSources, type DashboardStores } from '../dashboard/sources.js';
import { toView, type DashboardView } from '../dashboard/view.js';
import { findCci } from '../handoff/directory.js';
import type { AdvisorsDirectory } from '../handoff/types.js';
import type { Authenticated, ConsoleAuth } from './console-auth.js';
import type { HandoffWiring } from './handoff-wiring.js';
import type { DiagnosticResult } from '../diagnostic/result.js';
import type { StoredResult, SubjectDiagnostics } from '../diagnostic/records.js';
import type { Questionnaire } from '../diagnostic/types.js';
import { HANDOFFS_COLLECTION } from '../handoff/service.js';
import type { HandoffRequest } from '../handoff/types.js';
import type { KnowledgeFeedback } from '../knowledge/feedback.js';
import { knowledgeDir } from '../paths.js';
import type { DocumentStore } from '../storage/types.js';
import { sendError } from './http-errors.js';

export interface DashboardDeps {
  auth: ConsoleAuth;
  directory: () => AdvisorsDirectory;
  stores: DashboardStores;
  context: Pick<DashboardContext, 'questionnaire' | 'sectorLabel' | 'departementLabel'>;
  title: string;
  clock?: () => Date;
  logger: Logger;
}

export const DASHBOARD_PATH = '/conseiller/tableau-de-bord';
export const DASHBOARD_CSP =
  "default-src 'none'; style-src 'self'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

type Who = { ok: true; who: Authenticated } | { ok: false; status: 401 | 403 };

export function registerDashboardRoutes(server: Server, deps: DashboardDeps): void {
  const clock = deps.clock ?? (() => new Date());
  const css = readFileSync(path.join(webDir, 'conseiller', 'dashboard.css'), 'utf8');

  const identify = async (req: Request): Promise<Who> => {
    const who = await deps.auth.resolve(req.headers.cookie);
    if (!who) return { ok: false, status: 401 };
    return who.role === 'responsable' ? { ok: true, who } : { ok: false, status: 403 };
  };
  const figures = async (who: Authenticated, period: Period): Promise<DashboardView> => {
    const directory = deps.directory();
    const cciId = who.advisor.cciId;
    const raw = computeDashboard(await readSources(deps.stores), { ...deps.context, directory, cciId, period, now: clock() });
    return toView(raw, { id: cciId, name: findCci(directory, cciId)?.name ?? cciId }, period);
  };
  const query = (req: Request) => (req.query ?? {}) as { du?: unknown; au?: unknown };
  const headers = (res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Frame-Options', 'DENY');
  };
  const html = (res: Response, status: number, body: string) => {
    headers(res);
    res.sendRaw(status, body, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': DASHBOARD_CSP });
  };
  const failed = (req: Request, err: unknown) =>
    deps.logger.error('[dashboard] request failed', { path: req.path(), err: String((err as Error)?.stack ?? err) });

  server.get(`${DASHBOARD_PATH}.css`, async (_req, res) => {
    res.sendRaw(200, css, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' });
  });

  server.get(DASHBOARD_PATH, async (req, res) => {
    // The page draws its charts with ECharts: loaded on the first visit, not with the server.
    const { dashboardPage, forbiddenPage } = await import('../dashboard/page.js');
    try {
      const id = await identify(req);
      if (!id.ok && id.status === 401) {
        headers(res);
        return void res.sendRaw(303, '', { Location: '/conseiller?retour=tableau-de-bord' });
      }
      if (!id.ok) return html(res, 403, forbiddenPage(deps.title));
      const q = query(req);
      const period = parsePeriod(q, clock());
      if ('problem' in period) {
        return html(
          res,
          400,
          dashboardPage({
            title: deps.title,
            from: String(q.du ?? '').slice(0, 20),
            to: String(q.au ?? '').slice(0, 20),
            problem: period.problem,
          }),
        );
      }
      const view = await figures(id.who, period);
      html(res, 200, dashboardPage({ title: deps.title, view, from: period.from, to: period.to }));
    } catch (err) {
      failed(req, err);
      html(
        res,
        500,
        dashboardPage({
          title: deps.title,
          from: '',
          to: '',
          problem: 'Le tableau de bord n’a pas pu être calculé : réessayez dans un moment.',
        }),
      );
    }
  });

  /** The figures for a program (JSON, CSV): 401/403/400 as JSON errors. */
  const data = (send: (res: Response, view: DashboardView) => void) => async (req: Request, res: Response) => {
    headers(res);
    try {
      const id = await identify(req);
      if (!id.ok && id.status === 401)
        return sendError(res, 401, 'Unauthorized', 'Session absente ou expirée : connectez-vous sur /conseiller.');
      if (!id.ok) return sendError(res, 403, 'Forbidden', 'Tableau de bord réservé aux comptes « responsable » de la CCI.');
      const period = parsePeriod(query(req), clock());
      if ('problem' in period) return sendError(res, 400, 'BadArgument', period.problem);
      send(res, await figures(id.who, period));
    } catch (err) {
      failed(req, err);
      sendError(res, 500, 'ServiceError', 'Erreur interne du service : réessayez plus tard.');
    }
  };
  server.get(
    `${DASHBOARD_PATH}.csv`,
    data((res, view) => {
      const name = `virage-${view.cci.id}-${view.period.from}-${view.period.to}.csv`;
      res.sendRaw(200, dashboardCsv(view), {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
    }),
  );
  server.get(
    '/api/conseiller/tableau-de-bord',
    data((res, view) => void res.json(200, view)),
  );
}

/** Wires the dashboard from the composition root: the console's login, the stores, the labels. */
export function registerDashboard(
  server: Server,
  d: {
    handoff: Pick<HandoffWiring, 'auth' | 'directory'>;
    store: DocumentStore;
    feedback: KnowledgeFeedback;
    questionnaire: Questionnaire;
    sectors: readonly { id: string; label: string }[];
    title: string;
    clock: () => Date;
    logger: Logger;
  },
): void {
  const territories = JSON.parse(readFileSync(path.join(knowledgeDir, 'nlu', 'territoires.fr.json'), 'utf8')) as {
    departements: { code: string; nom: string }[];
  };
  const departements = new Map(territories.departements.map((t) => [t.code, t.nom]));
  registerDashboardRoutes(server, {
    auth: d.handoff.auth,
    directory: d.handoff.directory,
    stores: {
      runs: d.store.collection<SubjectDiagnostics>('diagnostics'),
      results: d.store.collection<StoredResult<DiagnosticResult>>('diagnostic-results'),
      handoffs: d.store.collection<HandoffRequest>(HANDOFFS_COLLECTION),
      curation: d.feedback.curation,
      votes: d.feedback.votes,
    },
    context: {
      questionnaire: d.questionnaire,
      sectorLabel: (id) => d.sectors.find((s) => s.id === id)?.label,
      departementLabel: (code) => departements.get(code),
    },
    title: d.title,
    clock: d.clock,
    logger: d.logger,
  });
}
