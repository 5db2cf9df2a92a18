// `npm start`: builds Virage from the environment and listens; a configuration or content error is
// printed in French, without a stack, and exits 1; SIGINT and SIGTERM stop it cleanly.
import { isLocalMode, loadConfig, type VirageConfig } from './config.js';
import type { Virage } from './virage.js';

export async function startFromEnvironment(createVirage: (config: VirageConfig) => Promise<Virage>): Promise<void> {
  let virage: Virage;
  try {
    const config = loadConfig();
    virage = await createVirage(config);
    const port = await virage.start();
    void virage.warm();
    if (isLocalMode(config)) {
      virage.logger.warn(
        'Mode local : pas de MicrosoftAppId, authentification des canaux désactivée / local mode: channel authentication off',
      );
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
