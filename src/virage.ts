// What `createVirage()` (src/index.ts) builds and what tests and benchmarks may override.
import type { TurnContext } from 'botbuilder';
import type * as restify from 'restify';
import type { Cluster } from './cluster/index.js';
import type { VirageConfig } from './config.js';
import type { FollowUps } from './followup/consents.js';
import type { ReminderJob } from './followup/reminders.js';
import type { Logger } from './log.js';
import type { PrivacyRegistry } from './privacy/registry.js';
import type { RetentionJob } from './privacy/retention.js';
import type { DirectLineService } from './server/directline/index.js';
import type { HandoffWiring } from './server/handoff-wiring.js';
import type { DocumentStore } from './storage/types.js';

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
  /**
   * Trains the reader learned from labelled answers in the background, one question per event-loop turn (about 4 s of
   * CPU in all; `npm start` calls it once listening). Without it, each question's model is trained on first use.
   */
  warm(): Promise<void>;
}

export interface VirageOverrides {
  logger?: Logger;
  /** Clock of the handoff (office hours, queue, timeouts), the diagnostics and the follow-up: tests move it. */
  clock?: () => Date;
  /** Period of the follow-up reminder sweep (default one hour). */
  followUpSweepMs?: number;
}
