// Pacing (sliding windows), retry with backoff, duplicate filter memory, Teams card/markdown checks.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { SlidingWindowLimiter, TEAMS_CONVERSATION_WINDOWS, type Clock } from '../../src/bot/rate-limit.js';
import { installTeamsDelivery, retryAfterMs, sendWithRetry } from '../../src/bot/teams-delivery.js';
import { ExpiringSet } from '../../src/bot/dedupe.js';
import { adaptiveCardProblems, teamsRenderingProblems } from '../../src/bot/teams-cards.js';
import { proactiveSends } from '../helpers/emulator.js';

function fakeClock(): Clock & { t: number; slept: number[] } {
  const c = {
    t: 0,
    slept: [] as number[],
    now: () => c.t,
    sleep: async (ms: number) => {
      c.slept.push(ms);
      c.t += ms;
    },
  };
  return c;
}
const httpError = (statusCode: number, headers?: Record<string, string>) =>
  Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    response: headers ? { headers: new Map(Object.entries(headers)) } : undefined,
  });

describe('SlidingWindowLimiter with Teams windows', () => {
  it('lets 7 sends through in the first second, then spaces them by the 1 s, 2 s and 30 s windows', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS, clock);
    const times: number[] = [];
    for (let i = 0; i < 61; i++) {
      await limiter.acquire('conv');
      times.push(clock.t);
    }
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(times[7]).toBe(1000); // 8th: the 1 s window
    expect(times[8]).toBe(2000); // 9th: the 8-per-2 s window
    expect(times[60]).toBeGreaterThanOrEqual(30_000); // 61st: the 60-per-30 s window
    for (let i = 0; i < times.length; i++) {
      expect(times.filter((t) => t > times[i] - 1000 && t <= times[i]).length).toBeLessThanOrEqual(7);
      expect(times.filter((t) => t > times[i] - 2000 && t <= times[i]).length).toBeLessThanOrEqual(8);
    }
  });

  it('keeps conversations independent', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter([{ limit: 1, ms: 1000 }], clock);
    await limiter.acquire('a');
    expect(limiter.delayFor('a')).toBe(1000);
    expect(limiter.delayFor('b')).toBe(0);
  });
});

describe('sendWithRetry', () => {
  it('retries 429 with exponential backoff and jitter, then returns the result', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await sendWithRetry(
      async () => {
        if (++calls < 3) throw httpError(429);
        return 'ok';
      },
      { clock, random: () => 1, baseDelayMs: 400 },
    );
    expect(result).toBe('ok');
    expect(clock.slept).toEqual([400, 800]);
  });

  it('honours Retry-After (seconds) when the response has one', async () => {
    const clock = fakeClock();
    let calls = 0;
    await sendWithRetry(
      async () => {
        if (++calls === 1) throw httpError(412, { 'retry-after': '3' });
        return 'ok';
      },
      { clock },
    );
    expect(clock.slept).toEqual([3000]);
    expect(retryAfterMs(httpError(429, { 'retry-after': 'Thu, 01 Jan 2032 00:00:10 GMT' }), Date.parse('2032-01-01T00:00:00Z'))).toBe(
      10_000,
    );
  });

  it('does not retry other errors, and gives up after the attempts or past the deadline', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      sendWithRetry(
        async () => {
          calls++;
          throw httpError(400);
        },
        { clock },
      ),
    ).rejects.toThrow('HTTP 400');
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      sendWithRetry(
        async () => {
          calls++;
          throw httpError(502);
        },
        { clock, maxAttempts: 3 },
      ),
    ).rejects.toThrow('HTTP 502');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      sendWithRetry(
        async () => {
          calls++;
          throw httpError(429, { 'retry-after': '60' });
        },
        { clock },
      ),
    ).rejects.toThrow();
    expect(calls).toBe(1);
  });
});

describe('installTeamsDelivery on a CloudAdapter', () => {
  it('paces a burst of 10 replies in one Teams conversation under 7 per second', async () => {
    const adapter = installTeamsDelivery(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})));
    const burst = Array.from({ length: 10 }, (_, i) => `message ${i}`);
    const { received } = await proactiveSends([adapter], 'a:burst', () => burst);
    const at = received.map((r) => r.at!);
    expect(received.map((r) => r.body.text)).toEqual(burst);
    for (let i = 7; i < at.length; i++) expect(at[i] - at[i - 7]).toBeGreaterThanOrEqual(1000);
    expect(at[8] - at[0]).toBeGreaterThanOrEqual(2000);
  });

  it('leaves other channels unpaced', async () => {
    const adapter = installTeamsDelivery(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})));
    const burst = Array.from({ length: 10 }, (_, i) => `m${i}`);
    const { received } = await proactiveSends([adapter], 'w', () => burst, 'webchat');
    const at = received.map((r) => r.at!);
    expect(received).toHaveLength(10);
    expect(at[9] - at[0]).toBeLessThan(900);
  });
});

describe('ExpiringSet (duplicate filter memory)', () => {
  it('remembers ids for the TTL and never more than maxEntries', () => {
    let t = 0;
    const set = new ExpiringSet(1000, 3, () => t);
    expect(set.add('a')).toBe(true);
    expect(set.add('a')).toBe(false);
    t = 999;
    expect(set.add('a')).toBe(false);
    t = 2000;
    expect(set.add('a')).toBe(true);
    for (const k of ['b', 'c', 'd', 'e']) set.add(k);
    expect(set.size).toBe(3);
    expect(set.add('e')).toBe(false);
    expect(set.add('a')).toBe(true); // the oldest were forgotten
  });
});

describe('Teams rendering checks', () => {
  const card = (version: string, body: unknown[] = []) => ({ type: 'AdaptiveCard', version, body });
  it('accepts Adaptive Cards up to 1.5 and refuses newer ones', () => {
    expect(adaptiveCardProblems(card('1.5'))).toEqual([]);
    expect(adaptiveCardProblems(card('1.0'))).toEqual([]);
    expect(adaptiveCardProblems(card('1.6')).join()).toContain('1.6 > 1.5');
    expect(adaptiveCardProblems({ type: 'AdaptiveCard' }).join()).toContain('version');
  });
  it('flags markdown a TextBlock or a Teams message cannot render', () => {
    const problems = adaptiveCardProblems(
      card('1.5', [
        { type: 'TextBlock', text: '# Titre' },
        { type: 'TextBlock', text: '![logo](x.png)' },
      ]),
    );
    expect(problems).toHaveLength(2);
    expect(teamsRenderingProblems({ text: '| a | b |\n|---|---|\n| 1 | 2 |' }).join()).toContain('tableau');
    expect(teamsRenderingProblems({ text: 'Bonjour, je suis **Virage**.\n\n- un\n- deux' })).toEqual([]);
    expect(
      teamsRenderingProblems({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card('1.6') }] }),
    ).toHaveLength(1);
  });
});
