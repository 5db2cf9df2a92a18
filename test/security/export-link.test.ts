// Hole 2 (blocker): the « mes données » download was 404 for every real user — restify's router
// refused path parameters over 100 characters, and a real web-chat user's signed link is longer (Teams
// ids even more). Also hole 8: a malformed MAC gave a 500 (timingSafeEqual on different lengths).
import { activity, turn } from '../helpers/emulator.js';
import { startVirage, type Running } from '../helpers/virage.js';
import { exportLinkIn, WebChatUser } from './net.js';

/** Teams user ids look like "29:1" followed by ~80 base64-ish characters. */
const TEAMS_USER = `29:1${'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-'.repeat(3).slice(0, 84)}`;

describe('« mes données » download for real user ids', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  const download = (link: string) => fetch(link.replace(/^https?:\/\/[^/]+/, app.url));

  it('works for a web-chat user of the built-in Direct Line (dl_ id)', async () => {
    const user = await new WebChatUser(app.url).connect();
    expect(user.userId).toMatch(/^dl_/);
    await user.say('bonjour');
    const link = exportLinkIn(await user.say('mes données'));
    const res = await download(link);
    expect(res.status).toBe(200);
    const data = (await res.json()) as { subject: string };
    expect(data.subject).toBe(`directline:${user.userId}`);
  });

  it('works for a Teams-length user id', async () => {
    await turn(app.url, activity({ text: 'bonjour', channelId: 'msteams' }, 'a:teams-conv', TEAMS_USER));
    const link = exportLinkIn(await turn(app.url, activity({ text: 'mes données', channelId: 'msteams' }, 'a:teams-conv', TEAMS_USER)));
    expect(link.length).toBeGreaterThan(200);
    const res = await download(link);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { subject: string }).subject).toBe(`msteams:${TEAMS_USER}`);
  });

  it('answers 403 JSON, never 500, to a malformed or forged link', async () => {
    const user = await new WebChatUser(app.url).connect();
    await user.say('bonjour');
    const link = exportLinkIn(await user.say('mes données'));
    const path = new URL(link).pathname + new URL(link).search;
    const [payload] = decodeURIComponent(path.replace(/^.*\/mes-donnees\/?(\?t=)?/, '')).split('.');
    const forged = [
      `${payload}.${'é'.repeat(43)}`, // 43 characters, 86 bytes
      `${payload}.${'A'.repeat(43)}`,
      `${payload}.`,
      'abc.def',
      'x'.repeat(900),
    ];
    for (const token of forged) {
      for (const url of [`${app.url}/mes-donnees/${encodeURIComponent(token)}`, `${app.url}/mes-donnees?t=${encodeURIComponent(token)}`]) {
        const res = await fetch(url);
        expect({ url, status: res.status }).toEqual({ url, status: 403 });
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Forbidden');
      }
    }
  });
});
