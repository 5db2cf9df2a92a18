// The Bot Framework adapter for /api/messages. With a MicrosoftAppId, botbuilder validates the
// channel's JWT on every request; without one (local mode) authentication is off, which config.ts
// refuses in production unless ALLOW_ANONYMOUS_CHANNELS=true.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { VirageConfig } from '../config.js';
import type { Logger } from '../log.js';
import { messages } from '../../dialogs/messages.js';
import type { Cluster } from '../cluster/index.js';
import { DuplicateActivityFilter, sharedSeen } from './dedupe.js';
import { redisPacers } from './shared-pacing.js';
import { installTeamsDelivery } from './teams-delivery.js';

/**
 * `cluster`: with Redis, Teams' re-deliveries are recognised by every instance and after a restart, and
 * Teams' rate limits (per bot) are paced across instances.
 */
export function createAdapter(config: VirageConfig, logger: Logger, cluster?: Cluster): CloudAdapter {
  // Pass an explicit object, never process.env: natural's dotenv side effect could turn auth on or off.
  const options: ConfigurationBotFrameworkAuthenticationOptions = config.microsoftAppId
    ? {
        MicrosoftAppId: config.microsoftAppId,
        MicrosoftAppPassword: config.microsoftAppPassword,
        MicrosoftAppType: config.microsoftAppType,
        MicrosoftAppTenantId: config.microsoftAppTenantId,
      }
    : ({} as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = turnErrorHandler(logger);
  // Teams: a re-delivered activity is processed once; replies are paced and retried on 429/412/502/504.
  adapter.use(new DuplicateActivityFilter(cluster?.shared ? { seen: sharedSeen(cluster.keys) } : {}));
  installTeamsDelivery(adapter, { logger, ...(cluster?.redis ? { pacers: redisPacers(cluster.redis, cluster.prefix, logger) } : {}) });
  return adapter;
}

/** Logs the error without message content and tells the person plainly, in French. */
export function turnErrorHandler(logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    logger.error('[bot] turn failed', {
      channel: context.activity.channelId,
      type: context.activity.type,
      error: String(error?.stack ?? error),
    });
    if (context.activity.type === 'message') {
      try {
        await context.sendActivity(messages.technicalError);
      } catch {
        // the channel itself is unreachable: nothing more to do for this turn
      }
    }
  };
}
