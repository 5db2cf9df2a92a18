import { activity, startCapture, type Capture } from '../helpers/emulator.js';
import { startVirage, type Running } from '../helpers/virage.js';

describe('/api/messages like the Bot Framework Emulator', () => {
  let app: Running;
  let capture: Capture;
  beforeAll(async () => {
    app = await startVirage();
    capture = await startCapture();
  });
  afterAll(async () => {
    await app.stop();
    await capture.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('welcomes on join and answers through the connector at serviceUrl', async () => {
    const join = activity(
      { type: 'conversationUpdate', serviceUrl: capture.url, membersAdded: [{ id: 'user-1' }, { id: 'bot-1' }] },
      'emu-1',
    );
    expect((await post(join)).status).toBe(200);
    await capture.waitFor(3);
    const replies = capture.received.map((r) => r.body);
    expect(capture.received[0].path).toMatch(/^\/v3\/conversations\/emu-1\/activities/);
    expect(replies[0].text).toMatch(/^Bonjour, je suis \*\*Virage\*\*/);
    expect(replies[1].text).toContain('/confidentialite');
    expect(replies[2].suggestedActions.actions.map((a: any) => a.title)).toEqual([
      'Faire mon diagnostic numérique',
      'Poser une question',
      'Parler à un conseiller',
    ]);
    // Local mode: no token is requested and none is sent to the channel.
    expect(replies.every((r) => r.from?.id === 'bot-1')).toBe(true);
  });

  it('refuses malformed requests with JSON 4xx, never a 500', async () => {
    const cases: Array<[unknown, number]> = [
      ['{pas du json', 400],
      [{}, 400],
      [[], 400],
      [{ type: 'message' }, 400],
      [{ type: 'message', conversation: { id: 'x' } }, 400],
      [{ type: 'message', conversation: { id: 'x' }, serviceUrl: 'javascript:alert(1)' }, 400],
      [{ type: 'message', conversation: { id: 'x' }, serviceUrl: capture.url, text: 42 }, 400],
    ];
    for (const [body, status] of cases) {
      const res = await post(body);
      expect(res.status).toBe(status);
      const json = (await res.json()) as any;
      expect(typeof json.error.message).toBe('string');
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await post(activity({ serviceUrl: capture.url, text: 'x'.repeat(300 * 1024) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('MessageSizeTooBig');
  });

  it('answers /healthz with status, version, uptime and store state', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    const json = (await res.json()) as any;
    expect(json).toMatchObject({ status: 'ok', version: '0.1.0', mode: 'local', checks: { store: true } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('ignores any Authorization header in local mode, as botbuilder does with no app id', async () => {
    const res = await post(activity({ serviceUrl: capture.url, text: 'menu' }, 'emu-2'), { authorization: 'Bearer a.b.c' });
    expect(res.status).toBe(200);
  });
});

describe('/api/messages with an app id', () => {
  it('rejects unauthenticated activities with 401', async () => {
    const app = await startVirage({ MicrosoftAppId: '00000000-1111-2222-3333-444444444444', MicrosoftAppPassword: 'secret' });
    try {
      const res = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity({ serviceUrl: 'http://127.0.0.1:9', text: 'bonjour' })),
      });
      expect(res.status).toBe(401);
    } finally {
      await app.stop();
    }
  });
});
