// The live relay with real clients: a web user through Microsoft's Direct Line client (WebSocket) and
// an advisor through the console's HTTP API; a Bot Framework channel through the Emulator-style capture
// connector (proactive messages by continueConversation); the queue with two users; the timeout into a
// callback; a server restart during a waiting handoff.
import { activity, startCapture, type Capture } from '../helpers/emulator.js';
import { MONDAY_10H, PASSWORD, startApp, type App } from '../dialogs/handoff/helpers.js';
import { tempDataDir } from '../helpers/virage.js';
import { call, login, type Session } from './harness.js';
import { consoleClient, FORM, until, webUser, type ConsoleClient } from './clients.js';

/** Claire's console open and « disponible »: live is offered only then. */
async function claireAvailable(app: App): Promise<ConsoleClient> {
  const claire = await consoleClient(app.url, 'claire.martin');
  expect((await claire.setPresence('disponible')).status).toBe(200);
  return claire;
}

async function waitingId(url: string, session: Session, n = 1): Promise<string[]> {
  return until(async () => {
    const { json } = await call(url, 'GET', '/api/conseiller/requests', session);
    return json.waiting.length >= n ? json.waiting.map((r: any) => r.id) : undefined;
  });
}

describe('live relay: web user (Direct Line WebSocket) and advisor (console HTTP API)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp(MONDAY_10H);
  });
  afterAll(() => app.stop());

  it('relays both ways in real time, ends from the console, rates, then the bot answers again', async () => {
    const advisor = (await claireAvailable(app)).session;
    const user = webUser(app);
    try {
      await user.fill();
      // No take time measured yet: the position, and no invented estimate.
      expect(user.botTexts().at(-1)).toMatch(/Vous êtes en 1re position\. Restez sur cette conversation/);
      const [id] = await waitingId(app.url, advisor);
      const seen = await call(app.url, 'GET', `/api/conseiller/requests/${id}`, advisor);
      expect(seen.json.request.context.transcript.some((l: any) => l.from === 'user' && l.text === 'Boulangerie Dupont')).toBe(true);
      expect(seen.json.request.contact.email).toBe('marie@boulangerie-dupont.fr');
      expect(seen.json.request.subject).toBeUndefined();

      expect((await call(app.url, 'POST', `/api/conseiller/requests/${id}/take`, advisor)).status).toBe(200);
      await user.waitFor(() =>
        user.botTexts().some((x) => x.startsWith('Vous êtes en relation avec Claire, conseillère numérique de la CCI Exemple Gironde')),
      );
      await call(app.url, 'POST', `/api/conseiller/requests/${id}/typing`, advisor);
      await user.waitFor((all) => all.some((a) => a.type === 'typing' && a.from.role === 'bot'));
      await call(app.url, 'POST', `/api/conseiller/requests/${id}/messages`, advisor, { text: 'Bonjour Marie, je regarde votre demande.' });
      await user.waitFor(() => user.botTexts().includes('**Claire** : Bonjour Marie, je regarde votre demande.'));
      await call(app.url, 'POST', `/api/conseiller/requests/${id}/guide`, advisor, { slug: 'site-vitrine' });
      await user.waitFor(() =>
        user.botTexts().some((x) => x.startsWith('**Claire** : Voici un guide') && x.includes('/guides/site-vitrine')),
      );

      const userTyping = new Promise((resolve) =>
        app.virage.handoff.service.onEvent((e) => e.type === 'typing' && e.from === 'user' && resolve(e.request.id)),
      );
      await new Promise((resolve, reject) =>
        user.dl.postActivity({ type: 'typing', from: { id: user.t.userId } } as any).subscribe(resolve, reject),
      );
      expect(await userTyping).toBe(id);
      const before = user.botTexts().length;
      await user.post('Merci, c’est pour vendre en ligne');
      const messages = await until(async () => {
        const { json } = await call(app.url, 'GET', `/api/conseiller/requests/${id}`, advisor);
        return json.request.messages.some((m: any) => m.from === 'user' && m.text === 'Merci, c’est pour vendre en ligne')
          ? json.request.messages
          : undefined;
      });
      expect(messages.map((m: any) => m.from)).toEqual(['advisor', 'advisor', 'user']);
      await app.virage.directLine.idle();
      expect(user.botTexts().length).toBe(before); // the bot stayed silent: the advisor answers

      await call(app.url, 'POST', `/api/conseiller/requests/${id}/end`, advisor);
      await user.waitFor(() =>
        user.botTexts().some((x) => x === 'Claire a terminé l’échange. Comment évaluez-vous cet échange, de 1 à 5 étoiles ?'),
      );
      const prompt = user.received.filter((a) => a.type === 'message').at(-1) as any;
      expect(prompt.suggestedActions.actions.map((a: any) => a.title)).toEqual(['⭐1', '⭐2', '⭐3', '⭐4', '⭐5']);
      await user.say('⭐5', /Que souhaitez-vous faire maintenant/);
      expect(user.botTexts()).toContain('Merci pour votre note ! Je reprends la main.');
      expect((await app.virage.handoff.service.get(id!))!.rating).toBe(5);
      await user.say('Poser une question', /Quelle est votre question/);
    } finally {
      user.dl.end();
    }
  });

  it('tells the second user of the queue position 2, then 1 when the first is taken', async () => {
    const advisor = (await claireAvailable(app)).session;
    const earlier = webUser(app);
    const first = webUser(app);
    const second = webUser(app);
    try {
      // One request taken and ended before: a take time is measured, so the queue gives estimates.
      await earlier.fill();
      const [taken] = await waitingId(app.url, advisor);
      await call(app.url, 'POST', `/api/conseiller/requests/${taken}/take`, advisor);
      await call(app.url, 'POST', `/api/conseiller/requests/${taken}/end`, advisor);
      await first.fill();
      await second.fill();
      expect(second.botTexts().at(-1)).toMatch(/Vous êtes en 2e position, attente estimée/);
      const ids = await waitingId(app.url, advisor, 2);
      await call(app.url, 'POST', `/api/conseiller/requests/${ids[0]}/take`, advisor);
      await second.waitFor(() => second.botTexts().some((x) => /^Vous êtes maintenant en 1re position, attente estimée/.test(x)));
      await first.waitFor(() => first.botTexts().some((x) => x.startsWith('Vous êtes en relation avec Claire')));
      expect(second.botTexts().some((x) => x.startsWith('Vous êtes en relation'))).toBe(false);
    } finally {
      for (const u of [earlier, first, second]) u.dl.end();
    }
  });
});

