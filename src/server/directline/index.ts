// A self-hosted Direct Line 3.0 endpoint, so that Microsoft's own clients (botframework-directlinejs,
// Web Chat) talk to Virage with `domain: <server>/v3/directline` and no Azure. See client-routes.ts
// (client side), streams.ts (WebSocket), channel-routes.ts + bot-bridge.ts (bot side), token-route.ts
// (/api/directline/token for pages, self-hosted or Azure).
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import type * as restify from 'restify';
import type { VirageConfig } from '../../config.js';
import type { Cluster } from '../../cluster/index.js';
import type { Logger } from '../../log.js';
import type { PrivacyRegistry } from '../../privacy/registry.js';
import { loadOrCreateSecret } from '../../storage/secrets.js';
import type { DocumentStore } from '../../storage/types.js';
import type { RunBot } from './bot-bridge.js';
import type { DlActivity } from './transcripts.js';
import { CHANNEL_BASE, registerChannelRoutes } from './channel-routes.js';
import { registerClientRoutes } from './client-routes.js';
import { DirectLineCore, type IssuedToken, type UserActivityListener } from './core.js';
import { createLimiter } from '../limits.js';
import { attachStreams } from './streams.js';
import { upgrades } from '../server.js';
import { AZURE_DIRECTLINE, registerTokenRoute } from './token-route.js';
import { channelKeyFrom } from './tokens.js';

export type { UserActivityListener, UserActivityInfo, IssuedToken } from './core.js';
export type { DlActivity } from './transcripts.js';
export { TOKEN_TTL_SECONDS } from './tokens.js';

export interface DirectLineDeps {
  config: VirageConfig;
  store: DocumentStore;
  logger: Logger;
  runBot: RunBot;
  privacy: PrivacyRegistry;
  /** Shared with other instances (Redis): stream fan-out, activity numbers, turns; default in memory. */
  cluster?: Cluster;
  clock?: () => number;
  /** Azure Direct Line base URL used in DIRECTLINE_SECRET mode (tests point it at a local fake). */
  azureDirectLineUrl?: string;
  /** Token generation per client address (default 30 per minute). */
  tokenRateLimit?: { points: number; durationSeconds: number };
}

export interface DirectLineService {
  /**
   * Sends an activity into the user's stream as if from the bot (the human-advisor relay): stored
   * and pushed; typing indicators are pushed only. Rejects when the conversation does not exist.
   */
  postBotActivity(conversationId: string, activity: Partial<Activity>): Promise<{ id: string }>;
  /** The stored activities of a conversation, oldest first (empty when unknown): the handoff context. */
  history(conversationId: string): Promise<DlActivity[]>;
  /** Called with every activity a user posts (after storage); returns an unsubscribe function. */
  onUserActivity(listener: UserActivityListener): () => void;
  /** A fresh self-hosted token (new conversation, new dl_ user id unless given). */
  issueToken(userId?: string): IssuedToken;
  /** The serviceUrl the bot replies to (contains the secret channel key: never log or show it). */
  serviceUrl(): string;
  /** Resolves when no bot turn is queued or running. */
  idle(): Promise<void>;
  /** Closes the WebSocket streams and waits for running turns (call before closing the server). */
  close(): Promise<void>;
}

/** The signing key: DIRECTLINE_TOKEN_KEY, or one generated once in DATA_DIR/secrets/directline.key. */
export function directLineKey(config: VirageConfig): Buffer {
  return config.directLineTokenKey ? Buffer.from(config.directLineTokenKey, 'utf8') : loadOrCreateSecret(config.dataDir, 'directline');
}

export function mountDirectLine(server: restify.Server, deps: DirectLineDeps): DirectLineService {
  const { config, logger } = deps;
  const clock = deps.clock ?? Date.now;
  const key = directLineKey(config);
  const channelKey = channelKeyFrom(key);

  // The bot reaches the channel routes over loopback when it can: no TLS, no hairpin through a proxy.
  const serviceUrl = (): string => {
    const address = server.server.address() as AddressInfo | null;
    if (address && typeof address === 'object') {
      const wildcard = address.address === '::' || address.address === '0.0.0.0';
      const host = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host}:${address.port}${CHANNEL_BASE}/${channelKey}`;
    }
    return `${config.publicUrl ?? `http://127.0.0.1:${config.port}`}${CHANNEL_BASE}/${channelKey}`;
  };

  const core = new DirectLineCore({
    store: deps.store,
    logger,
    runBot: deps.runBot,
    key,
    clock,
    serviceUrl,
    ...(deps.cluster ? { cluster: deps.cluster } : {}),
  });
  const limiter = createLimiter('dl-token', deps.tokenRateLimit ?? { points: 30, durationSeconds: 60 });

  registerClientRoutes(server, { config, core, limiter });
  registerChannelRoutes(server, core, channelKey);
  registerTokenRoute(server, {
    config,
    core,
    limiter,
    logger,
    upstreamUrl: deps.azureDirectLineUrl ?? AZURE_DIRECTLINE,
    resumeHours: config.directLineResumeHours,
  });
  const closeStreams = attachStreams(upgrades(server), { hub: core.hub, transcripts: core.transcripts, signer: core.signer, logger });
  deps.privacy.register(core.transcripts.privacySource(config.retention.conversationDays, (id, last) => core.ended(id, last)));

  return {
    async postBotActivity(conversationId, activity) {
      const outcome = await core.postFromBot(conversationId, activity);
      if (!outcome.ok) throw new Error(`[directline] postBotActivity: ${outcome.code} (${outcome.message})`);
      return { id: outcome.id };
    },
    async history(conversationId) {
      return (await core.transcripts.get(conversationId))?.entries.map((e) => e.activity) ?? [];
    },
    onUserActivity: (listener) => core.onUserActivity(listener),
    issueToken: (userId) => core.issue(undefined, userId),
    serviceUrl,
    idle: () => core.bridge.idle(),
    async close() {
      closeStreams();
      await core.bridge.idle();
    },
  };
}
