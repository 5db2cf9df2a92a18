// A stream's sets go out in watermark order even when another instance's set arrives late over the bus.
import { OrderedSets, type ActivitySet } from '../../../src/server/directline/streams.js';

const act = (seq: number) => ({ id: `conv|${String(seq).padStart(7, '0')}`, type: 'message', text: `m${seq}` }) as any;
const set = (...seqs: number[]): ActivitySet => ({ activities: seqs.map(act), watermark: seqs[seqs.length - 1] });
const seqsOf = (sent: ActivitySet[]) => sent.flatMap((s) => s.activities.map((a) => Number(a.id.split('|')[1])));

describe('OrderedSets', () => {
  it('fills a gap from the store, then skips the late set', async () => {
    const sent: ActivitySet[] = [];
    const asked: number[] = [];
    const ordered = new OrderedSets(
      (s) => sent.push(s),
      async (after) => {
        asked.push(after);
        return set(3, 4);
      },
    );
    ordered.start(2);
    ordered.push(set(4)); // stored by this instance after 3, which is still on its way
    ordered.push(set(3)); // the other instance's set, late
    ordered.push(set(5));
    await ordered.idle();
    expect(asked).toEqual([2]);
    expect(seqsOf(sent)).toEqual([3, 4, 5]);
  });

  it('sends contiguous sets as they come, ephemeral ones at once, and nothing already replayed', async () => {
    const sent: ActivitySet[] = [];
    let filled = 0;
    const ordered = new OrderedSets(
      (s) => sent.push(s),
      async () => {
        filled++;
        return undefined;
      },
    );
    ordered.start(3);
    ordered.push(set(2, 3)); // already in the history sent on connect
    ordered.push(set(4));
    ordered.push({ activities: [{ id: 'conv|t-1', type: 'typing' } as any] });
    ordered.push(set(5, 6));
    await ordered.idle();
    expect(filled).toBe(0);
    expect(sent.map((s) => s.watermark)).toEqual([4, undefined, 6]);
  });
});
