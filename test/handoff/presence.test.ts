// Presence-aware handoff with two real clients on a real server: a dirigeant through Direct Line
// (WebSocket) and advisors through their console (JSON API + /conseiller/ws). Live is offered only when
// the CCI is open and one of its advisors is « disponible »; otherwise an immediate callback, worded
// truthfully (nobody free, or closed), with the next slot. The handoff clock is moved by the test.
// Presence is server state: each test has its own server, advisors' sessions and dirigeants.
import { MONDAY_10H, startApp, type App } from '../dialogs/handoff/helpers.js';
import { consoleClient, FORM, until, webUser, type ConsoleClient } from './clients.js';

/** Monday 24 November 2025, 17:04 and 20:00 in Paris (UTC+1). */
const MONDAY_17H04 = '2025-11-24T16:04:00.000Z';
const MONDAY_20H = '2025-11-24T19:00:00.000Z';
const RHONE_FORM = FORM.map((t) => (t === '33' ? '69' : t));

describe('presence-aware handoff (Direct Line user + advisor console)', () => {
  let app: App;
  let users: Array<ReturnType<typeof webUser>> = [];
  const user = () => {
    const u = webUser(app);
    users.push(u);
    return u;
  };
  const latest = (u: ReturnType<typeof webUser>) => app.virage.handoff.service.latestFor(`directline:${u.t.userId}`);

  const advisor = (login: string): Promise<ConsoleClient> => consoleClient(app.url, login);

  beforeEach(async () => {
    users = [];
    app = await startApp(MONDAY_10H, { PRESENCE_ABSENT_SECONDS: '600' }); // the test moves the clock by minutes
  });
  afterEach(async () => {
    for (const u of users) u.dl.end();
    await app.stop();
  });

  it('open but no advisor logged in: no « disponible » promise, an immediate callback « personne de libre »', async () => {
    const u = user();
    const summary = await u.ask();
    expect(summary).not.toMatch(/Un conseiller est disponible/);
    expect(summary).toContain(
      'Aucun conseiller n’est libre en ce moment : un conseiller vous rappellera dès que possible, aujourd’hui jusqu’à 12 h 30, sinon à partir de lundi 24 novembre à 13 h 30.',
    );
    const done = await u.say('Oui, c’est bien ça', /Votre demande VIR-/);
    expect(done[0]).toMatch(
      /^Votre demande VIR-\w{5} est enregistrée\. Aucun conseiller n’est libre en ce moment : la CCI Exemple Gironde vous rappellera dès que possible, aujourd’hui jusqu’à 12 h 30, sinon à partir de lundi 24 novembre à 13 h 30\.$/,
    );
    expect(await latest(u)).toMatchObject({ kind: 'callback', status: 'rappel', callbackAt: new Date(MONDAY_10H).toISOString() });
  });

  it('an advisor logged in but « occupé » (the state a console starts in): callback « personne de libre »', async () => {
    const claire = await advisor('claire.martin');
    expect(await claire.presence()).toEqual({ 'claire.martin': 'occupe', 'thomas.petit': 'absent' });
    expect((await claire.setPresence('occupe')).status).toBe(200);
    const u = user();
    expect(await u.fill()).toMatch(/Aucun conseiller n’est libre en ce moment/);
    expect((await latest(u))!.kind).toBe('callback');
  });

  it('an advisor « disponible »: live, colleagues see it, « occupé » while in the exchange, then free again', async () => {
    const claire = await advisor('claire.martin');
    const thomas = await advisor('thomas.petit');
    const set = await claire.setPresence('disponible');
    expect(set.status).toBe(200);
    expect(set.json.advisors.find((a: any) => a.login === 'claire.martin')).toMatchObject({
      state: 'disponible',
      displayName: 'Claire Martin',
    });
    await until(async () => thomas.messages.some((m) => m.type === 'presence'));
    expect(await thomas.presence()).toEqual({ 'claire.martin': 'disponible', 'thomas.petit': 'occupe' });
    expect((await claire.setPresence('en vacances')).status).toBe(400);

    const first = user();
    expect(await first.ask()).toContain('Un conseiller est disponible : vous échangerez avec lui ici même.');
    const queued = (await first.say('Oui, c’est bien ça', /Votre demande VIR-/)).join('\n');
    // No take time measured yet: no estimate rather than an invented one.
    expect(queued).toMatch(/Vous êtes en 1re position\. Restez sur cette conversation/);
    expect(queued).not.toMatch(/attente estimée/);
    const [id] = await until(async () => (await claire.waiting()).length === 1 && claire.waiting());
    app.clock.advance(3 * 60_000);
    expect((await claire.api('POST', `/api/conseiller/requests/${id}/take`)).status).toBe(200);
    await first.waitFor(() => first.botTexts().some((x) => x.startsWith('Vous êtes en relation avec Claire')));
    expect(await thomas.presence()).toMatchObject({ 'claire.martin': 'occupe' }); // in a live exchange

    const second = user();
    expect(await second.fill()).toMatch(/Aucun conseiller n’est libre en ce moment/);

    await claire.api('POST', `/api/conseiller/requests/${id}/end`);
    expect(await thomas.presence()).toMatchObject({ 'claire.martin': 'disponible' });
    const third = user();
    const estimate = await third.fill();
    // One take in 3 minutes, one advisor free: a rounded estimate, no false precision.
    expect(estimate).toMatch(/Vous êtes en 1re position, attente estimée : moins de 5 minutes\./);
    expect((await latest(third))!.kind).toBe('live');
    await third.say('terminer', /j’annule/);
  });

  it('outside office hours: « fermée » with the next slot, even with an advisor disponible', async () => {
    app.clock.set(MONDAY_20H);
    const claire = await advisor('claire.martin');
    expect((await claire.setPresence('disponible')).status).toBe(200);
    const u = user();
    const summary = await u.ask();
    expect(summary).toContain('La CCI est fermée en ce moment : un conseiller vous rappellera à partir de mardi 25 novembre à 9 h 00.');
    const done = await u.say('Oui, c’est bien ça', /Votre demande VIR-/);
    expect(done[0]).toMatch(
      /^Votre demande VIR-\w{5} est enregistrée\. La CCI Exemple Gironde vous rappellera à partir de mardi 25 novembre à 9 h 00\.$/,
    );
  });

  it('absent once the console has had no live socket for PRESENCE_ABSENT_SECONDS', async () => {
    const claire = await advisor('claire.martin');
    const thomas = await advisor('thomas.petit');
    expect((await claire.setPresence('disponible')).status).toBe(200);
    await claire.closeSocket();
    await thomas.closeSocket();
    await thomas.connect();
    // A reload or a short cut keeps the advisor present for the grace period…
    expect(await thomas.presence()).toMatchObject({ 'claire.martin': 'disponible' });
    app.clock.advance((app.virage.config.handoff.presenceAbsentSeconds + 1) * 1000);
    // …then absent: the choice is forgotten, and the dirigeant is not promised a live exchange.
    const told = thomas.messages.filter((m) => m.type === 'presence').length;
    await app.virage.handoff.presence.sweep();
    await until(async () => thomas.messages.filter((m) => m.type === 'presence').length > told);
    await thomas.connect(); // thomas's own socket is live at the new time
    expect(await thomas.presence()).toEqual({ 'claire.martin': 'absent', 'thomas.petit': 'occupe' });
    const u = user();
    expect(await u.fill()).toMatch(/Aucun conseiller n’est libre en ce moment/);
    expect((await claire.setPresence('disponible')).status).toBe(409); // no live console socket
  });

  it('a callback asked Monday 17:04 while the CCI is open until 18:00 is not told it is closed', async () => {
    app.clock.set(MONDAY_17H04);
    const u = user();
    const summary = await u.ask(RHONE_FORM, 'Être rappelé');
    expect(summary).not.toMatch(/fermée/);
    expect(summary).toContain(
      'Un conseiller vous rappellera dès que possible, aujourd’hui jusqu’à 18 h 00, sinon à partir de mardi 25 novembre à 8 h 30.',
    );
    const done = await u.say('Oui, c’est bien ça', /Votre demande VIR-/);
    expect(done[0]).toMatch(
      /^Votre demande VIR-\w{5} est enregistrée\. La CCI Exemple Rhône vous rappellera dès que possible, aujourd’hui jusqu’à 18 h 00, sinon à partir de mardi 25 novembre à 8 h 30\.$/,
    );
    expect(await latest(u)).toMatchObject({
      kind: 'callback',
      cciId: 'cci-exemple-rhone',
      callbackAt: new Date(MONDAY_17H04).toISOString(),
    });
  });
});
