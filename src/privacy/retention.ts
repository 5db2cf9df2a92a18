// Retention: personal data older than its period is purged at start and then once a day
// (CNIL: keep conversation data only as long as its purpose requires).
import type { Logger } from '../log.js';
import type { PrivacyRegistry } from './registry.js';

export interface RetentionJob {
  /** Runs one purge now (also used by tests). */
  runOnce(now?: Date): Promise<Record<string, number>>;
  stop(): void;
}

/** Purges that are not personal data sources (e.g. anonymous feedback), with their own period. */
export type ExtraPurge = { name: string; purge(now: Date): Promise<number> };

export function startRetention(
  privacy: PrivacyRegistry,
  extra: ExtraPurge[],
  logger: Logger,
  intervalMs = 24 * 3600 * 1000,
  clock: () => Date = () => new Date(),
): RetentionJob {
  let running: Promise<Record<string, number>> | undefined;
  const runOnce = async (now = clock()) => {
    const purged = await privacy.purge(now);
    for (const e of extra) purged[e.name] = await e.purge(now);
    const total = Object.values(purged).reduce((a, b) => a + b, 0);
    if (total > 0) logger.info('[retention] purged expired records', purged);
    return purged;
  };
  const tick = () => {
    if (running) return;
    running = runOnce()
      .catch((err) => {
        logger.error('[retention] purge failed', { error: String(err) });
        return {};
      })
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  setTimeout(tick, 1000).unref();
  return {
    runOnce,
    stop: () => clearInterval(timer),
  };
}
