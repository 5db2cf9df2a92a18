// Links shown in the chat when PUBLIC_URL is empty: built from the address the person's page reached us at
// (so they work from another device and stay same-origin for the page's CSP), never from what a client
// claims in channelData.
import { postJson } from '../server/directline/harness.js';
import { startVirage, type Running } from '../helpers/virage.js';
import { exportLinkIn, WebChatUser } from './net.js';

let app: Running;
beforeAll(async () => {
  app = await startVirage();
});
afterAll(() => app.stop());

it.each(['127.0.0.1', 'localhost'])('links point to the host the page used (%s)', async (host) => {
  const base = `http://${host}:${app.port}`;
  const user = await new WebChatUser(base).connect();
  await user.say('bonjour');
  const link = exportLinkIn(await user.say('mes données'));
  expect(link.startsWith(`${base}/mes-donnees/`)).toBe(true);
});

it('ignores an origin forged by the client in channelData', async () => {
  const user = await new WebChatUser(app.url).connect();
  await user.say('bonjour');
  const url = `${app.url}/v3/directline/conversations/${user.conversationId}/activities`;
  const auth = { Authorization: `Bearer ${user.token}` };
  const sent = await postJson(
    url,
    { type: 'message', from: { id: user.userId }, text: 'mes données', channelData: { virageOrigin: 'https://pirate.example' } },
    auth,
  );
  expect(sent.status).toBe(200);
  let text = '';
  for (let i = 0; i < 100 && !text.includes('/mes-donnees/'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    const set = (await (await fetch(url, { headers: auth })).json()) as {
      activities: { replyToId?: string; text?: string; attachments?: unknown[] }[];
    };
    text = JSON.stringify(set.activities.filter((a) => a.replyToId === (sent.json as { id: string }).id));
  }
  expect(text).toContain(`${app.url}/mes-donnees/`);
  expect(text).not.toContain('pirate.example');
});
