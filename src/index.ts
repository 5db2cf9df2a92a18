// The one composition root: configuration → store → privacy → understanding → dialogs → bot → server.
// `createVirage()` builds everything without listening (tests and benchmarks use it); running this
// file starts the server.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TurnContext } from 'botbuilder';
import type * as restify from 'restify';
import { createMainDialog } from '../dialogs/index.js';
import type { DialogServices } from '../dialogs/services.js';
import { assembleBot } from './bot/assemble.js';
import { savedContactPrivacySource } from './bot/contact-privacy.js';
import { botStatePrivacySource } from './bot/state-privacy.js';
import { openCluster, type Cluster } from './cluster/index.js';
import { memoryLimiters, redisLimiters, setLimiterFactory } from './server/limits.js';
import { loadConfig, isLocalMode, type VirageConfig } from './config.js';
import type { DiagnosticResult } from './diagnostic/index.js';
import { diagnosticForAdvisor } from './diagnostic/for-advisor.js';
import { DiagnosticRecords, type StoredResult, type SubjectDiagnostics } from './diagnostic/records.js';
import { routeDepartement } from './handoff/routing.js';
import { knowledgeOptions, loadContent } from './content/index.js';
import { findAids as findAidsIn, type AidQuery } from './knowledge/aids.js';
import { KnowledgeFeedback, knowledgeLogOf } from './knowledge/feedback.js';
import { createKnowledgeBase } from './knowledge/search/index.js';
import { createLogger, type Logger } from './log.js';
import { createNlu } from './nlu/index.js';
import { rememberLastReading } from './nlu/memo.js';
import { projectRoot, readVersion } from './paths.js';
import { SignedLinks } from './privacy/links.js';
import { PrivacyRegistry } from './privacy/registry.js';
import { startRetention, type RetentionJob } from './privacy/retention.js';
import { SubjectIndex, type SubjectRecord } from './privacy/subjects.js';
import { mountDirectLine, type DirectLineService } from './server/directline/index.js';
import { setupHandoff, type HandoffWiring } from './server/handoff-wiring.js';
import { publicUrls } from './server/public-urls.js';
import { registerRoutes } from './server/routes.js';
import { registerDashboard } from './server/dashboard-routes.js';
import { createServer, listen, close } from './server/server.js';
import { BotStorage, type StoredItem } from './storage/bot-storage.js';
import { openStore } from './storage/open-store.js';
import { loadOrCreateSecret } from './storage/secrets.js';
import type { DocumentStore } from './storage/types.js';
import { FollowUps, type FollowUpConsent } from './followup/consents.js';
import { startReminders, type ReminderJob } from './followup/reminders.js';

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
  /** The follow-up diagnostic: consents and the e-mail reminder sweep. */
  followUp: { consents: FollowUps; reminders: ReminderJob };
  /** Runs one turn of the bot (what /api/messages and the Direct Line channel call). */
  runBot: (context: TurnContext) => Promise<void>;
  /** Listens on the port (0 = any free port) and returns it. */
  start(port?: number): Promise<number>;
  /** Stops the server and flushes the store. */
  stop(): Promise<void>;
}

export interface VirageOverrides {
  logger?: Logger;
  /** Clock of the handoff (office hours, queue, timeouts), the diagnostics and the follow-up: tests move it. */
  clock?: () => Date;
  /** Period of the follow-up reminder sweep (default one hour). */
  followUpSweepMs?: number;
}

