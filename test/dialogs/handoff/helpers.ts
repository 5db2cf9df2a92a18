// Shared helpers of the handoff tests: a real Virage (real file store, example directory with test
// passwords) whose handoff clock the test moves, and a driver that fills a request through /api/messages.
import path from 'node:path';
import { loadConfig } from '../../../src/config.js';
import { saveDirectory } from '../../../src/handoff/directory.js';
import { createVirage, type Virage } from '../../../src/index.js';
import { movableClock, testDirectory } from '../../handoff/helpers.js';
import { activity, texts, turn } from '../../helpers/emulator.js';
import { tempDataDir } from '../../helpers/virage.js';
import { storeEnv } from '../../helpers/postgres.js';

export { PASSWORD } from '../../handoff/helpers.js';

/** Monday 24 November 2025 in Paris (UTC+1): 10:00 (open) and 20:00 (closed). */
export const MONDAY_10H = '2025-11-24T09:00:00.000Z';
export const MONDAY_20H = '2025-11-24T19:00:00.000Z';

export interface App {
  virage: Virage;
  url: string;
  dataDir: string;
  clock: ReturnType<typeof movableClock>;
  stop(): Promise<void>;
}

export async function startApp(
  startIso: string,
  env: Record<string, string> = {},
  dataDir = tempDataDir('virage-handoff-dlg-'),
): Promise<App> {
  const advisorsFile = path.join(dataDir, 'conseillers.json');
  saveDirectory(advisorsFile, await testDirectory(true));
  const stored = await storeEnv(env, dataDir); // STORE=postgres: a schema per DATA_DIR
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    ADVISORS_FILE: advisorsFile,
    ...stored,
  });
  const clock = movableClock(startIso);
  const virage = await createVirage(config, { clock: clock.now });
  const port = await virage.start(0);
  return { virage, url: `http://127.0.0.1:${port}`, dataDir, clock, stop: () => virage.stop() };
}

/** One expectReplies turn; returns the replies. */
export function say(url: string, conversation: string, text: string, user = `u-${conversation}`, fields: Record<string, unknown> = {}) {
  return turn(url, activity({ text, ...fields }, conversation, user));
}

/** Fills a request from the menu to the summary (new contact, Gironde); returns the summary's texts. */
export async function fillRequest(
  url: string,
  conversation: string,
  user = `u-${conversation}`,
  reason = 'Je voudrais vendre mes pains en ligne',
): Promise<string[]> {
  await say(url, conversation, 'bonjour', user);
  await say(url, conversation, 'Parler à un conseiller', user);
  for (const text of ['Oui, d’accord', 'Marie Dupont', 'Boulangerie Dupont', 'marie@boulangerie-dupont.fr', '06 12 34 56 78', '33']) {
    await say(url, conversation, text, user);
  }
  return texts(await say(url, conversation, reason, user));
}

/** Fills a request and confirms it (outside office hours: a callback ticket); returns the confirmation's texts. */
export async function fileRequest(url: string, conversation: string, user = `u-${conversation}`): Promise<string[]> {
  await fillRequest(url, conversation, user);
  return texts(await say(url, conversation, 'Oui, c’est bien ça', user));
}
