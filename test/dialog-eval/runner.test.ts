// The dialog evaluation's runner (npm run eval:dialog) against a real Virage: it must count a right answer as
// right, a wrong expectation as a failure, and carry a whole conversation to the result. Only button labels
// are typed here, so the test does not depend on how well the bot reads free text.
import { coverage, loadConversations, loadItems, type Conversation, type Item } from '../../scripts/lib/dialog-eval/corpus.js';
import { loadQuestions } from '../../scripts/lib/dialog-eval/questions.js';
import { figures } from '../../scripts/lib/dialog-eval/report.js';
import { evaluate, type Results } from '../../scripts/lib/dialog-eval/run.js';

const items: Item[] = [
  { id: 't-google', question: 'presence_google', text: 'Non concerné', expect: { type: 'notconcerned' }, split: 'tune' },
  // Deliberately wrong: « Des particuliers » is b2c. The runner must count it as a failure.
  { id: 't-wrong', question: 'profil_clientele', text: 'Des particuliers', expect: { type: 'choice', value: 'b2b' }, split: 'tune' },
  { id: 't-budget', question: 'profil_budget', text: 'Je ne sais pas', expect: { type: 'dontknow' }, split: 'test' },
];

const conversation: Conversation = {
  id: 't-conv',
  split: 'tune',
  firm: 'Test: everything by buttons',
  opening: ['bonjour', 'Faire mon diagnostic numérique'],
  answers: { profil_effectif: '5 à 9', profil_clientele: 'Les deux', presence_site: 'Non' },
  expect: {
    profil_effectif: { type: 'size', value: '5-9' },
    profil_clientele: { type: 'choice', value: 'mixte' },
    // Deliberately wrong: the answer was « Non ».
    presence_site: { type: 'choice', value: 'oui' },
  },
};

describe('dialog evaluation runner', () => {
  let results: Results;
  beforeAll(async () => {
    results = await evaluate(items, [conversation], { concurrency: 2 });
  }, 120_000);

  it('counts a right answer as understood at first try and stored as meant', () => {
    for (const id of ['t-google', 't-budget']) {
      const r = results.items.find((i) => i.id === id)!;
      expect(r.error).toBeUndefined();
      expect({ id, firstTry: r.firstTry, ok: r.ok, hijack: r.hijack }).toEqual({ id, firstTry: true, ok: true, hijack: undefined });
    }
  });

  it('counts a wrong expectation as a failure and says what was stored', () => {
    const r = results.items.find((i) => i.id === 't-wrong')!;
    expect(r.error).toBeUndefined();
    expect(r.ok).toBe(false);
    expect(r.firstTry).toBe(false);
    expect(r.stored).toBe('choice:b2c');
  });

  it('carries a conversation to the result and checks its final answers', () => {
    const c = results.conversations[0];
    expect(c.error).toBeUndefined();
    expect(c.finished).toBe(true);
    expect(c.hijacks).toEqual([]);
    const ok = Object.fromEntries(c.checks.map((x) => [x.question, x.ok]));
    expect(ok).toEqual({ profil_effectif: true, profil_clientele: true, presence_site: false });
  });

  it('sums the figures per split', () => {
    const f = figures(results.items, results.conversations);
    expect(f).toMatchObject({ items: 3, answerItems: 3, firstTry: 2, storedAsMeant: 2, hijacks: 0 });
    expect(f.conversationsFinished).toBe(1);
    expect(f.conversationChecksOk).toBe(2);
  });
});

describe('dialog evaluation corpus', () => {
  const questions = loadQuestions();
  it('has at least 12 items for every question, about half in each split', () => {
    const all = loadItems(questions);
    expect(coverage(all, questions)).toEqual([]);
    for (const q of questions) {
      const mine = all.filter((i) => i.question === q.id);
      const tune = mine.filter((i) => i.split === 'tune').length;
      expect({ q: q.id, balanced: Math.abs(2 * tune - mine.length) <= 2 }).toEqual({ q: q.id, balanced: true });
    }
  });

  it('has at least 20 conversations, each with an opening and expectations', () => {
    const convs = loadConversations(questions);
    expect(convs.length).toBeGreaterThanOrEqual(20);
    for (const c of convs) expect(Object.keys(c.expect).length).toBeGreaterThan(0);
  });
});
