// « Poser une question » through the real endpoint, the real guides and the real store.
import { KnowledgeFeedback } from '../../src/knowledge/feedback.js';
import { activity, buttons, texts, turn } from '../helpers/emulator.js';
import { startVirage, type Running } from '../helpers/virage.js';

describe('question dialog', () => {
  let app: Running;
  const say = async (text: string, conv = 'q-1') => {
    const replies = await turn(app.url, activity({ text }, conv, `u-${conv}`));
    return { replies, text: texts(replies).join('\n'), buttons: buttons(replies), cards: replies.flatMap((a) => a.attachments ?? []) };
  };
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(async () => app.stop());

  it('asks for the question, answers with the source and a link to the full guide, then asks for feedback', async () => {
    await say('bonjour');
    expect((await say('Poser une question')).text).toMatch(/Quelle est votre question/);
    const a = await say('facture electronique c est obligatoire quand ?');
    expect(a.text).toMatch(/\*\*La facture électronique obligatoire — Le calendrier de la réforme\*\*/);
    expect(a.text).toMatch(/Source : guide « .* », partie « .* », mis à jour le/);
    const open = a.cards[0].content.buttons.find((b: any) => b.title === 'Lire le guide complet');
    expect(open.value).toMatch(/\/guides\/facturation-electronique$/);
    const page = await fetch(open.value.replace(/^http:\/\/localhost:\d+/, app.url));
    expect(page.status).toBe(200);
    expect(a.buttons).toEqual(['👍 Oui', '👎 Non']);
    expect((await say('👍 Oui')).text).toMatch(/Merci/);
    const votes = await new KnowledgeFeedback(app.virage.store).voteSummary();
    expect(votes.find((v) => v.guideId === 'facturation-electronique')?.up).toBe(1);
  });

  it('answers a near tie at once and offers the other guide first, one click away', async () => {
    await say('bonjour', 'q-tie');
    await say('Poser une question', 'q-tie');
    const a = await say("qu'est-ce que l'ia sait faire pour une agence immobilière", 'q-tie');
    expect(a.text).toMatch(/\*\*Intelligence artificielle : premiers usages — /);
    expect(a.text).not.toMatch(/Vouliez-vous dire/);
    const card = a.cards[0].content;
    expect(card.text).toBe('À voir aussi :');
    const next = card.buttons.find((b: any) => b.type === 'imBack');
    expect(next.title).toBe("Le plan « Osez l'IA »");
    const b = await say(next.value, 'q-tie');
    expect(b.text).toMatch(/\*\*Le plan « Osez l'IA » — /);
  });

  it('says plainly when it does not know, offers an advisor, and logs the question without personal data', async () => {
    const r = await say('quelle est la recette de la blanquette de veau ? ref 0612345678');
    expect(r.text).toMatch(/pas de réponse fiable/);
    expect(r.buttons).toEqual(['Parler à un conseiller', 'Être rappelé', 'Poser une autre question']);
    const logged = await new KnowledgeFeedback(app.virage.store).questionsToCurate();
    const entry = logged.find((e) => /blanquette/.test(e.query));
    expect(entry?.kind).toBe('unanswered');
    expect(entry?.query).not.toMatch(/0612345678/);
  });

  it('offers an advisor after two unhelpful answers in a row, and hands over to the advisor path', async () => {
    await say('bonjour', 'q-2');
    await say('Poser une question', 'q-2');
    await say('comment avoir plus d avis clients sur google', 'q-2');
    expect((await say('👎 Non', 'q-2')).text).toMatch(/reformuler/);
    await say('comment proteger mon entreprise des pirates informatiques', 'q-2');
    const second = await say('👎 Non', 'q-2');
    expect(second.buttons).toContain('Parler à un conseiller');
    const handoff = await say('Parler à un conseiller', 'q-2');
    expect(handoff.text).toMatch(/Êtes-vous d’accord/);
  });

  it('answers from the part that answers, whole, with its lists as lists', async () => {
    await say('bonjour', 'q-4');
    await say('Poser une question', 'q-4');
    const a = await say("comment avoir plus d'avis google ?", 'q-4');
    expect(a.text).toMatch(/Avis clients et e-réputation — Obtenir plus d'avis/);
    expect(a.text).toMatch(/\n- \*\*au bon moment\*\*/);
    expect(a.text).toMatch(/\n- ne demander des avis qu'aux clients satisfaits/);
    const cost = await say('combien coute un site vitrine', 'q-4');
    expect(cost.text).toMatch(/1 500 et 5 000 € HT/);
  });

  it('answers an urgent situation with the emergency steps and offers an advisor at once', async () => {
    await say('bonjour', 'q-5');
    await say('Poser une question', 'q-5');
    const r = await say("on m'a piraté ma page facebook, aidez moi !!", 'q-5');
    expect(r.text).toMatch(/Urgence : compte piraté/);
    expect(r.text).toMatch(/1\. Depuis un appareil sain, changez/);
    expect(r.text).toMatch(/17cyber\.gouv\.fr/);
    expect(r.text).toMatch(/Cyberattaque : que faire \?/);
    expect(r.buttons).toEqual(['Parler à un conseiller', 'Être rappelé', 'Poser une autre question']);
  });

  it('answers questions one after the other without going back to the menu', async () => {
    await say('bonjour', 'q-3');
    await say('Poser une question', 'q-3');
    expect((await say('c est quoi le rgpd', 'q-3')).text).toMatch(/RGPD/);
    expect((await say('combien coute un site vitrine', 'q-3')).text).toMatch(/site vitrine/i);
  });
});
