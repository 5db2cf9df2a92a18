// What the instances of Virage share, opened in order at start: the document store, then the cluster
// (Redis with REDIS_URL, else in memory; a cluster that fails to open closes the store), then the rate
// limiters on it (with Redis, every instance counts against the same limits).
import type { VirageConfig } from '../config.js';
import type { Logger } from '../log.js';
import { memoryLimiters, redisLimiters, setLimiterFactory } from '../server/limits.js';
import { openStore, type OpenedStore } from '../storage/open-store.js';
import { openCluster, type Cluster } from './index.js';

export async function openBackends(config: VirageConfig, logger: Logger): Promise<OpenedStore & { cluster: Cluster }> {
  const opened = await openStore(config, logger);
  const cluster = await openCluster({ url: config.redis?.url, prefix: config.redis?.prefix, logger }).catch(async (err: unknown) => {
    await opened.store.close();
    throw err;
  });
  if (cluster.shared && config.store.kind === 'lowdb') {
    // Redis alone does not make the embedded store shareable: two processes on one DATA_DIR would overwrite each other.
    logger.warn(
      'REDIS_URL avec le stockage embarqué : une seule instance par DATA_DIR ; pour plusieurs instances, STORE=postgres / embedded store: one instance per DATA_DIR',
    );
  }
  // Before any limiter is made.
  setLimiterFactory(cluster.redis ? redisLimiters(cluster.redis, cluster.prefix) : memoryLimiters);
  return { ...opened, cluster };
}
