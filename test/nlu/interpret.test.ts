import { createNlu, INTENTS } from '../../src/nlu/index.js';
import { content } from '../helpers/content.js';
import { readFileSync } from 'node:fs';
import { fold } from '../../src/nlu/analyze.js';

const data = content().nlu;
const nlu = createNlu(data);

describe('interpret: answers and commands', () => {
  test('« non » to a yes/no question is an answer, not « annuler »', () => {
    const r = nlu.interpret('non', { type: 'yesno' });
    expect(r.act).toBe('answer');
    expect(r.answer).toMatchObject({ ok: true, value: { type: 'yesno', value: 'no' } });
  });
  test.each([
    ['pause', 'pause'],
    ['retour', 'precedent'],
    ['pourquoi ?', 'pourquoi'],
    ['je veux parler à un conseiller', 'parler_conseiller'],
    ['rappelez-moi demain', 'etre_rappele'],
    ['supprimez mes données', 'supprimer_donnees'],
  ])('strong command « %s » comes through a question', (text, intent) => {
    for (const type of ['yesno', 'number', 'location'] as const) {
      const r = nlu.interpret(text, { type });
      expect(r.act).toBe('intent');
      expect(r.intent.name).toBe(intent);
    }
  });
  test('an answer wins over a weak intent', () => {
    const r = nlu.interpret('ok merci, on est dans le 33', { type: 'location' });
    expect(r.act).toBe('answer');
  });
  test('without context: intent or none, never a wild guess', () => {
    expect(nlu.interpret('bonjour').intent.name).toBe('salutation');
    expect(nlu.interpret('asdfgh qwerty').intent.name).toBe('none');
    expect(nlu.interpret('asdfgh qwerty').act).toBe('none');
    expect(nlu.interpret('').act).toBe('none');
  });
  test('keeps the original text and gives the normalised one', () => {
    const r = nlu.interpret('Ouais  👍');
    expect(r.original).toBe('Ouais  👍');
    expect(r.normalized).toBe('oui oui');
  });
});

describe('NLU data', () => {
  test('every intent has ≥ 20 training examples', () => {
    expect(Object.keys(data.intents.intents).sort()).toEqual([...INTENTS].sort());
    for (const def of Object.values(data.intents.intents)) expect(def.examples.length).toBeGreaterThanOrEqual(20);
  });
  test('held-out intent tests are not training examples', () => {
    // Compared as typed (case, accents and punctuation aside).
    const key = (t: string) =>
      fold(t)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    const train = new Set(Object.values(data.intents.intents).flatMap((d) => d.examples.map(key)));
    const cases = JSON.parse(readFileSync(new URL('./corpus/intents.json', import.meta.url), 'utf8')).cases as [string, string][];
    expect(cases.filter(([t]) => train.has(key(t)))).toEqual([]);
  });
  test('101 départements, 18 régions, each département in a known région', () => {
    const { regions, departements } = data.territories;
    expect(regions).toHaveLength(18);
    expect(departements).toHaveLength(101);
    const codes = new Set(regions.map((r) => r.code));
    for (const d of departements) expect(codes.has(d.region)).toBe(true);
    expect(departements.map((d) => d.code)).toEqual(expect.arrayContaining(['2A', '2B', '971', '972', '973', '974', '976']));
    expect(departements.map((d) => d.code)).not.toContain('975');
  });
  test('training time is reported', () => expect(nlu.trainingMs).toBeGreaterThan(0));
});
