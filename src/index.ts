// The one composition root: configuration → store → privacy → understanding → dialogs → bot → server.
// `createVirage()` builds everything without listening (tests and benchmarks use it); running this
// file starts the server.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConversationState, UserState, type TurnContext } from 'botbuilder';
import type * as restify from 'restify';
import { loadConfig, isLocalMode, type VirageConfig } from './config.js';
import { createLogger, type Logger } from './log.js';
import { projectRoot } from './paths.js';
import { PrivacyRegistry } from './privacy/registry.js';
import { SignedLinks } from './privacy/links.js';
import { SubjectIndex, type SubjectRecord } from './privacy/subjects.js';
import { startRetention, type RetentionJob } from './privacy/retention.js';
import { openStore } from './storage/open-store.js';
import { openCluster, type Cluster } from './cluster/index.js';
import { memoryLimiters, redisLimiters, setLimiterFactory } from './server/limits.js';
import { BotStorage, type StoredItem } from './storage/bot-storage.js';
import { loadOrCreateSecret } from './storage/secrets.js';
import type { DocumentStore } from './storage/types.js';
import { createAdapter } from './bot/adapter.js';
import { VirageBot } from './bot/virage-bot.js';
import { botStatePrivacySource } from './bot/state-privacy.js';
import { createServer, listen, close } from './server/server.js';
import { registerMessagesRoute } from './server/messages-routes.js';
import { registerPrivacyRoutes } from './server/privacy-routes.js';
import { registerPagesRoutes } from './server/pages-routes.js';
import { mountDirectLine, type DirectLineService } from './server/directline/index.js';
import { originOf } from './server/directline/http.js';
import { registerStaticRoutes } from './server/static-routes.js';
import { registerWidgetRoutes } from './server/widget-routes.js';
import { registerKnowledgeRoutes } from './server/knowledge-routes.js';
import { registerReportRoutes } from './server/report-routes.js';
import { routeDepartement } from './handoff/routing.js';
import { setupHandoff, type HandoffWiring } from './server/handoff-wiring.js';
import { createNlu } from './nlu/index.js';
import { loadGuides } from './knowledge/guides.js';
import { findAids } from './knowledge/aids.js';
import { createKnowledgeBase } from './knowledge/search/knowledge-base.js';
import { KnowledgeFeedback } from './knowledge/feedback.js';
import { buildResult, loadDiagnosticModel, type DiagnosticResult } from './diagnostic/index.js';
import { scoringSources } from './diagnostic/report/view.js';
import { DiagnosticRecords, type StoredResult, type SubjectDiagnostics } from './diagnostic/records.js';
import { MainDialog } from '../dialogs/main.js';
import { HandoffDialog, type SavedContact } from '../dialogs/handoff/dialog.js';
import { HandoffRelay } from './bot/relay.js';
import { RECENT_TEXTS, RecentTextsMiddleware, transcriptProvider } from './bot/transcript.js';
import { HANDOFF_CONTACT, savedContactPrivacySource } from './bot/contact-privacy.js';
import type { TranscriptLine } from './handoff/types.js';
import { QuestionDialog, type KnowledgeLog } from '../dialogs/question.js';
import { DiagnosticDialog } from '../dialogs/diagnostic/dialog.js';
import type { DialogServices, Understanding } from '../dialogs/services.js';
import { publicUrls, type OriginCarrier } from './server/public-urls.js';

export interface Virage {
  config: VirageConfig;
  logger: Logger;
  server: restify.Server;
  store: DocumentStore;
  /** What instances share besides the store (Redis with REDIS_URL, else in memory). */
  cluster: Cluster;
  privacy: PrivacyRegistry;
  directLine: DirectLineService;
  retention: RetentionJob;
  handoff: HandoffWiring;
  /** Runs one turn of the bot (what /api/messages and the Direct Line channel call). */
  runBot: (context: TurnContext) => Promise<void>;
  /** Listens on the port (0 = any free port) and returns it. */
  start(port?: number): Promise<number>;
  /** Stops the server and flushes the store. */
  stop(): Promise<void>;
}

