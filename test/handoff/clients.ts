// The two clients of a handoff, on a real server over real sockets: a dirigeant through Microsoft's
// Direct Line client (WebSocket), and an advisor's console (session cookie, JSON API, /conseiller/ws).
import { once } from 'node:events';
import WebSocket from 'ws';
import { createNodeDirectLine, type DirectLine } from '../../scripts/lib/directline-node.js';
import { collect, texts } from '../server/directline/harness.js';
import type { App } from '../dialogs/handoff/helpers.js';
import { call, login, type Session } from './harness.js';
import { PASSWORD } from './helpers.js';

/** The contact form of a new user in Gironde (33), after « Parler à un conseiller ». */
export const FORM = [
  'oui',
  'Marie Dupont',
  'Boulangerie Dupont',
  'marie@boulangerie-dupont.fr',
  '06 12 34 56 78',
  '33',
  'Vendre mes pains en ligne',
];

export async function until<T>(probe: () => Promise<T | undefined | false>, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A web user on the self-hosted Direct Line, through botframework-directlinejs over WebSocket. */
export function webUser(app: Pick<App, 'url' | 'virage'>) {
  const t = app.virage.directLine.issueToken();
  const dl: DirectLine = createNodeDirectLine({ domain: `${app.url}/v3/directline`, token: t.token, webSocket: true });
  const c = collect(dl);
  const botTexts = () => texts(c.received, 'bot');
  const post = (text: string) =>
    new Promise((resolve, reject) => dl.postActivity({ type: 'message', from: { id: t.userId }, text } as any).subscribe(resolve, reject));
  /** Posts and waits for a new bot message matching `expected`; returns the new bot messages. */
  const say = async (text: string, expected: RegExp = /./): Promise<string[]> => {
    const before = botTexts().length;
    await post(text);
    await c.waitFor(() =>
      botTexts()
        .slice(before)
        .some((x) => expected.test(x)),
    );
    return botTexts().slice(before);
  };
  /** From the menu to the summary of a request; returns the summary. */
  const ask = async (form = FORM, start = 'Parler à un conseiller'): Promise<string> => {
    await c.waitFor(() => botTexts().some((x) => /Que souhaitez-vous faire/.test(x)));
    await say(start, /Êtes-vous d’accord/);
    let last: string[] = [];
    for (const text of form) last = await say(text);
    return last.join('\n');
  };
  /** The whole request up to the answer after « Oui, c’est bien ça »; returns that answer. */
  const fill = async (form = FORM, start?: string): Promise<string> => {
    await ask(form, start);
    return (await say('Oui, c’est bien ça', /Votre demande VIR-/)).join('\n');
  };
  return { t, dl, ...c, botTexts, post, say, ask, fill };
}

/** An advisor's console: logged in, its live socket open, presence set through the JSON API. */
export async function consoleClient(url: string, who: string) {
  const session: Session = await login(url, who, PASSWORD);
  const messages: any[] = [];
  let ws: WebSocket | undefined;
  /** Opens a socket (the console page); resolves once the server counts it (its « hello »). */
  const connect = async () => {
    const hellos = messages.filter((m) => m.type === 'hello').length;
    ws = new WebSocket(`${url.replace('http', 'ws')}/conseiller/ws`, { headers: { Cookie: session.cookie } });
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    await once(ws, 'open');
    await until(async () => messages.filter((m) => m.type === 'hello').length > hellos);
  };
  await connect();
  return {
    session,
    messages,
    connect,
    /** « disponible » or « occupe »: the answer of POST /api/conseiller/presence. */
    setPresence: (statut: string) => call(url, 'POST', '/api/conseiller/presence', session, { statut }),
    /** The advisors of the CCI with their state, as the console shows them. */
    presence: async (): Promise<Record<string, string>> => {
      const res = await call(url, 'GET', '/api/conseiller/presence', session);
      if (res.status !== 200) throw new Error(`presence: ${res.status} ${res.text}`);
      return Object.fromEntries(res.json.advisors.map((a: any) => [a.login, a.state]));
    },
    waiting: async (): Promise<string[]> =>
      (await call(url, 'GET', '/api/conseiller/requests', session)).json.waiting.map((r: any) => r.id),
    api: (method: 'GET' | 'POST', route: string, body?: unknown) => call(url, method, route, session, body),
    /** Closes the console's socket (the page is closed, the network is gone). */
    async closeSocket() {
      const s = ws!;
      if (s.readyState === s.CLOSED) return;
      s.close();
      await once(s, 'close');
    },
  };
}
export type ConsoleClient = Awaited<ReturnType<typeof consoleClient>>;
