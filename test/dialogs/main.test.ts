// The first conversation, through the real HTTP endpoint and the real file store.
import { activity, buttons, texts, turn } from '../helpers/emulator.js';
import { startVirage, type Running } from '../helpers/virage.js';

describe('main dialog', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(async () => app.stop());
  // Each test has its own conversation and user (it can run alone), greeted once.
  let n = 0;
  let conv = '';
  let user = '';
  const say = (text: string | undefined, extra: Record<string, unknown> = {}) => turn(app.url, activity({ text, ...extra }, conv, user));
  beforeEach(() => {
    n += 1;
    conv = `m-1-${n}`;
    user = `user-1-${n}`;
  });
  const greeted = () => say('bonjour');

  it('greets on the first message with the privacy notice and the three paths', async () => {
    const replies = await say('bonjour');
    const t = texts(replies);
    expect(t[0]).toContain('Virage');
    expect(t[1]).toMatch(/confidentialite/);
    expect(buttons(replies)).toEqual(['Faire mon diagnostic numérique', 'Poser une question', 'Parler à un conseiller']);
  });

  it('opens a path from its button and comes back to the menu', async () => {
    await greeted();
    const replies = await say('Parler à un conseiller');
    expect(texts(replies).join('\n')).toMatch(/conseiller/);
    expect(buttons(replies)).toEqual(['Oui, d’accord', 'Non merci']);
    const declined = await say('Non merci');
    expect(texts(declined).join('\n')).toMatch(/je ne transmets rien/);
    expect(buttons(declined)).toContain('Poser une question');
  });

  it('understands aide and menu at any point', async () => {
    await greeted();
    const help = await say('aide');
    expect(texts(help)[0]).toContain('supprimer mes données');
    expect(buttons(help)).toHaveLength(3);
    const menu = await say('menu');
    expect(texts(menu)).toContain('Que souhaitez-vous faire ?');
  });

  it('does not crash on a card submit that carries no text', async () => {
    await greeted();
    const replies = await say(undefined, { value: { action: 'x' } });
    expect(texts(replies).join(' ')).toMatch(/Écrivez votre message|compris/);
  });

  it('refuses an over-long message politely', async () => {
    await greeted();
    const replies = await say('a'.repeat(2500));
    expect(texts(replies)[0]).toMatch(/trop long/);
  });

  it('shows « mes données » with a working signed download, then erases everything on confirmation', async () => {
    await greeted();
    const mine = await say('mes données');
    expect(texts(mine)[0]).toContain('Voici ce que je conserve');
    const link = mine.flatMap((a) => a.attachments ?? [])[0].content.buttons[0].value as string;
    const download = await fetch(link.replace(/^http:\/\/localhost:\d+/, app.url));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    const json = (await download.json()) as any;
    expect(json.subject).toBe(`emulator:${user}`);
    expect(json.sources.find((s: any) => s.name === 'conversation').data.conversations.map((c: any) => c.id)).toContain(conv);

    const ask = await say('supprimer mes données');
    expect(buttons(ask)).toEqual(['Oui, tout effacer', 'Non, garder']);
    const done = await say('Oui, tout effacer');
    expect(texts(done)[0]).toMatch(/effacées/);
    const after = await app.virage.privacy.exportFor(`emulator:${user}`);
    expect(after.sources.find((s) => s.name === 'conversation')!.data).toBeNull();
    const forged = await fetch(`${app.url}/mes-donnees/abc.def`);
    expect(forged.status).toBe(403);
  });

  it('keeps data when erasure is declined', async () => {
    await turn(app.url, activity({ text: 'bonjour' }, 'm-2', 'user-2'));
    await turn(app.url, activity({ text: 'supprimer mes données' }, 'm-2', 'user-2'));
    const kept = await turn(app.url, activity({ text: 'Non, garder' }, 'm-2', 'user-2'));
    expect(texts(kept)[0]).toMatch(/ne supprime rien/);
    const data = await app.virage.privacy.exportFor('emulator:user-2');
    expect(data.sources.find((s) => s.name === 'conversation')!.data).not.toBeNull();
  });
});

describe('main menu, typed like a person', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(async () => app.stop());

  it('answers small talk politely and accepts the number of a choice', async () => {
    await turn(app.url, activity({ text: 'bonjour' }, 'm-3', 'user-3'));
    const hello = await turn(app.url, activity({ text: 'salut !' }, 'm-3', 'user-3'));
    expect(texts(hello)[0]).toMatch(/^Bonjour/);
    expect(buttons(hello)).toHaveLength(3);
    const thanks = await turn(app.url, activity({ text: 'merci beaucoup' }, 'm-3', 'user-3'));
    expect(texts(thanks)[0]).toMatch(/Avec plaisir/);
    const second = await turn(app.url, activity({ text: '2' }, 'm-3', 'user-3'));
    expect(texts(second).join(' ')).toMatch(/Quelle est votre question/);
  });

  it('reads « la troisième » against the choices actually shown', async () => {
    await turn(app.url, activity({ text: 'bonjour' }, 'm-4', 'user-4'));
    const third = await turn(app.url, activity({ text: 'la troisième' }, 'm-4', 'user-4'));
    expect(texts(third).join(' ')).toMatch(/Êtes-vous d’accord/);
  });
});
