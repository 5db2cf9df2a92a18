// Hole 8 (knowledge part): /api/kb/search had no rate limit and logged every weak API search into the
// curators' log (~170 KB/s written under a flood). Now limited per client, and the log is capped.
import { startVirage, type Running } from '../helpers/virage.js';

describe('/api/kb/search under a flood', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  it('answers 429 JSON with Retry-After past the per-client limit, and caps the curation log', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 200; i++) {
      const res = await fetch(`${app.url}/api/kb/search?q=${encodeURIComponent(`zorglub quantique ${i}`)}`);
      statuses.push(res.status);
      if (res.status === 429 && !limited) limited = res;
      else await res.arrayBuffer();
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited!.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    const logged = await app.virage.store.collection('kb-curation').find(() => true);
    expect(logged.length).toBeLessThanOrEqual(20);
  });
});