/** A Bot Framework channel user: activities POSTed to /api/messages, replies captured at serviceUrl. */
function channelUser(url: string, capture: Capture, conversation: string) {
  const say = async (text: string) => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity({ text, serviceUrl: capture.url }, conversation, `u-${conversation}`)),
    });
    if (res.status >= 300) throw new Error(`HTTP ${res.status}`);
  };
  const received = () =>
    capture.received.filter((r) => r.path.includes(`/conversations/${conversation}/`)).map((r) => r.body?.text ?? `[${r.body?.type}]`);
  const waitText = (re: RegExp) => until(async () => received().find((x) => re.test(x)));
  return { say, received, waitText };
}

describe('live relay on a Bot Framework channel (Emulator-style capture connector)', () => {
  let app: App;
  let capture: Capture;
  beforeAll(async () => {
    app = await startApp(MONDAY_10H);
    capture = await startCapture();
  });
  afterAll(async () => {
    await app.stop();
    await capture.close();
  });

  it('delivers the advisor’s messages and typing by continueConversation, and the user’s replies reach the request', async () => {
    await claireAvailable(app);
    const user = channelUser(app.url, capture, 'bf-1');
    await user.say('bonjour');
    await user.say('Parler à un conseiller');
    for (const t of FORM) await user.say(t);
    await user.say('oui');
    await user.waitText(/Vous êtes en 1re position/);
    const advisor = await login(app.url, 'claire.martin', PASSWORD);
    const [id] = await waitingId(app.url, advisor);
    await call(app.url, 'POST', `/api/conseiller/requests/${id}/take`, advisor);
    await user.waitText(/^Vous êtes en relation avec Claire/);
    await call(app.url, 'POST', `/api/conseiller/requests/${id}/typing`, advisor);
    await call(app.url, 'POST', `/api/conseiller/requests/${id}/messages`, advisor, { text: 'Bonjour, ici Claire.' });
    await user.waitText(/^\*\*Claire\*\* : Bonjour, ici Claire\.$/);
    const delivered = capture.received.find((r) => r.body?.text === '**Claire** : Bonjour, ici Claire.')!;
    expect(delivered.path).toMatch(/^\/v3\/conversations\/bf-1\/activities/);
    expect(delivered.body).toMatchObject({ recipient: { id: 'u-bf-1' }, channelId: 'emulator' });
    expect(user.received()).toContain('[typing]');
    await user.say('Parfait, merci');
    expect((await app.virage.handoff.service.get(id!))!.messages.at(-1)).toMatchObject({ from: 'user', text: 'Parfait, merci' });
  });

  it('turns a wait beyond HANDOFF_MAX_WAIT_MINUTES into a callback and tells the user honestly', async () => {
    const thomas = await consoleClient(app.url, 'thomas.petit'); // Claire is in her exchange with bf-1
    expect((await thomas.setPresence('disponible')).status).toBe(200);
    const user = channelUser(app.url, capture, 'bf-2');
    await user.say('Parler à un conseiller');
    for (const t of FORM) await user.say(t);
    await user.say('oui');
    await user.waitText(/position/);
    app.clock.advance(10 * 60_000);
    const [moved] = await app.virage.handoff.service.timeoutWaiting(app.clock.now(), app.virage.config.handoff.maxWaitMinutes * 60_000);
    const told = await user.waitText(/aucun conseiller n’a pu vous répondre à temps/);
    expect(told).toBe(
      `Désolé, aucun conseiller n’a pu vous répondre à temps. Votre demande ${moved!.reference} est enregistrée : la CCI Exemple Gironde vous rappellera à partir de lundi 24 novembre à 13 h 30.`,
    );
    await user.say('d’accord');
    await user.waitText(/Que souhaitez-vous faire maintenant/);
  });
});

