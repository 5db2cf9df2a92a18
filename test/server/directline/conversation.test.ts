// Microsoft's own Direct Line client (botframework-directlinejs) against the self-hosted endpoint, in
// polling and WebSocket mode, then a reconnect with a watermark after a server restart on the same
// DATA_DIR (real file store).
import { createNodeDirectLine, type DirectLine } from '../../../scripts/lib/directline-node.js';
import { collect, postJson, startHarness, tempDir, texts, type Harness } from './harness.js';

function post(dl: DirectLine, activity: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => dl.postActivity(activity as any).subscribe(resolve, reject));
}

async function token(h: Harness, userId?: string) {
  const res = await postJson(`${h.url}/api/directline/token`, userId ? { userId } : {});
  expect(res.status).toBe(200);
  return res.json as { token: string; conversationId: string; userId: string; domain: string };
}

describe.each([
  ['polling', false],
  ['WebSocket', true],
])('botframework-directlinejs in %s mode', (_mode, webSocket) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it('gets the welcome, sends a message, sees its own echo and the bot reply', async () => {
    const t = await token(h);
    expect(t.domain).toBe(h.domain);
    expect(t.userId).toMatch(/^dl_/);
    const dl = createNodeDirectLine({ domain: t.domain, token: t.token, webSocket, pollingInterval: 200 });
    expect((dl as unknown as { webSocket: boolean }).webSocket).toBe(webSocket);
    const { received, waitFor } = collect(dl);
    try {
      await waitFor((all) => texts(all, 'bot').includes('Bonjour !'));
      const id = await post(dl, {
        type: 'message',
        from: { id: t.userId, name: 'Dirigeante' },
        text: 'bonjour Virage',
        channelData: { clientActivityID: 'client-1' },
      });
      expect(id).toMatch(new RegExp(`^${t.conversationId}\\|\\d{7}$`));
      await waitFor((all) => texts(all, 'bot').includes('Écho : bonjour Virage'));
      const echo = received.find((a) => a.id === id)!;
      expect(echo).toMatchObject({
        type: 'message',
        text: 'bonjour Virage',
        from: { id: t.userId, role: 'user' },
        channelData: { clientActivityID: 'client-1' },
      });
      const reply = received.find((a) => (a as any).text === 'Écho : bonjour Virage')!;
      expect(reply).toMatchObject({ from: { role: 'bot' }, replyToId: id, conversation: { id: t.conversationId } });
      expect((reply as any).suggestedActions.actions.map((x: any) => x.title)).toEqual(['Oui', 'Non']);
      expect(reply.id).toMatch(/\|\d{7}$/);
      expect(typeof reply.timestamp).toBe('string');
      expect(JSON.stringify(received)).not.toContain('directline-channel'); // the serviceUrl never leaks
      expect(h.bot.seen).toContain(`directline:${t.userId}:bonjour Virage`);
    } finally {
      dl.end();
    }
  });
});

describe('reconnect with a watermark after a server restart (same DATA_DIR)', () => {
  const dataDir = tempDir();
  let h: Harness;
  afterAll(() => h?.stop());

  it('gets the history back and keeps talking, without a second welcome', async () => {
    h = await startHarness({ dataDir });
    const t = await token(h);
    const first = createNodeDirectLine({ domain: t.domain, token: t.token, webSocket: true });
    const one = collect(first);
    await one.waitFor((all) => texts(all, 'bot').includes('Bonjour !'));
    await post(first, { type: 'message', from: { id: t.userId }, text: 'premier message' });
    await one.waitFor((all) => texts(all, 'bot').includes('Écho : premier message'));
    const watermark = (first as unknown as { watermark: string }).watermark;
    expect(watermark).toMatch(/^\d+$/);
    first.end();
    await h.stop();

    // A new process on the same directory: new server, new store.
    h = await startHarness({ dataDir });
    const full = createNodeDirectLine({
      domain: t.domain.replace(/:\d+\//, `:${new URL(h.url).port}/`),
      token: t.token,
      conversationId: t.conversationId,
      webSocket: false,
      pollingInterval: 200,
    });
    const history = collect(full);
    await history.waitFor((all) => texts(all, 'bot').includes('Écho : premier message'));
    expect(texts(history.received, 'user')).toEqual(['premier message']);
    full.end();

    const resumed = createNodeDirectLine({
      domain: h.domain,
      token: t.token,
      conversationId: t.conversationId,
      watermark,
      webSocket: true,
    });
    const two = collect(resumed);
    try {
      await post(resumed, { type: 'message', from: { id: t.userId }, text: 'second message' });
      await two.waitFor((all) => texts(all, 'bot').includes('Écho : second message'));
      // Only what came after the watermark: not the first exchange again, and no second welcome.
      expect(texts(two.received, 'bot')).toEqual(['Écho : second message']);
      const poll = await fetch(`${h.domain}/conversations/${t.conversationId}/activities`, {
        headers: { Authorization: `Bearer ${t.token}` },
      });
      const all = (await poll.json()) as { activities: any[]; watermark: string };
      expect(all.activities.filter((a) => a.type === 'message').map((a) => a.text)).toEqual([
        'Bonjour !',
        'premier message',
        'Écho : premier message',
        'second message',
        'Écho : second message',
      ]);
      expect(Number(all.watermark)).toBeGreaterThan(Number(watermark));
    } finally {
      resumed.end();
    }
  });
});
