// Load figure of issue 11: 200 concurrent web-chat users, each behind the reverse proxy with their own
// address (TRUST_PROXY), through the built-in Direct Line: token, conversation, a message, the bot's
// reply. Every one must succeed: no 429 (limits are per visitor), no 5xx, no lost reply. Bounded in time.
import { startVirage, type Running } from '../helpers/virage.js';
import { WebChatUser } from './net.js';

const USERS = 200;

describe(`${USERS} concurrent users`, () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage({ TRUST_PROXY: 'loopback' });
  });
  afterAll(() => app.stop());

  it('all get their answer: 0 errors', async () => {
    const t0 = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: USERS }, async (_, i) => {
        try {
          const user = await new WebChatUser(
            app.url,
            { 'X-Forwarded-For': `198.51.${100 + Math.floor(i / 250)}.${(i % 250) + 1}` },
            300,
          ).connect();
          const replies = await user.say('bonjour', 60_000);
          return replies.length > 0 ? 'ok' : 'no reply';
        } catch (err) {
          return String((err as Error).message).slice(0, 80);
        }
      }),
    );
    const errors = outcomes.filter((o) => o !== 'ok');
    console.log(`load: ${USERS} users, ${errors.length} errors, ${Date.now() - t0} ms`);
    expect(errors).toEqual([]);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
