// Advisor presence on its two stores: in memory (one instance), and shared through Redis by two
// instances (two clusters on the same Redis and prefix). Same contract: an advisor seen by one instance
// is disponible for the other, changes are told to both, absence comes with the injected clock.
import { openCluster, type Cluster } from '../../src/cluster/index.js';
import { silentLogger } from '../../src/log.js';
import { AdvisorPresence, MemoryPresenceStore, type PresenceStore } from '../../src/handoff/presence.js';
import { SharedPresenceStore } from '../../src/handoff/presence-shared.js';
import { dropPrefix, redisAvailable, testPrefix, TEST_REDIS_URL } from '../helpers/redis.js';
import { claire, MONDAY_10H_WINTER, movableClock, testDirectory } from './helpers.js';

const GIRONDE = 'cci-exemple-gironde';
const ABSENT_MS = 60_000;

async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Runs the contract on two AdvisorPresence (two instances) over the stores given. */
function contract(name: string, stores: () => Promise<[PresenceStore, PresenceStore] | undefined>) {
  it(`${name}: seen by one instance, disponible for the other; told to both; absent after the timeout`, async () => {
    const pair = await stores();
    if (!pair) return; // service unavailable: skipped with one line
    const directory = await testDirectory(true);
    const clock = movableClock(MONDAY_10H_WINTER);
    const busy = new Set<string>();
    const make = (store: PresenceStore) =>
      new AdvisorPresence({
        store,
        directory: () => directory,
        clock: clock.now,
        absentAfterMs: ABSENT_MS,
        inLiveExchange: async () => busy,
      });
    const [one, two] = pair.map(make) as [AdvisorPresence, AdvisorPresence];
    const told: string[] = [];
    one.onChange((cci) => told.push(`one:${cci}`));
    two.onChange((cci) => told.push(`two:${cci}`));
    const state = async (p: AdvisorPresence) => Object.fromEntries((await p.list(GIRONDE)).map((v) => [v.login, v.state]));

    expect(await state(two)).toEqual({ 'claire.martin': 'absent', 'thomas.petit': 'absent' });
    await expect(one.choose(claire, 'disponible')).rejects.toMatchObject({ code: 'Conflict' }); // no live console
    await one.connected(claire);
    expect(await state(two)).toMatchObject({ 'claire.martin': 'occupe' });
    await one.choose(claire, 'disponible');
    expect(await two.available(GIRONDE)).toBe(1);
    expect(two.availableNow(GIRONDE)).toBe(1);
    await until(() => told.includes('one:cci-exemple-gironde') && told.includes('two:cci-exemple-gironde'));

    busy.add('claire.martin'); // in a live exchange: occupé whatever the choice
    expect(await state(two)).toMatchObject({ 'claire.martin': 'occupe' });
    busy.clear();

    clock.advance(ABSENT_MS - 1000);
    await two.alive(claire); // a pong reached the other instance: still there
    clock.advance(ABSENT_MS - 1000);
    expect(await state(one)).toMatchObject({ 'claire.martin': 'disponible' });
    await one.sweep(); // baseline
    told.length = 0;
    clock.advance(2000);
    await one.sweep();
    expect(await state(two)).toMatchObject({ 'claire.martin': 'absent' });
    await until(() => told.includes('two:cci-exemple-gironde'));
    expect(await two.available(GIRONDE)).toBe(0);

    await two.connected(claire); // back: occupé until she says otherwise
    expect(await state(one)).toMatchObject({ 'claire.martin': 'occupe' });
    await one.leave(claire); // logout: absent at once
    expect(await state(two)).toMatchObject({ 'claire.martin': 'absent' });
    await two.alive(claire); // a late pong after logout does not bring her back
    expect(await state(one)).toMatchObject({ 'claire.martin': 'absent' });
  });
}

describe('advisor presence', () => {
  const memory = new MemoryPresenceStore();
  contract('in memory', async () => [memory, memory]);

  const prefix = testPrefix();
  const clusters: Cluster[] = [];
  const shared: SharedPresenceStore[] = [];
  afterAll(async () => {
    for (const s of shared) s.close();
    for (const c of clusters) await c.close();
    if (clusters.length) await dropPrefix(prefix);
  });
  contract('shared through Redis by two instances', async () => {
    if (!(await redisAvailable('présence partagée Redis (test/handoff/presence-store.test.ts)'))) return undefined;
    for (let i = 0; i < 2; i++) {
      const c = await openCluster({ url: TEST_REDIS_URL, prefix, logger: silentLogger });
      clusters.push(c);
      shared.push(await SharedPresenceStore.open(c.keys, c.bus));
    }
    return [shared[0]!, shared[1]!];
  });
});
