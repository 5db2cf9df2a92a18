// The one composition root: configuration → store → privacy → understanding → dialogs → bot → server.
// `createVirage()` builds everything without listening (tests and benchmarks use it); running this
// file starts the server (src/start.ts).
import { pathToFileURL } from 'node:url';
import { createMainDialog } from '../dialogs/index.js';
import type { DialogServices } from '../dialogs/services.js';
import { assembleBot } from './bot/assemble.js';
import { openBotState } from './bot/state-privacy.js';
import { openBackends } from './cluster/backends.js';
import type { VirageConfig } from './config.js';
import { loadContent, knowledgeOptions } from './content/index.js';
import { assembleDiagnostics } from './diagnostic/assemble.js';
import { FollowUps, type FollowUpConsent } from './followup/consents.js';
import { startReminders } from './followup/reminders.js';
import { cciContact } from './handoff/routing.js';
import { KnowledgeFeedback, knowledgeLogOf } from './knowledge/feedback.js';
import { createKnowledgeBase } from './knowledge/search/index.js';
import { createLogger } from './log.js';
import { createNlu } from './nlu/index.js';
import { rememberLastReading } from './nlu/memo.js';
import { readVersion } from './paths.js';
import { SignedLinks } from './privacy/links.js';
import { PrivacyRegistry } from './privacy/registry.js';
import { startRetention } from './privacy/retention.js';
import { registerDashboard } from './server/dashboard-routes.js';
import { mountDirectLine, type DirectLineService } from './server/directline/index.js';
import { setupHandoff } from './server/handoff-wiring.js';
import { publicUrls } from './server/public-urls.js';
import { registerRoutes } from './server/routes.js';
import { close, createServer, listen } from './server/server.js';
import { startFromEnvironment } from './start.js';
import { loadOrCreateSecret } from './storage/secrets.js';
import type { Virage, VirageOverrides } from './virage.js';

export type { Virage, VirageOverrides } from './virage.js';

export async function createVirage(config: VirageConfig, overrides: VirageOverrides = {}): Promise<Virage> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? (() => new Date());
  // All the content of knowledge/, checked before anything opens: one French error lists every problem.
  const content = loadContent(config.knowledgeDir);
  const { store, transaction, cluster } = await openBackends(config, logger);
  const links = new SignedLinks(loadOrCreateSecret(config.dataDir, 'links'));
  const privacy = new PrivacyRegistry(undefined, transaction);
  const botState = openBotState(store, privacy, config.retention.conversationDays);

  const server = createServer({ config, logger, version: readVersion(), health: [{ name: 'store', check: () => store.healthy() }] });
  let boundPort = config.port;
  const urls = publicUrls(
    config,
    () => boundPort,
    (subject) => links.sign(subject),
  );

  const nlu = createNlu(content.nlu);
  const kb = createKnowledgeBase(content.guides, knowledgeOptions(content));
  const feedback = new KnowledgeFeedback(store);
  privacy.register(feedback.privacySource());
  const diagnostics = assembleDiagnostics({ content, store, privacy, diagnosticDays: config.retention.diagnosticDays, clock });
  const { model, records, findAids } = diagnostics;
  const followUps = new FollowUps(store.collection<FollowUpConsent>('follow-ups'), clock);
  privacy.register(followUps.privacySource());

  const services: DialogServices = {
    publicBaseUrl: urls.base,
    exportLink: urls.exportLink,
    privacy,
    retention: config.retention,
    followUp: { offerDue: (subject) => followUps.offerDue(subject), withdraw: (subject) => followUps.withdraw(subject) },
    diagnosticInProgress: diagnostics.answersInProgress,
    understand: rememberLastReading(nlu),
    phrases: nlu.phrases,
  };
  const handoff = await setupHandoff({
    config,
    logger,
    store,
    cluster,
    privacy,
    server,
    publicBaseUrl: () => urls.base(),
    guideTitle: (slug) => kb.guide(slug)?.title,
    clock,
  });
  let directLine: DirectLineService | undefined;
  const { adapter, relay, runBot } = assembleBot({
    config,
    logger,
    cluster,
    storage: botState.storage,
    subjects: botState.subjects,
    handoff: handoff.service,
    phrases: nlu.phrases,
    directLine: () => directLine,
    dialogs: ({ savedContact, transcript }) =>
      createMainDialog({
        services,
        model,
        records,
        nlu,
        findAids,
        knowledge: kb,
        knowledgeLog: knowledgeLogOf(feedback),
        handoff: handoff.service,
        diagnosticForAdvisor: diagnostics.forAdvisor,
        savedContact,
        transcript,
        retention: config.retention,
        clock,
        emitHandoffEvent: config.handoff.emitEvent,
        followUps,
      }),
  });
  const dl = (directLine = mountDirectLine(server, { config, store, cluster, logger, runBot, privacy }));
  registerRoutes(server, {
    config,
    logger,
    adapter,
    runBot,
    privacy,
    links,
    kb,
    feedback,
    model,
    urls,
    result: (id) => records.result(id),
    cciFor: (departement) => cciContact(handoff.service.directory(), departement),
  });
  registerDashboard(server, {
    handoff,
    store,
    feedback,
    questionnaire: model.questionnaire,
    sectors: nlu.sectors,
    title: config.brand.title,
    clock,
    logger,
  });
  const stopRelay = relay.start();
  const retention = startRetention(
    privacy,
    [{ name: 'kb-feedback', purge: (now) => feedback.purge(now, config.retention.feedbackDays) }],
    logger,
    undefined,
    clock,
  );
  const reminders = startReminders({
    followUps,
    smtp: config.handoff.smtp,
    baseUrl: () => urls.base(),
    clock,
    logger,
    intervalMs: overrides.followUpSweepMs,
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
    runBot,
    followUp: { consents: followUps, reminders },
    async start(port = config.port) {
      boundPort = await listen(server, port, config.host);
      return boundPort;
    },
    warm: () => nlu.warm(),
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void startFromEnvironment(createVirage);
}
