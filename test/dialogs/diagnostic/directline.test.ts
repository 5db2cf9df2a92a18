// The diagnostic through the self-hosted Direct Line endpoint with Microsoft's client
// (botframework-directlinejs, polling), as the web chat page talks to Virage: the first questions,
// then a resume in a new conversation of the same user.
import { createNodeDirectLine, type DirectLine } from '../../../scripts/lib/directline-node.js';
import { collect, postJson, texts } from '../../server/directline/harness.js';
import { startVirage, type Running } from '../../helpers/virage.js';
import { currentAnswers, DIAG } from './steps.js';

/** The web-chat user: issued by the first token, proved by that token afterwards (a page's storage). */
let USER = '';
let proof = '';

/** A Direct Line conversation: `say` posts a message (or a card submit) and waits for a bot reply matching `until`. */
async function open(app: Running) {
  const res = await postJson(`${app.url}/api/directline/token`, USER ? { userId: USER, token: proof, newConversation: true } : {});
  expect(res.status).toBe(200);
  const t = res.json as { token: string; conversationId: string; userId: string; domain: string };
  USER ||= t.userId;
  proof ||= t.token;
  expect(t.userId).toBe(USER);
  const dl: DirectLine = createNodeDirectLine({ domain: t.domain, token: t.token, webSocket: false, pollingInterval: 200 });
  const { received, waitFor } = collect(dl);
  const botTexts = () => texts(received, 'bot').map((x) => x ?? '');
  const waitText = async (from: number, until: RegExp) => {
    await waitFor(() =>
      botTexts()
        .slice(from)
        .some((x) => until.test(x)),
    );
    return botTexts().slice(from).join('\n');
  };
  return {
    t,
    dl,
    received,
    waitText,
    async say(what: string | { value: unknown }, until: RegExp): Promise<string> {
      const from = botTexts().length;
      const fields = typeof what === 'string' ? { text: what } : what;
      await new Promise<string>((resolve, reject) =>
        dl.postActivity({ type: 'message', from: { id: t.userId }, ...fields } as any).subscribe(resolve, reject),
      );
      return waitText(from, until);
    },
  };
}

describe('diagnostic through Direct Line (botframework-directlinejs, polling)', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  it('answers the first five questions, then resumes in a new conversation of the same user', async () => {
    const one = await open(app);
    try {
      await one.waitText(0, /Que souhaitez-vous faire/);
      const steps: Array<[string, RegExp]> = [
        [DIAG, /Question 1\/34/],
        ['1 à 4 salariés', /Question 2\/34/],
        ['je tiens une boulangerie', /Question 3\/34/],
        ['Des particuliers', /Question 4\/34/],
        ['on est dans le 33', /Question 5\/34/],
        ['Artisan', /Question 6\/34/],
      ];
      for (const [text, until] of steps) await one.say(text, until);
      // The suggested actions of the last question reach the client.
      const last = one.received.filter((a) => a.from?.role === 'bot' && a.type === 'message').pop() as any;
      expect(last.suggestedActions.actions.map((a: any) => a.title)).toContain('De 100 à 1 000');
      const said = await one.say('pause', /reprendre mon diagnostic/);
      expect(said).toMatch(/diagnostic est enregistré/);
    } finally {
      one.dl.end();
    }
    expect(await currentAnswers(app.virage, `directline:${USER}`)).toEqual({
      profil_effectif: { type: 'size', value: '1-4' },
      profil_secteur: { type: 'sector', value: 'metiers_bouche' },
      profil_clientele: { type: 'choice', value: 'b2c' },
      profil_localisation: { type: 'location', departement: '33', region: '75' },
      profil_statut: { type: 'choice', value: 'artisan' },
    });

    const two = await open(app);
    try {
      expect(two.t.conversationId).not.toBe(one.t.conversationId);
      await two.waitText(0, /diagnostic en cours \(5 réponses/); // the welcome offers to resume
      const resumed = await two.say('reprendre mon diagnostic', /Question 6\/34/);
      expect(resumed).toMatch(/Reprenons[\s\S]*Combien de factures/);
      await two.say('De 100 à 1 000', /Question 7\/34/);
    } finally {
      two.dl.end();
    }
    expect((await currentAnswers(app.virage, `directline:${USER}`)).profil_factures).toEqual({ type: 'choice', value: '100_1000' });
  });
});
