// What the human-advisor relay will use: onUserActivity sees user messages, postBotActivity puts an
// advisor's message (and typing) into the user's live stream; turns pile-up is refused with 429.
import { createNodeDirectLine } from '../../../scripts/lib/directline-node.js';
import { collect, postJson, startHarness, type Harness } from './harness.js';

describe('relay API of the Direct Line service', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it('reports user messages and pushes advisor messages and typing to the page', async () => {
    const seen: Array<{ text?: string; conversationId: string; userId: string }> = [];
    const off = h.dl.onUserActivity((a, info) => seen.push({ text: a.text, ...info }));
    const t = h.dl.issueToken();
    const dl = createNodeDirectLine({ domain: h.domain, token: t.token, webSocket: true });
    const { received, waitFor } = collect(dl);
    try {
      await waitFor((all) => all.some((a) => (a as any).text === 'Bonjour !'));
      await new Promise((resolve, reject) =>
        dl.postActivity({ type: 'message', from: { id: t.userId }, text: 'un conseiller ?' } as any).subscribe(resolve, reject),
      );
      await h.dl.idle();
      expect(seen).toEqual([{ text: 'un conseiller ?', conversationId: t.conversationId, userId: t.userId }]);
      await h.dl.postBotActivity(t.conversationId, { type: 'typing', from: { id: 'advisor:claire', name: 'Claire (CCI)' } as any });
      const { id } = await h.dl.postBotActivity(t.conversationId, {
        type: 'message',
        text: 'Bonjour, ici Claire.',
        from: { id: 'advisor:claire', name: 'Claire (CCI)' } as any,
      });
      await waitFor((all) => all.some((a) => a.id === id));
      expect(received.some((a) => a.type === 'typing' && a.from.id === 'advisor:claire')).toBe(true);
      expect(received.find((a) => a.id === id)).toMatchObject({
        text: 'Bonjour, ici Claire.',
        from: { id: 'advisor:claire', name: 'Claire (CCI)', role: 'bot' },
      });
      off();
    } finally {
      dl.end();
    }
  });

  it('refuses messages while 20 bot turns are already waiting (429)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = await startHarness();
    const original = slow.bot.run.bind(slow.bot);
    slow.bot.run = async (context) => {
      if (context.activity.type === 'message') await gate;
      return original(context);
    };
    try {
      const t = slow.dl.issueToken();
      const auth = { Authorization: `Bearer ${t.token}` };
      await postJson(`${slow.domain}/conversations`, {}, auth);
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++)
        statuses.push(
          (await postJson(`${slow.domain}/conversations/${t.conversationId}/activities`, { type: 'message', text: `m${i}` }, auth)).status,
        );
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(19);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      release();
      await slow.stop();
    }
  });
});