describe('server restart during a waiting handoff', () => {
  it('keeps the request waiting, relays the next message to it, and delivers the advisor’s reply', async () => {
    const dataDir = tempDataDir('virage-handoff-restart-');
    const capture = await startCapture();
    let app = await startApp(MONDAY_10H, {}, dataDir);
    try {
      await claireAvailable(app);
      let user = channelUser(app.url, capture, 'rs-1');
      await user.say('Parler à un conseiller');
      for (const t of FORM) await user.say(t);
      await user.say('oui');
      await user.waitText(/position/);
      const before = (await app.virage.handoff.service.liveFor('emulator:u-rs-1'))!;
      await app.stop();

      app = await startApp(MONDAY_10H, {}, dataDir);
      user = channelUser(app.url, capture, 'rs-1');
      const after = (await app.virage.handoff.service.liveFor('emulator:u-rs-1'))!;
      expect(after).toMatchObject({ id: before.id, reference: before.reference, status: 'en_attente' });
      expect(app.virage.handoff.service.positionOf(after)?.position).toBe(1);
      await user.say('Toujours là ?');
      expect((await app.virage.handoff.service.get(before.id))!.messages.map((m) => m.text)).toEqual(['Toujours là ?']);
      const advisor = await login(app.url, 'claire.martin', PASSWORD);
      await call(app.url, 'POST', `/api/conseiller/requests/${before.id}/take`, advisor);
      await call(app.url, 'POST', `/api/conseiller/requests/${before.id}/messages`, advisor, { text: 'Oui, je suis là.' });
      await user.waitText(/^\*\*Claire\*\* : Oui, je suis là\.$/);
    } finally {
      await app.stop();
      await capture.close();
    }
  });
});
