// Hole 1 (blocker): an `Upgrade: websocket` request to a path nobody serves was never answered nor
// closed, and its socket outlived the client: a few hundred of them exhausted the file descriptors
// (EMFILE: /healthz 503, every chat message 500). Real sockets, the real server, /proc/self/fd.
import { startVirage, type Running } from '../helpers/virage.js';
import { eventually, fdCount, rawRequest, upgradeRequest } from './net.js';

const ROUNDS = 300;
const BATCH = 50;

describe('WebSocket upgrades: one dispatcher owns every socket', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  it('answers 404 and closes an upgrade to an unknown path, quickly', async () => {
    const reply = await rawRequest(app.port, upgradeRequest('/nowhere'), 3000);
    expect(reply.status).toBe(404);
    expect(reply.text).toMatch(/"code":"NotFound"/);
    expect(reply.closedByServer).toBe(true);
  });

  it(`leaves no file descriptor behind after ${ROUNDS} hostile upgrades (unknown, stream and console paths)`, async () => {
    await rawRequest(app.port, upgradeRequest('/warm-up'), 500);
    const before = fdCount();
    const paths = [
      (i: number) => `/unknown/${i}`,
      (i: number) => `/v3/directline/conversations/${'c'.repeat(20)}${i}/stream?t=forged`,
      () => '/conseiller/ws',
      (i: number) => `/api/messages?${i}`,
    ];
    const statuses = new Map<number, number>();
    let closed = 0;
    for (let start = 0; start < ROUNDS; start += BATCH) {
      const replies = await Promise.all(
        Array.from({ length: BATCH }, (_, k) => rawRequest(app.port, upgradeRequest(paths[(start + k) % paths.length]!(start + k)), 3000)),
      );
      for (const r of replies) {
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.closedByServer) closed++;
      }
    }
    // Every upgrade got an answer (4xx) and the server closed it.
    expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
    expect(closed).toBe(ROUNDS);
    // And the process is back to the descriptors it had before.
    const settled = await eventually(() => fdCount() <= before + 5, 5000);
    expect({ before, after: fdCount(), settled }).toEqual({ before, after: expect.any(Number), settled: true });
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
