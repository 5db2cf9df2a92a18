// Bad input on the Direct Line routes always gets the protocol's JSON error with a 4xx, never a 500.
import WebSocket from 'ws';
import { channelKeyFrom } from '../../../src/server/directline/tokens.js';
import { directLineKey } from '../../../src/server/directline/index.js';
import { postJson, startHarness, type Harness } from './harness.js';

describe('Direct Line error cases', () => {
  let h: Harness;
  let now = Date.now();
  beforeAll(async () => {
    h = await startHarness({ deps: { clock: () => now } });
  });
  afterAll(() => h.stop());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = async (url: string, headers: Record<string, string> = {}) => postJson(url, undefined, headers, 'GET');
  const expectError = (res: { status: number; json: any }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.json).toEqual({ error: { code, message: expect.any(String) } });
  };
  async function started() {
    const t = h.dl.issueToken();
    const res = await postJson(`${h.domain}/conversations`, {}, auth(t.token));
    expect(res.status).toBe(201);
    return { ...t, streamUrl: res.json.streamUrl as string };
  }

  it('starts a conversation once (201), then returns it (200); refresh extends the token', async () => {
    const t = h.dl.issueToken();
    const first = await postJson(`${h.domain}/conversations`, { locale: 'fr-FR' }, auth(t.token));
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ conversationId: t.conversationId, token: t.token, expires_in: 1800 });
    expect(first.json.streamUrl).toMatch(
      new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${t.conversationId}/stream\\?t=`),
    );
    expect((await postJson(`${h.domain}/conversations`, {}, auth(t.token))).status).toBe(200);
    now += 20 * 60 * 1000;
    const refreshed = await postJson(`${h.domain}/tokens/refresh`, undefined, auth(t.token));
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toMatchObject({ conversationId: t.conversationId, expires_in: 1800 });
    now += 20 * 60 * 1000; // the old token has expired, the refreshed one has not
    expectError(await get(`${h.domain}/conversations/${t.conversationId}/activities`, auth(t.token)), 403, 'TokenExpired');
    expect((await get(`${h.domain}/conversations/${t.conversationId}/activities`, auth(refreshed.json.token))).status).toBe(200);
    expectError(await postJson(`${h.domain}/tokens/refresh`, undefined, auth(t.token)), 403, 'TokenExpired');
  });

  it('refuses missing (401), unreadable (401), tampered (403) and other-conversation (403) tokens', async () => {
    const a = await started();
    const b = h.dl.issueToken();
    const url = `${h.domain}/conversations/${a.conversationId}/activities`;
    expectError(await get(url), 401, 'Unauthorized');
    expectError(await get(url, { Authorization: 'Basic Zm9vOmJhcg==' }), 401, 'Unauthorized');
    expectError(await get(url, auth('garbage')), 401, 'Unauthorized');
    const [header, body, mac] = a.token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), uid: 'dl_someone-else' }),
    ).toString('base64url');
    expectError(await get(url, auth(`${header}.${forged}.${mac}`)), 403, 'Forbidden');
    expectError(await get(url, auth(b.token)), 403, 'Forbidden');
    expectError(await postJson(url, { type: 'message', text: 'x' }, auth(b.token)), 403, 'Forbidden');
  });

  it('answers 404 for unknown conversations', async () => {
    const t = h.dl.issueToken(); // never started
    expectError(await get(`${h.domain}/conversations/${t.conversationId}/activities`, auth(t.token)), 404, 'NotFound');
    expectError(
      await postJson(`${h.domain}/conversations/${t.conversationId}/activities`, { type: 'message', text: 'x' }, auth(t.token)),
      404,
      'NotFound',
    );
    expectError(await get(`${h.domain}/conversations/not%20an%20id/activities`, auth(t.token)), 404, 'NotFound');
    await expect(h.dl.postBotActivity(t.conversationId, { type: 'message', text: 'x' })).rejects.toThrow(/NotFound/);
    await expect(h.dl.postBotActivity(t.conversationId, { type: 'typing' })).rejects.toThrow(/NotFound/);
    await expect(h.dl.postBotActivity(t.conversationId, { text: 'no type' } as never)).rejects.toThrow(/NotFound/);
  });

  it('refuses a from.id that is not the token user (403)', async () => {
    const t = await started();
    const res = await postJson(
      `${h.domain}/conversations/${t.conversationId}/activities`,
      { type: 'message', from: { id: 'dl_impostor' }, text: 'x' },
      auth(t.token),
    );
    expectError(res, 403, 'Forbidden');
  });

  it('refuses oversized (413) and malformed (400) activities', async () => {
    const t = await started();
    const url = `${h.domain}/conversations/${t.conversationId}/activities`;
    expectError(await postJson(url, { type: 'message', text: 'x'.repeat(4001) }, auth(t.token)), 413, 'MessageSizeTooBig');
    expectError(await postJson(url, { type: 'message', text: 'x', value: 'y'.repeat(40_000) }, auth(t.token)), 413, 'MessageSizeTooBig');
    expectError(await postJson(url, { type: 'message', text: 'x'.repeat(300 * 1024) }, auth(t.token)), 413, 'MessageSizeTooBig');
    expectError(await postJson(url, '{"type": "message", "text": ', auth(t.token)), 400, 'BadArgument');
    expectError(await postJson(url, { text: 'no type' }, auth(t.token)), 400, 'BadArgument');
    expectError(await postJson(url, { type: 'conversationUpdate' }, auth(t.token)), 400, 'BadArgument');
    expectError(await postJson(url, [1, 2], auth(t.token)), 400, 'BadArgument');
    expectError(await postJson(url, { type: 'message', text: 42 }, auth(t.token)), 400, 'BadArgument');
    expectError(await postJson(url, { type: 'message', from: 'me' }, auth(t.token)), 400, 'BadArgument');
    expectError(await get(`${url}?watermark=abc`, auth(t.token)), 400, 'BadArgument');
    expectError(await postJson(`${h.domain}/tokens/generate`, { user: { id: 'not-dl' } }), 400, 'BadArgument');
    // Nothing of that reached the transcript.
    const poll = await get(url, auth(t.token));
    expect(poll.json.activities.filter((a: any) => a.from.role === 'user')).toEqual([]);
  });

  it('refuses WebSocket streams with a bad token or an unknown conversation', async () => {
    const t = await started();
    const status = (url: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => undefined);
      });
    expect(await status(t.streamUrl)).toBe(101);
    expect(await status(t.streamUrl.replace(/t=[^&]+/, 't=garbage'))).toBe(403);
    expect(await status(t.streamUrl.replace(/\?t=.*/, `?t=${encodeURIComponent(t.token)}`))).toBe(403); // a conversation token is not a stream token
    const other = h.dl.issueToken();
    expect(await status(t.streamUrl.replace(t.conversationId, other.conversationId))).toBe(403);
  });

  it('protects the bot-side connector routes with the secret channel key', async () => {
    const t = await started();
    const good = h.dl.serviceUrl();
    const key = channelKeyFrom(directLineKey(h.config));
    expect(good).toContain(key);
    const path = `/v3/conversations/${t.conversationId}/activities`;
    expectError(await postJson(`${h.url}/directline-channel/wrong-key${path}`, { type: 'message', text: 'injected' }), 404, 'NotFound');
    expectError(await get(`${good}/v3/conversations/${t.conversationId}/members`), 400, 'NotSupported');
    expectError(
      await postJson(`${good}/v3/conversations/unknown-conversation-id/activities`, { type: 'message', text: 'x' }),
      404,
      'NotFound',
    );
    const sent = await postJson(`${good}${path}`, { type: 'message', text: 'légitime', from: { id: 'virage', role: 'bot' } });
    expect(sent.status).toBe(200);
    const updated = await postJson(`${good}${path}/${encodeURIComponent(sent.json.id)}`, { type: 'message', text: 'modifié' }, {}, 'PUT');
    expect(updated.status).toBe(200);
    const poll = await get(`${h.domain}/conversations/${t.conversationId}/activities`, auth(t.token));
    expect(poll.json.activities.find((a: any) => a.id === sent.json.id).text).toBe('modifié');
    expect((await postJson(`${good}${path}/${encodeURIComponent(sent.json.id)}`, undefined, {}, 'DELETE')).status).toBe(200);
    const after = await get(`${h.domain}/conversations/${t.conversationId}/activities`, auth(t.token));
    expect(after.json.activities.find((a: any) => a.id === sent.json.id)).toBeUndefined();
  });
});
