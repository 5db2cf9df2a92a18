// Small live state that several instances must share besides streams and queues (issue 12, item 3): the
// erasure confirmation a polling web chat fetches after its conversation was erased (its next poll may
// reach another instance), and the queue position last told to a waiting user (queue moves are announced
// by whichever instance moved the queue).
import { randomBytes } from 'node:crypto';
import type { Cluster } from '../../src/cluster/index.js';
import { MemoryQueuePositions, SharedQueuePositions } from '../../src/bot/queue-positions.js';
import { DirectLineCore } from '../../src/server/directline/core.js';
import type { TranscriptEntry } from '../../src/server/directline/transcripts.js';
import { silentLogger } from '../../src/log.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { twoClusters } from '../helpers/redis.js';

const two = twoClusters('état partagé du Direct Line (test/cluster/shared-live-state.test.ts)');

const key = randomBytes(32);
const core = (cluster?: Cluster) =>
  new DirectLineCore({
    store: new MemoryStore(),
    logger: silentLogger,
    runBot: async () => undefined,
    key,
    clock: Date.now,
    serviceUrl: () => 'http://127.0.0.1:1',
    ...(cluster ? { cluster } : {}),
  });

const confirmation: TranscriptEntry = {
  seq: 7,
  size: 80,
  activity: {
    type: 'message',
    id: 'conv-erased|0000007',
    timestamp: '2026-12-01T10:00:00.000Z',
    from: { id: 'virage', role: 'bot' },
    text: 'Vos données ont été effacées.',
  } as never,
};

describe('erasure confirmation for polling clients', () => {
  it('is given by the other instance too (Redis), once past the client’s watermark', async () => {
    if (!two.on) return;
    const [one, other] = [core(two.a), core(two.b)];
    one.ended('conv-erased', confirmation);
    await new Promise((r) => setTimeout(r, 50)); // shared without waiting for Redis
    expect(await other.farewell('conv-erased', 3)).toEqual({ activities: [confirmation.activity], watermark: 7 });
    expect(await other.farewell('conv-erased', 7)).toEqual({ activities: [], watermark: 7 });
    expect(await other.farewell('conv-other', 0)).toBeUndefined();
  });

  it('without Redis stays in this instance’s memory (one instance, as before)', async () => {
    const [one, other] = [core(), core()];
    one.ended('conv-alone', confirmation);
    expect(await one.farewell('conv-alone', 0)).toEqual({ activities: [confirmation.activity], watermark: 7 });
    expect(await other.farewell('conv-alone', 0)).toBeUndefined();
  });
});

describe('queue position told to a waiting user', () => {
  it('an improvement is announced whichever instance told the previous position (Redis)', async () => {
    if (!two.on) return;
    const [one, other] = [new SharedQueuePositions(two.a.keys), new SharedQueuePositions(two.b.keys)];
    expect(await one.moved('req-1', 3)).toBe(false); // first position: told by the queue message itself
    expect(await other.moved('req-1', 2)).toBe(true);
    expect(await one.moved('req-1', 2)).toBe(false);
    expect(await one.moved('req-1', 3)).toBe(false); // worse: not announced
    await other.forget('req-1');
    expect(await one.moved('req-1', 1)).toBe(false);
  });

  it('without Redis each instance remembers only what it told', async () => {
    const [one, other] = [new MemoryQueuePositions(), new MemoryQueuePositions()];
    expect(await one.moved('req-2', 3)).toBe(false);
    expect(await other.moved('req-2', 2)).toBe(false);
    expect(await one.moved('req-2', 2)).toBe(true);
  });
});
