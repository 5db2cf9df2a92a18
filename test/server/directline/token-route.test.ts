// /api/directline/token (self-hosted and Azure modes, CORS, resume, rate limit) and the transcripts'
// privacy source (export, erase, purge).
import { subjectId } from '../../../src/privacy/registry.js';
import { postJson, startAzureHarness, startHarness, type AzureHarness, type Harness } from './harness.js';

const TOKEN = '/api/directline/token';

describe('/api/directline/token, self-hosted', () => {
  let h: Harness;
  let now = Date.now();
  beforeAll(async () => {
    h = await startHarness({
      env: { ALLOWED_ORIGINS: 'https://www.cci-exemple.fr' },
      deps: { clock: () => now, tokenRateLimit: { points: 12, durationSeconds: 2 } },
    });
  });
  afterAll(() => h.stop());

  it('gives a token, a dl_ user id and where to connect; keeps a user id only with its token as proof', async () => {
    const res = await postJson(`${h.url}${TOKEN}`, {});
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      token: expect.any(String),
      conversationId: expect.any(String),
      userId: expect.stringMatching(/^dl_/),
      expires_in: 1800,
      domain: h.domain,
      mode: 'self-hosted',
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await postJson(`${h.url}${TOKEN}`, { userId: 'dl_page-user' })).status).toBe(403);
    const proved = await postJson(`${h.url}${TOKEN}`, { userId: res.json.userId, token: res.json.token });
    expect(proved.json.userId).toBe(res.json.userId);
    expect((await postJson(`${h.url}${TOKEN}`, { userId: 'admin' })).status).toBe(400);
  });

  it('applies CORS: same origin and ALLOWED_ORIGINS only, others get 403 JSON', async () => {
    const ok = await postJson(`${h.url}${TOKEN}`, {}, { Origin: 'https://www.cci-exemple.fr' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://www.cci-exemple.fr');
    expect((await postJson(`${h.url}${TOKEN}`, {}, { Origin: h.url })).status).toBe(200);
    const denied = await postJson(`${h.url}${TOKEN}`, {}, { Origin: 'https://evil.example' });
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('Forbidden');
    const preflight = await fetch(`${h.url}${TOKEN}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://www.cci-exemple.fr', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
  });

  it('lets the holder of an expired token resume the same conversation, not someone else', async () => {
    const first = (await postJson(`${h.url}${TOKEN}`, {})).json;
    expect((await postJson(`${h.domain}/conversations`, {}, { Authorization: `Bearer ${first.token}` })).status).toBe(201);
    now += 2 * 3600 * 1000;
    expect((await postJson(`${h.domain}/conversations`, {}, { Authorization: `Bearer ${first.token}` })).status).toBe(403);
    const again = (await postJson(`${h.url}${TOKEN}`, { token: first.token, userId: first.userId })).json;
    expect(again).toMatchObject({ conversationId: first.conversationId, userId: first.userId });
    expect((await postJson(`${h.domain}/conversations`, {}, { Authorization: `Bearer ${again.token}` })).status).toBe(200);
    expect((await postJson(`${h.url}${TOKEN}`, { token: first.token, userId: 'dl_other' })).status).toBe(403);
    expect((await postJson(`${h.url}${TOKEN}`, { token: 'forged.token' })).status).toBe(403);
  });

  it('rate-limits token generation per IP (429 JSON with Retry-After)', async () => {
    let last: Awaited<ReturnType<typeof postJson>> | undefined;
    for (let i = 0; i < 15 && last?.status !== 429; i++) last = await postJson(`${h.domain}/tokens/generate`, {});
    expect(last!.status).toBe(429);
    expect(last!.json.error.code).toBe('TooManyRequests');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await postJson(`${h.url}${TOKEN}`, {})).status).toBe(200);
  });
});

describe('/api/directline/token, Azure Bot Service mode', () => {
  let h: AzureHarness;
  beforeAll(async () => {
    h = await startAzureHarness();
  });
  afterAll(() => h.stop());

  it('exchanges the secret server-side; the page only gets the Azure token', async () => {
    const res = await postJson(`${h.url}${TOKEN}`, {});
    expect(res.status).toBe(200);
    const userId = res.json.userId as string;
    expect(res.json).toMatchObject({
      token: 'azure-token',
      conversationId: 'azure-conv',
      userId: expect.stringMatching(/^dl_/),
      domain: expect.stringMatching(/\/v3\/directline$/),
      mode: 'azure',
      proof: expect.any(String),
    });
    expect(JSON.stringify(res.json)).not.toContain('the-azure-secret');
    expect(h.asked).toEqual([{ url: '/v3/directline/tokens/generate', auth: 'Bearer the-azure-secret', body: { user: { id: userId } } }]);
    // The same user again, proved by the proof; a claimed id without it is refused.
    const again = await postJson(`${h.url}${TOKEN}`, { userId, proof: res.json.proof });
    expect(again.json.userId).toBe(userId);
    expect(h.asked.at(-1)!.body).toEqual({ user: { id: userId } });
    expect((await postJson(`${h.url}${TOKEN}`, { userId: 'dl_azure-victim' })).status).toBe(403);
    expect((await postJson(`${h.url}${TOKEN}`, { userId: 'dl_azure-victim', proof: res.json.proof })).status).toBe(403);
  });
});

describe('transcripts and the privacy registry', () => {
  let h: Harness;
  let now = Date.now();
  beforeAll(async () => {
    h = await startHarness({ deps: { clock: () => now } });
  });
  afterAll(() => h.stop());

  it('exports, erases and purges a subject’s transcripts', async () => {
    const t = h.dl.issueToken('dl_privacy-user');
    const auth = { Authorization: `Bearer ${t.token}` };
    await postJson(`${h.domain}/conversations`, {}, auth);
    await postJson(`${h.domain}/conversations/${t.conversationId}/activities`, { type: 'message', text: 'mon entreprise' }, auth);
    await h.dl.idle();
    const subject = subjectId('directline', 'dl_privacy-user');
    const exported = await h.privacy.exportFor(subject);
    const transcripts = exported.sources.find((s) => s.name === 'transcripts')!.data as any[];
    expect(transcripts).toHaveLength(1);
    expect(transcripts[0].activities.map((a: any) => a.text)).toEqual(['Bonjour !', 'mon entreprise', 'Écho : mon entreprise']);
    expect((await h.privacy.exportFor(subjectId('directline', 'dl_nobody'))).sources.find((s) => s.name === 'transcripts')!.data).toEqual(
      [],
    );

    expect((await h.privacy.eraseFor(subject)).erased.transcripts).toBe(1);
    // Gone: only the bot's last message is still given to a polling client for a minute (from memory).
    const polled = await postJson(`${h.domain}/conversations/${t.conversationId}/activities`, undefined, auth, 'GET');
    expect(polled.status).toBe(200);
    expect(polled.json.activities.map((a: any) => a.text)).toEqual(['Écho : mon entreprise']);
    expect(
      (await postJson(`${h.domain}/conversations/${t.conversationId}/activities`, { type: 'message', text: 'encore' }, auth)).status,
    ).toBe(404);

    const old = h.dl.issueToken();
    await postJson(`${h.domain}/conversations`, {}, { Authorization: `Bearer ${old.token}` });
    await h.dl.idle();
    expect((await h.privacy.purge(new Date(now + 29 * 86_400_000))).transcripts).toBe(0);
    expect((await h.privacy.purge(new Date(now + 31 * 86_400_000))).transcripts).toBe(1);
  });
});
