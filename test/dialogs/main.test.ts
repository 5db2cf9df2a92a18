// The first conversation, through the real HTTP endpoint and the real file store.
import { activity, buttons, texts, turn } from '../helpers/emulator.js';
import { startVirage, type Running } from '../helpers/virage.js';

describe('main dialog', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(async () => app.stop());

  it('greets on the first message with the privacy notice and the three paths', async () => {
    const replies = await turn(app.url, activity({ text: 'bonjour' }, 'm-1'));
    const t = texts(replies);
    expect(t[0]).toContain('Virage');
    expect(t[1]).toMatch(/confidentialite/);
    expect(buttons(replies)).toEqual(['Faire mon diagnostic numérique', 'Poser une question', 'Parler à un conseiller']);
  });

  it('opens a path from its button and comes back to the menu', async () => {
    const replies = await turn(app.url, activity({ text: 'Parler à un conseiller' }, 'm-1'));
    expect(texts(replies).join('\n')).toMatch(/conseiller/);
    expect(buttons(replies)).toEqual(['Oui, d’accord', 'Non merci']);
    const declined = await turn(app.url, activity({ text: 'Non merci' }, 'm-1'));
    expect(texts(declined).join('\n')).toMatch(/je ne transmets rien/);
    expect(buttons(declined)).toContain('Poser une question');
  });

  it('understands aide and menu at any point', async () => {
    const help = await turn(app.url, activity({ text: 'aide' }, 'm-1'));
    expect(texts(help)[0]).toContain('supprimer mes données');
    expect(buttons(help)).toHaveLength(3);
    const menu = await turn(app.url, activity({ text: 'menu' }, 'm-1'));
    expect(texts(menu)).toContain('Que souhaitez-vous faire ?');
  });

  it('does not crash on a card submit that carries no text', async () => {
    const replies = await turn(app.url, activity({ text: undefined, value: { action: 'x' } }, 'm-1'));
    expect(texts(replies).join(' ')).toMatch(/Écrivez votre message|compris/);
  });

  it('refuses an over-long message politely', async () => {
    const replies = await turn(app.url, activity({ text: 'a'.repeat(2500) }, 'm-1'));
    expect(texts(replies)[0]).toMatch(/trop long/);
  });

  it('shows « mes données » with a working signed download, then erases everything on confirmation', async () => {
    const mine = await turn(app.url, activity({ text: 'mes données' }, 'm-1'));
    expect(texts(mine)[0]).toContain('Voici ce que je conserve');
    const link = mine.flatMap((a) => a.attachments ?? [])[0].content.buttons[0].value as string;
    const download = await fetch(link.replace(/^http:\/\/localhost:\d+/, app.url));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    const json = (await download.json()) as any;
    expect(json.subject).toBe('emulator:user-1');
    expect(json.sources.find((s: any) => s.name === 'conversation').data.conversations.map((c: any) => c.id)).toContain('m-1');

    const ask = await turn(app.url, activity({ text: 'supprimer mes données' }, 'm-1'));
    expect(buttons(ask)).toEqual(['Oui, tout effacer', 'Non, garder']);
    const done = await turn(app.url, activity({ text: 'Oui, tout effacer' }, 'm-1'));
    expect(texts(done)[0]).toMatch(/effacées/);
    const after = await app.virage.privacy.exportFor('emulator:user-1');
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