export async function createVirage(config: VirageConfig, overrides: VirageOverrides = {}): Promise<Virage> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? (() => new Date());
  // All the content of knowledge/, checked before anything opens: one French error lists every problem.
  const content = loadContent(config.knowledgeDir);
  const { store, transaction } = await openStore(config, logger);
  const cluster = await openCluster({ url: config.redis?.url, prefix: config.redis?.prefix, logger }).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  if (cluster.shared && config.store.kind === 'lowdb') {
    // Redis alone does not make the embedded store shareable: two processes on one DATA_DIR would overwrite each other.
    logger.warn('REDIS_URL avec le stockage embarqué : une seule instance par DATA_DIR ; pour plusieurs instances, STORE=postgres / embedded store: one instance per DATA_DIR');
  }
  // Before any limiter is made: with Redis, every instance counts against the same limits.
  setLimiterFactory(cluster.redis ? redisLimiters(cluster.redis, cluster.prefix) : memoryLimiters);
  const links = new SignedLinks(loadOrCreateSecret(config.dataDir, 'links'));

  const privacy = new PrivacyRegistry(undefined, transaction);
  const subjects = new SubjectIndex(store.collection<SubjectRecord>('subjects'));
  const botStorage = new BotStorage(store.collection<StoredItem>('botstate'));
  privacy.register(botStatePrivacySource(botStorage, subjects, config.retention.conversationDays));
  privacy.register(savedContactPrivacySource(botStorage, subjects));

  const server = createServer({ config, logger, version: readVersion(), health: [{ name: 'store', check: () => store.healthy() }] });
  let boundPort = config.port;
  const urls = publicUrls(config, () => boundPort);

  // French understanding, knowledge and diagnostic content: loaded and checked once, at start.
  const nlu = createNlu(content.nlu);
  const kb = createKnowledgeBase(content.guides, knowledgeOptions(content));
  const feedback = new KnowledgeFeedback(store);
  const model = content.diagnostic;
  const findAids = (query: AidQuery) => findAidsIn(query, content.aids);
  const records = new DiagnosticRecords<DiagnosticResult>(
    store.collection<SubjectDiagnostics>('diagnostics'),
    store.collection<StoredResult<DiagnosticResult>>('diagnostic-results'),
    clock,
  );
  privacy.register(records.privacySource(config.retention.diagnosticDays));
  const followUps = new FollowUps(store.collection<FollowUpConsent>('follow-ups'), clock);
  privacy.register(followUps.privacySource());
  privacy.register(feedback.privacySource());

  const services: DialogServices = {
    publicBaseUrl: (activity) => urls.base(activity),
    privacy,
    exportLink: (subject, activity) => `${urls.base(activity)}/mes-donnees/${links.sign(subject)}`,
    retention: config.retention,
    followUp: { offerDue: (subject) => followUps.offerDue(subject), withdraw: (subject) => followUps.withdraw(subject) },
    diagnosticInProgress: async (subject) => Object.keys((await records.current(subject))?.answers ?? {}).length,
    understand: rememberLastReading(nlu),
    phrases: nlu.phrases,
  };
  const handoff = await setupHandoff({
    config, logger, store, cluster, privacy, server, publicBaseUrl: () => urls.base(), guideTitle: (slug) => kb.guide(slug)?.title, clock,
  });
  let directLine: DirectLineService | undefined;
  const { adapter, relay, runBot } = assembleBot({
    config, logger, cluster, storage: botStorage, subjects, handoff: handoff.service, phrases: nlu.phrases, directLine: () => directLine,
    dialogs: ({ savedContact, transcript }) =>
      createMainDialog({
        services, model, records, nlu, findAids, knowledge: kb, knowledgeLog: knowledgeLogOf(feedback), handoff: handoff.service,
        diagnosticForAdvisor: diagnosticForAdvisor(records, model, findAids),
        savedContact, transcript, retention: config.retention, clock, emitHandoffEvent: config.handoff.emitEvent, followUps,
      }),
  });
  const dl = mountDirectLine(server, { config, store, cluster, logger, runBot, privacy });
  directLine = dl;
  registerRoutes(server, {
    config, logger, adapter, runBot, privacy, links, kb, feedback, model, urls,
    result: (id) => records.result(id),
    cciFor: (departement) => {
      const cci = routeDepartement(handoff.service.directory(), departement);
      return { name: cci.name, phone: cci.contact.phone, email: cci.contact.email };
    },
  });
  registerDashboard(server, { handoff, store, feedback, questionnaire: model.questionnaire, sectors: nlu.sectors, title: config.brand.title, clock, logger });
  const stopRelay = relay.start();
  const retention = startRetention(privacy, [
    { name: 'kb-feedback', purge: (now) => feedback.purge(now, config.retention.feedbackDays) },
  ], logger, undefined, clock);
  const reminders = startReminders({
    followUps, smtp: config.handoff.smtp, baseUrl: () => urls.base(), clock, logger, intervalMs: overrides.followUpSweepMs,
  });

  return {
    config,
    logger,
    server,
    store,
    cluster,
    privacy,
    directLine: dl,
    retention,
    handoff,
    followUp: { consents: followUps, reminders },
    runBot,
    async start(port = config.port) {
      boundPort = await listen(server, port, config.host);
      return boundPort;
    },
    async stop() {
      retention.stop();
      await reminders.stop();
      stopRelay();
      await relay.idle();
      await dl.close();
      await handoff.stop();
      await close(server);
      await store.close();
      await cluster.close();
    },
  };
}

/** `npm start`: a configuration or content error is printed in French, without a stack, and exits 1. */
async function main(): Promise<void> {
  let virage: Virage;
  try {
    const config = loadConfig();
    virage = await createVirage(config);
    const port = await virage.start();
    if (isLocalMode(config)) {
      virage.logger.warn('Mode local : pas de MicrosoftAppId, authentification des canaux désactivée / local mode: channel authentication off');
    }
    virage.logger.info(`Virage prêt : http://localhost:${port} (web chat) — POST /api/messages`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const shutdown = async () => {
    await virage.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
