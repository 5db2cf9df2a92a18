// Every HTTP route besides Direct Line and the advisor console, in the order restify needs them: the bot's
// endpoint, privacy, pages, guides, reports, the widget, and last the static pages with the French 404.
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { isLocalMode, type VirageConfig } from '../config.js';
import type { DiagnosticResult } from '../diagnostic/result.js';
import { scoringSources } from '../diagnostic/report/view.js';
import type { DiagnosticModel } from '../diagnostic/model.js';
import type { KnowledgeFeedback } from '../knowledge/feedback.js';
import type { KnowledgeBase } from '../knowledge/search/knowledge-base.js';
import type { Logger } from '../log.js';
import type { SignedLinks } from '../privacy/links.js';
import type { PrivacyRegistry } from '../privacy/registry.js';
import { originOf } from './directline/http.js';
import { registerKnowledgeRoutes } from './knowledge-routes.js';
import { registerMessagesRoute } from './messages-routes.js';
import { registerPagesRoutes } from './pages-routes.js';
import { registerPrivacyRoutes } from './privacy-routes.js';
import type { PublicUrls } from './public-urls.js';
import { registerReportRoutes } from './report-routes.js';
import { registerStaticRoutes } from './static-routes.js';
import { registerWidgetRoutes } from './widget-routes.js';

export interface RouteDeps {
  config: VirageConfig;
  logger: Logger;
  adapter: CloudAdapter;
  runBot(context: TurnContext): Promise<void>;
  privacy: PrivacyRegistry;
  links: SignedLinks;
  kb: KnowledgeBase;
  feedback: KnowledgeFeedback;
  model: DiagnosticModel;
  urls: PublicUrls;
  result(id: string): Promise<DiagnosticResult | undefined>;
  /** The CCI of a département (advisors directory), printed in the PDF. */
  cciFor(departement: string | undefined): { name: string; phone?: string; email?: string } | undefined;
}

export function registerRoutes(server: Server, d: RouteDeps): void {
  const { config, logger } = d;
  registerMessagesRoute(server, d.adapter, d.runBot, { localMode: isLocalMode(config) });
  registerPrivacyRoutes(server, { config, privacy: d.privacy, links: d.links });
  registerPagesRoutes(server, { config });
  registerKnowledgeRoutes(server, {
    kb: d.kb,
    feedback: d.feedback,
    logger,
    look: { title: config.brand.title, color: config.brand.primaryColor },
  });
  registerReportRoutes(server, {
    getResult: d.result,
    // PUBLIC_URL, else where the PDF was asked from.
    guideUrl: (slug, origin) => `${config.publicUrl ? d.urls.base() : origin || d.urls.base()}/guides/${slug}`,
    originOf: (req) => originOf(config, req),
    guideTitle: (slug) => d.kb.guide(slug)?.title,
    cciFor: d.cciFor,
    color: config.brand.primaryColor,
    sources: scoringSources(d.model.scoring),
    logger,
  });
  registerWidgetRoutes(server, { config, logger });
  // Last: the static pages and the French 404 catch-all.
  registerStaticRoutes(server, { config, logger });
}
