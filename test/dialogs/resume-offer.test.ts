// Coming back later: the welcome offers to resume an unfinished diagnostic.
import { activity, buttons, texts, turn } from '../helpers/emulator.js';
import { startVirage } from '../helpers/virage.js';

it('offers « Reprendre mon diagnostic » on a new conversation and resumes at the last unanswered question', async () => {
  const app = await startVirage();
  try {
    await turn(app.url, activity({ text: 'Faire mon diagnostic numérique' }, 'c-1', 'u-resume'));
    const q1 = await turn(app.url, activity({ text: '1 à 4 salariés' }, 'c-1', 'u-resume'));
    expect(texts(q1).join(' ')).toMatch(/Question 2\//);
    // Days later, a new conversation of the same person.
    const welcome = await turn(app.url, activity({ text: 'bonjour' }, 'c-2', 'u-resume'));
    expect(texts(welcome).join(' ')).toMatch(/diagnostic en cours \(1 réponse enregistrée\)/);
    expect(buttons(welcome)[0]).toBe('Reprendre mon diagnostic');
    const resumed = await turn(app.url, activity({ text: 'Reprendre mon diagnostic' }, 'c-2', 'u-resume'));
    expect(texts(resumed).join(' ')).toMatch(/Question 2\//);
  } finally {
    await app.stop();
  }
});
