// Hole 8 (Direct Line part): a token that expired 10 days ago still resumed its conversation, and
// any client-chosen `dl_` user id was accepted without proof (so a stranger could take a user's id,
// and with it their data). Only ids proved by a token we signed are accepted; resume is bounded.
import { postJson, startAzureHarness, startHarness, type AzureHarness, type Harness } from '../server/directline/harness.js';

const TOKEN = '/api/directline/token';
const DAY = 86_400_000;

describe('Direct Line user ids and resumption', () => {
  let h: Harness;
  let now = Date.now();
  beforeAll(async () => {
    h = await startHarness({ deps: { clock: () => now } });
  });
  afterAll(() => h.stop());

  const start = async () => {
    const first = (await postJson(`${h.url}${TOKEN}`, {})).json;
    expect((await postJson(`${h.domain}/conversations`, {}, { Authorization: `Bearer ${first.token}` })).status).toBe(201);
    return first as { token: string; conversationId: string; userId: string };
  };

  it('refuses a user id the client did not prove (token route and tokens/generate)', async () => {
    const victim = await start();
    const asToken = await postJson(`${h.url}${TOKEN}`, { userId: victim.userId });
    expect(asToken.status).toBe(403);
    expect(asToken.json.error.code).toBe('Forbidden');
    const asGenerate = await postJson(`${h.domain}/tokens/generate`, { user: { id: victim.userId } });
    expect(asGenerate.status).toBe(403);
    // Someone else's token does not prove the victim's id either.
    const stranger = await start();
    expect((await postJson(`${h.url}${TOKEN}`, { userId: victim.userId, token: stranger.token })).status).toBe(403);
  });

  it('keeps a proved user id: the holder of the token gets the same user in a new conversation', async () => {
    const user = await start();
    const again = await postJson(`${h.url}${TOKEN}`, { userId: user.userId, token: user.token, newConversation: true });
    expect(again.status).toBe(200);
    expect(again.json.userId).toBe(user.userId);
    expect(again.json.conversationId).not.toBe(user.conversationId);
    const generated = await postJson(
      `${h.domain}/tokens/generate`,
      { user: { id: user.userId } },
      { Authorization: `Bearer ${user.token}` },
    );
    expect(generated.status).toBe(200);
  });

  it('resumes with a recently expired token, not with one that expired 10 days ago', async () => {
    const recent = await start();
    now += 2 * 3600 * 1000;
    const resumed = (await postJson(`${h.url}${TOKEN}`, { token: recent.token, userId: recent.userId })).json;
    expect(resumed).toMatchObject({ conversationId: recent.conversationId, userId: recent.userId });

    const old = await start();
    now += 10 * DAY;
    const res = await postJson(`${h.url}${TOKEN}`, { token: old.token, userId: old.userId });
    expect(res.status).toBe(200);
    expect(res.json.conversationId).not.toBe(old.conversationId);
    expect(res.json.userId).not.toBe(old.userId);
  });
});

describe('Azure Direct Line mode (DIRECTLINE_SECRET)', () => {
  // A local stand-in for Azure's tokens/generate records the user ids Virage asks a token for.
  let h: AzureHarness;
  beforeAll(async () => {
    h = await startAzureHarness();
  });
  afterAll(() => h.stop());
  const asked = () => h.asked.map((r) => r.body.user.id);

  it('never asks Azure for a token of a user id the page did not prove', async () => {
    const victim = (await postJson(`${h.url}${TOKEN}`, {})).json as { userId: string; proof: string };
    const stranger = (await postJson(`${h.url}${TOKEN}`, {})).json as { userId: string; proof: string };
    h.asked.length = 0;
    expect((await postJson(`${h.url}${TOKEN}`, { userId: victim.userId })).status).toBe(403);
    expect((await postJson(`${h.url}${TOKEN}`, { userId: victim.userId, proof: stranger.proof })).status).toBe(403);
    expect(asked()).toEqual([]);
    expect((await postJson(`${h.url}${TOKEN}`, { userId: victim.userId, proof: victim.proof })).json.userId).toBe(victim.userId);
    expect(asked()).toEqual([victim.userId]);
  });
});
