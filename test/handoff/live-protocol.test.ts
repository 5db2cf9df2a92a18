// The live-handoff protocol as pure functions: what a message means while a request is live, and after.
import { isStatusQuestion, parseRating, readAfterLive, readWhileLive } from '../../src/handoff/live-protocol.js';
import type { HandoffRequest } from '../../src/handoff/types.js';
import { createNlu } from '../../src/nlu/index.js';
import { content } from '../helpers/content.js';

const { phrases } = createNlu(content().nlu);
const PASS = ['Oui, tout effacer', 'Non, garder'];
const message = (text: string) => ({ type: 'message', text });

describe('while live', () => {
  it('relays ordinary text, even text holding command words', () => {
    for (const t of ['bonjour, j’ai une question sur ma facture', 'je voudrais tout effacer de mon site', 'menu du jour']) {
      expect(readWhileLive(message(t), phrases, PASS)).toBe('relay');
    }
  });
  it('lets the privacy commands and the erase confirmation reach the bot', () => {
    expect(readWhileLive(message('mes données'), phrases, PASS)).toBe('pass');
    expect(readWhileLive(message('supprimer mes données'), phrases, PASS)).toBe('pass');
    expect(readWhileLive(message('Oui, tout effacer'), phrases, PASS)).toBe('pass');
  });
  it('ends on « terminer » and its variants; typing is relayed; a card without text is refused', () => {
    expect(readWhileLive(message('terminer'), phrases, PASS)).toBe('end');
    expect(readWhileLive({ type: 'typing' }, phrases, PASS)).toBe('typing');
    expect(readWhileLive(message(''), phrases, PASS)).toBe('textOnly');
  });
  it('recognises a status question at any time', () => {
    expect(isStatusQuestion('Où en est ma demande ?')).toBe(true);
    expect(isStatusQuestion('suivi de ma demande VIR-7K3Q9')).toBe(true);
    expect(isStatusQuestion('ma demande de devis pour un site')).toBe(false);
  });
});

describe('after live', () => {
  const request = (fields: Partial<HandoffRequest>) =>
    ({ id: 'r1', reference: 'VIR-AAAAA', kind: 'live', status: 'clos', ...fields }) as HandoffRequest;
  it('stays silent while still live', () => {
    expect(readAfterLive(request({ status: 'en_cours' }), 'merci', phrases)).toEqual({ kind: 'stillLive' });
  });
  it('takes a rating after an advisor exchange, asks for one on « terminer »', () => {
    const ended = request({ advisor: { id: 'a', firstName: 'Claire' } as unknown as HandoffRequest['advisor'] });
    expect(readAfterLive(ended, '⭐4', phrases)).toEqual({ kind: 'rate', rating: 4 });
    expect(readAfterLive(ended, '4/5', phrases)).toEqual({ kind: 'rate', rating: 4 });
    expect(readAfterLive(ended, 'terminer', phrases)).toEqual({ kind: 'askRating' });
    expect(readAfterLive(ended, 'super merci', phrases)).toEqual({ kind: 'back' });
  });
  it('says the request is cancelled when it ended before an advisor took it', () => {
    expect(readAfterLive(request({}), 'terminer', phrases)).toEqual({ kind: 'cancelled', reference: 'VIR-AAAAA' });
  });
  it('parses ratings strictly', () => {
    expect(parseRating('5 étoiles')).toBe(5);
    expect(parseRating('6')).toBeUndefined();
    expect(parseRating('j’ai 3 salariés')).toBeUndefined();
  });
});
