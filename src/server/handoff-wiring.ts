// Wires the handoff feature into the app: directory file, advisor presence, service (queue rebuilt from
// the store), privacy source, notifications, advisor console routes and socket, and the periodic sweep
// (waiting timeout, expired sessions, advisors gone absent).
// Called once by the composition root (src/index.ts).
import { unwatchFile, watchFile } from 'node:fs';
import type * as restify from 'restify';
import type { VirageConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { PrivacyRegistry } from '../privacy/registry.js';
import type { DocumentStore } from '../storage/types.js';
import { memoryCluster, type Cluster } from '../cluster/index.js';
import { loadOrSeedDirectory } from '../handoff/directory.js';
import type { AdvisorsDirectory } from '../handoff/types.js';
import { attachNotifier, Notifier } from '../handoff/notify.js';
import { AdvisorPresence, MemoryPresenceStore, type PresenceStore } from '../handoff/presence.js';
import { SharedPresenceStore } from '../handoff/presence-shared.js';
import { HandoffService } from '../handoff/service.js';
import { handoffPrivacySource } from '../handoff/status.js';
import { shareHandoffEvents } from '../handoff/share.js';
import { ConsoleAuth } from './console-auth.js';
import { registerConsoleRoutes } from './console-routes.js';
import { attachConsoleSocket } from './console-ws.js';
import { upgrades } from './server.js';

export interface HandoffWiring {
  service: HandoffService;
  presence: AdvisorPresence;
  notifier: Notifier;
  /** The console's login and sessions (the dashboard uses them too). */
  auth: ConsoleAuth;
  /** The advisors directory as last loaded. */
  directory(): AdvisorsDirectory;
  /** Re-reads the directory file; keeps the current one (and throws) when the file is invalid. */
  reloadDirectory(): void;
  /** Stops the timer, the file watch and the console sockets, and waits for notifications in flight. */
  stop(): Promise<void>;
}

export interface HandoffWiringDeps {
  config: VirageConfig;
  logger: Logger;
  store: DocumentStore;
  /** Bus and shared keys of the instances (default: in memory, one instance). */
  cluster?: Cluster;
  privacy: PrivacyRegistry;
  server: restify.Server;
  publicBaseUrl: () => string;
  guideTitle?: (slug: string) => string | undefined;
  clock?: () => Date;
  /** How often waiting requests are checked for the timeout (default 30 s). */
  sweepMs?: number;
  /** Where presence is kept (default: shared keys and bus with REDIS_URL, else in memory). */
  presenceStore?: PresenceStore;
}

export async function setupHandoff(deps: HandoffWiringDeps): Promise<HandoffWiring> {
  const { config, logger, store } = deps;
  const cluster = deps.cluster ?? memoryCluster(logger);
  let directory = loadOrSeedDirectory(config.handoff.advisorsFile);
  const clock = deps.clock ?? (() => new Date());
  const absentAfterMs = config.handoff.presenceAbsentSeconds * 1000;
  let service: HandoffService | undefined;
  const shared = !deps.presenceStore && cluster.shared ? await SharedPresenceStore.open(cluster.keys, cluster.bus) : undefined;
  const presence = new AdvisorPresence({
    store: deps.presenceStore ?? shared ?? new MemoryPresenceStore(),
    directory: () => directory,
    clock,
    absentAfterMs,
    inLiveExchange: async (cciId) =>
      new Set(
        (await service!.listForCci(cciId, 0))
          .filter((r) => r.kind === 'live' && r.status === 'en_cours' && r.advisor)
          .map((r) => r.advisor!.login),
      ),
  });
  service = await HandoffService.open({ store, directory: () => directory, clock, logger, availability: presence });
  // An advisor taking or leaving a live exchange changes their state for colleagues and for the next request.
  service.onEvent((e) => {
    if ((e.type === 'request.taken' || e.type === 'request.ended') && e.request.kind === 'live' && e.request.advisor)
      void presence.exchangeChanged(e.request.cciId).catch(() => undefined);
  });
  deps.privacy.register(handoffPrivacySource(service, config.retention.handoffDays));
  const stopSharing = await shareHandoffEvents(service, cluster.bus, logger);

  const notifier = new Notifier({ baseUrl: deps.publicBaseUrl, ...(config.handoff.smtp ? { smtp: config.handoff.smtp } : {}), logger });
  attachNotifier(service, notifier);

  const auth = new ConsoleAuth({ store, directory: () => directory, secure: config.publicUrl?.startsWith('https:') ?? false, clock });
  registerConsoleRoutes(deps.server, {
    service,
    auth,
    presence,
    logger,
    publicBaseUrl: deps.publicBaseUrl,
    ...(deps.guideTitle ? { guideTitle: deps.guideTitle } : {}),
  });
  const origins = config.publicUrl ? [new URL(config.publicUrl).origin] : [];
  const checkMs = Math.min(30_000, Math.floor(absentAfterMs / 3));
  const detachSocket = attachConsoleSocket(upgrades(deps.server), { service, auth, presence, logger, origins, checkMs });

  const maxWaitMs = config.handoff.maxWaitMinutes * 60_000;
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    void service
      .timeoutWaiting(clock(), maxWaitMs)
      .then(() => auth.purgeExpired())
      .then(() => presence.sweep())
      .catch((err) => logger.error('[handoff] sweep failed', { err: String(err) }))
      .finally(() => (sweeping = false));
  }, deps.sweepMs ?? 30_000);
  sweep.unref();

  // `npm run advisor:add` edits the file while the server runs: pick changes up within seconds.
  const file = config.handoff.advisorsFile;
  const reloadDirectory = () => {
    directory = loadOrSeedDirectory(file);
  };
  const onFileChange = () => {
    try {
      reloadDirectory();
      logger.info('[handoff] advisors directory reloaded');
    } catch (err) {
      logger.error('[handoff] advisors directory invalid, previous one kept', { err: (err as Error).message });
    }
  };
  watchFile(file, { interval: 3000, persistent: false }, onFileChange);

  logger.info('[handoff] advisors directory loaded', { ccis: directory.ccis.length, file: config.handoff.advisorsFile });
  return {
    service,
    presence,
    notifier,
    auth,
    directory: () => directory,
    reloadDirectory,
    async stop() {
      clearInterval(sweep);
      unwatchFile(file, onFileChange);
      detachSocket();
      stopSharing();
      shared?.close();
      await notifier.idle();
      notifier.close();
    },
  };
}