export interface VirageOverrides {
  logger?: Logger;
  /** Clock of the handoff (office hours, queue, timeouts): tests move it. */
  clock?: () => Date;
}

export function readVersion(): string {
  return JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version;
}

export async function createVirage(config: VirageConfig, overrides: VirageOverrides = {}): Promise<Virage> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const version = readVersion();
  const { store, transaction } = await openStore(config, logger);
  const cluster = await openCluster({ url: config.redis?.url, prefix: config.redis?.prefix, logger }).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  // Before any limiter is made: with Redis, every instance counts against the same limits.
  setLimiterFactory(cluster.redis ? redisLimiters(cluster.redis, cluster.prefix) : memoryLimiters);
  const secret = loadOrCreateSecret(config.dataDir, 'links');
  const links = new SignedLinks(secret);

  const privacy = new PrivacyRegistry(undefined, transaction);
  const subjects = new SubjectIndex(store.collection<SubjectRecord>('subjects'));
  const botStorage = new BotStorage(store.collection<StoredItem>('botstate'));
  privacy.register(botStatePrivacySource(botStorage, subjects, config.retention.conversationDays));
  privacy.register(savedContactPrivacySource(botStorage, subjects));

  const server = createServer({ config, logger, version, health: [{ name: 'store', check: () => store.healthy() }] });
  let boundPort = config.port;
  const urls = publicUrls(config, () => boundPort);
  const publicBaseUrl = (activity?: OriginCarrier) => urls.base(activity);

  // French understanding, knowledge and diagnostic content: loaded and checked once, at start.
  const nlu = createNlu();
  const kb = createKnowledgeBase(loadGuides(path.join(projectRoot, 'knowledge', 'guides')));
  const feedback = new KnowledgeFeedback(store);
  const model = loadDiagnosticModel();
  const records = new DiagnosticRecords<DiagnosticResult>(
    store.collection<SubjectDiagnostics>('diagnostics'),
    store.collection<StoredResult<DiagnosticResult>>('diagnostic-results'),
  );
  privacy.register(records.privacySource(config.retention.diagnosticDays));
  privacy.register(feedback.privacySource());

  // The router and then the active dialog both ask about the same text in one turn: remember the last.
  let last: { text: string; understood: Understanding } | undefined;
  const understand = (text: string): Understanding => {
    if (last?.text === text) return last.understood;
    const intent = nlu.interpret(text).intent;
    const understood = { intent: intent.name, confidence: intent.confidence };
    last = { text, understood };
    return understood;
  };
  const services: DialogServices = {
    publicBaseUrl,
    privacy,
    exportLink: (subject, activity) => `${publicBaseUrl(activity)}/mes-donnees/${links.sign(subject)}`,
    retention: config.retention,
    diagnosticInProgress: async (subject) => Object.keys((await records.current(subject))?.answers ?? {}).length,
    understand,
    phrases: nlu.phrases,
  };
  const knowledgeLog: KnowledgeLog = {
    feedback: (e) => feedback.vote({ subject: e.subject, guideId: e.guideId, sectionId: e.sectionId, vote: e.helpful ? 'up' : 'down', query: e.query }),
    unanswered: (e) => feedback.logQuestion({ subject: e.subject, query: e.query, answered: false, bestGuide: null, bestConfidence: e.confidence }),
    lowConfidence: (e) => feedback.logQuestion({ subject: e.subject, query: e.query, answered: true, bestGuide: e.guideId, bestConfidence: e.confidence }),
  };
  const clock = overrides.clock ?? (() => new Date());
  const handoff = await setupHandoff({
    config, logger, store, cluster, privacy, server, publicBaseUrl, guideTitle: (slug) => kb.guide(slug)?.title, clock,
  });
  const conversationState = new ConversationState(botStorage);
  const userState = new UserState(botStorage);
  const recentTexts = conversationState.createProperty<TranscriptLine[]>(RECENT_TEXTS);
  const adapter = createAdapter(config, logger, cluster);
  adapter.use(new RecentTextsMiddleware(recentTexts));
  const relay = new HandoffRelay({ service: handoff.service, adapter, appId: config.microsoftAppId ?? '', directLine: () => directLine, logger, phrases: nlu.phrases });
  const savedContact = userState.createProperty<SavedContact>(HANDOFF_CONTACT);
  const transcript = transcriptProvider(recentTexts, () => directLine);
  const mainDialog = new MainDialog(services, {
    diagnostic: new DiagnosticDialog({
      questionnaire: model.questionnaire,
      model,
      records,
      nlu,
      findAids: (query) => findAids(query),
      knowledge: kb,
      retentionDays: config.retention.diagnosticDays,
      publicBaseUrl,
      knownDepartement: async (context) => (await savedContact.get(context))?.departement,
      earlierTexts: async (context) => (await transcript(context)).filter((l) => l.from === 'user').map((l) => l.text),
    }),
    question: new QuestionDialog(services, kb, knowledgeLog),
    handoff: new HandoffDialog({
      service: handoff.service,
      understand,
      nlu,
      // The advisor gets the diagnostic in progress (scored so far) when there is one, else the last result.
      lastDiagnostic: async (subject) => {
        const current = await records.current(subject);
        if (current && Object.keys(current.answers).length > 0) {
          return buildResult(model.questionnaire, {}, current.answers, { model, findAids: (q) => findAids(q) });
        }
        const run = await records.lastCompleted(subject);
        return run?.resultId ? records.result(run.resultId) : undefined;
      },
      transcript,
      savedContact,
      retentionDays: config.retention.handoffDays,
      clock,
      emitEvent: config.handoff.emitEvent,
    }),
  });
  const bot = new VirageBot({
    conversationState,
    userState,
    mainDialog,
    subjects,
    relay,
  });
  const runBot = (context: TurnContext) => bot.run(context);
  registerMessagesRoute(server, adapter, runBot, { localMode: isLocalMode(config) });
  registerPrivacyRoutes(server, { config, privacy, links });
  registerPagesRoutes(server, { config });
  const look = { title: config.brand.title, color: config.brand.primaryColor };
  registerKnowledgeRoutes(server, { kb, feedback, logger, look });
  registerReportRoutes(server, {
    getResult: (id) => records.result(id),
    guideUrl: (slug, origin) => `${config.publicUrl?.replace(/\/+$/, '') ?? (origin || publicBaseUrl())}/guides/${slug}`,
    originOf: (req) => originOf(config, req),
    guideTitle: (slug) => kb.guide(slug)?.title,
    cciFor: (departement) => {
      const cci = routeDepartement(handoff.service.directory(), departement);
      return { name: cci.name, phone: cci.contact.phone, email: cci.contact.email };
    },
    color: config.brand.primaryColor,
    sources: scoringSources(model.scoring),
    logger,
  });
  const directLine = mountDirectLine(server, { config, store, cluster, logger, runBot, privacy });
  const stopRelay = relay.start();
  const retention = startRetention(privacy, [
    { name: 'kb-feedback', purge: (now) => feedback.purge(now, config.retention.feedbackDays) },
  ], logger, undefined, clock);
  registerWidgetRoutes(server, { config, logger });
  // Last: the static pages and the French 404 catch-all.
  registerStaticRoutes(server, { config, logger });

  return {
    config,
    logger,
    server,
    store,
    cluster,
    privacy,
    directLine,
    retention,
    handoff,
    runBot,
    async start(port = config.port) {
      boundPort = await listen(server, port, config.host);
      return boundPort;
    },
    async stop() {
      retention.stop();
      stopRelay();
      await relay.idle();
      await directLine.close();
      await handoff.stop();
      await close(server);
      await store.close();
      await cluster.close();
    },
  };
}

async function main(): Promise<void> {
  let config: VirageConfig;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
  const virage = await createVirage(config).catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
  const port = await virage.start();
  if (isLocalMode(config)) {
    virage.logger.warn('Mode local : pas de MicrosoftAppId, authentification des canaux désactivée / local mode: channel authentication off');
  }
  virage.logger.info(`Virage prêt : http://localhost:${port} (web chat) — POST /api/messages`);
  const shutdown = async () => {
    await virage.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
