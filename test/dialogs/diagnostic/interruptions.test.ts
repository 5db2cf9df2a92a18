// Everything a dirigeant may say in the middle of the diagnostic besides an answer, through
// /api/messages and the real file store: « pourquoi ? », « retour », « je ne sais pas », « passer »,
// « pause » and « reprendre mon diagnostic », a knowledge question, « recommencer », misses, the advisor,
// « aide » and « mes données », and card submits that carry no text.
import { startVirage, type Running } from '../../helpers/virage.js';
import { asks, Chat, currentAnswers, DIAG, stored, submit, type Expect, type Step } from './steps.js';
import { answerUntil } from './typical.js';

const SIZE_BUTTONS = ['Seul(e), sans salarié', '1 à 4 salariés', '5 à 9', '10 à 49', '50 à 249', '250 et plus'];
const MENU = [DIAG, 'Poser une question', 'Parler à un conseiller'];

describe('diagnostic interruptions', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  it('pourquoi, retour (the answer changes), je ne sais pas, passer, a question, pause and reprendre, recommencer', async () => {
    const chat = new Chat(app.url);
    const answers = () => currentAnswers(app.virage, chat.subject);
    await chat.run([
      ['bonjour', { buttons: MENU }],
      [DIAG, asks(1)],
      ['pourquoi ?', asks(1, /Pourquoi cette question \?\*\* Les repères et les aides dépendent de la taille/)],
      ['1 à 4 salariés', asks(2)],
    ]);
    expect(await answers()).toEqual({ profil_effectif: { type: 'size', value: '1-4' } });
    // « retour » shows the recorded answer and keeps it until it is replaced.
    await chat.run([['retour', asks(1, /Revenons à la question précédente\. Vous aviez répondu : « 1 à 4 »/)]]);
    expect(await answers()).toEqual({ profil_effectif: { type: 'size', value: '1-4' } });
    await chat.run([['Seul(e), sans salarié', asks(2)]]);
    expect(await answers()).toEqual({ profil_effectif: { type: 'size', value: '0' } });

    await chat.run([
      ['je ne sais pas', asks(3, /^(?![\s\S]*À tout moment)/)], // the sector question has no such button
      ['Je ne sais pas', asks(4)], // the button of a choice question
      ['passer', asks(5, /Question passée/)],
      ['combien coûte un site internet ?', asks(5, /Créer un site vitrine[\s\S]*Reprenons :\n/)],
      ['une seconde, on frappe à la porte', asks(5, /prenez votre temps/)],
      ['Artisan', asks(6)],
    ]);
    expect(await answers()).toMatchObject({
      profil_secteur: { type: 'dontknow' },
      profil_clientele: { type: 'dontknow' },
      profil_localisation: { type: 'dontknow' },
      profil_statut: { type: 'choice', value: 'artisan' },
    });

    await chat.run([['pause', { says: /diagnostic est enregistré[\s\S]*« reprendre mon diagnostic »/, buttons: MENU }]]);
    expect((await stored(app.virage, chat.subject)).runs.current.currentQuestion).toBe('profil_factures');
    await chat.run([
      ['reprendre mon diagnostic', asks(6, /Reprenons/)],
      ['recommencer', { says: /vraiment recommencer/, buttons: ['Oui, recommencer', 'Non, continuer'] }],
      ['Non, continuer', asks(6)],
    ]);
    expect(Object.keys(await answers())).toHaveLength(5);
    await chat.run([
      ['recommencer', { buttons: ['Oui, recommencer', 'Non, continuer'] }],
      ['Oui, recommencer', asks(1, /C’est parti/)],
    ]);
    expect(await answers()).toEqual({});
  });

  it('two misses: an example with the buttons and « passer », then « je ne sais pas » is recorded and the diagnostic goes on', async () => {
    const chat = new Chat(app.url);
    const steps: Step[] = [
      ['bonjour', { buttons: MENU }],
      [DIAG, asks(1)],
      [
        'blablabla',
        { says: /pas bien compris votre réponse\. Par exemple : « je suis seul »/, buttons: [...SIZE_BUTTONS, 'Passer cette question'] },
      ],
      ['bidule', asks(2, /je note « je ne sais pas »/)],
      // The count starts again on the next question; « passer » works after a miss.
      ['zzz', { says: /pas bien compris votre réponse/, hasButton: 'Passer cette question' }],
      ['passer', asks(3, /Question passée/)],
      ['qsdf', { says: /pas bien compris votre réponse/ }],
      ['Parler à un conseiller', { says: /conseiller/, not: /Question \d+/ }],
    ];
    await chat.run(steps);
    expect(await currentAnswers(app.virage, chat.subject)).toEqual({
      profil_effectif: { type: 'dontknow' },
      profil_secteur: { type: 'dontknow' },
    });
    expect((await stored(app.virage, chat.subject)).runs.current.currentQuestion).toBe('profil_clientele');
  });

  it('« je veux parler à un conseiller » mid-way hands over to the advisor path; the diagnostic can be resumed', async () => {
    const chat = new Chat(app.url);
    await chat.run([
      ['bonjour', { buttons: MENU }],
      [DIAG, asks(1)],
      ['5 à 9', asks(2)],
      // The advisor path starts (its consent question) and the diagnostic question is not asked again.
      [
        'je veux parler à un conseiller',
        { says: /Pour vous mettre en relation[\s\S]*Êtes-vous d’accord/, not: /Question \d+/, buttons: ['Oui, d’accord', 'Non merci'] },
      ],
      ['Non merci', { says: /je ne transmets rien/, not: /Question \d+/ }],
    ]);
    expect((await stored(app.virage, chat.subject)).runs.current).toMatchObject({
      currentQuestion: 'profil_secteur',
      answers: { profil_effectif: { type: 'size', value: '5-9' } },
    });
    await chat.run([
      [DIAG, { says: /diagnostic en cours \(1 réponse\)/, buttons: ['Reprendre', 'Recommencer à zéro'] }],
      ['Reprendre', asks(2, /Reprenons/)],
    ]);
  });

  it('aide and mes données mid-way answer, then ask the question again', async () => {
    const chat = new Chat(app.url);
    await chat.run([
      ['bonjour', { buttons: MENU }],
      [DIAG, asks(1)],
      ['aide', asks(1, /À tout moment, vous pouvez écrire/)],
      ['mes données', asks(1, /Voici ce que je conserve/)],
      ['Seul(e), sans salarié', asks(2)],
    ]);
  });

  it('card submits without text: ignored with a reprompt on a plain question, values read on a multi-choice card', async () => {
    const chat = new Chat(app.url);
    await chat.run([
      ['bonjour', { buttons: MENU }],
      [DIAG, asks(1)],
      [
        { value: { questionId: 'profil_effectif', values: ['1-4'] } },
        { says: /pas bien compris/, buttons: [...SIZE_BUTTONS, 'Passer cette question'] },
      ],
      [{ value: { anything: 1 } }, { says: /pas bien compris/ }],
      [{ value: 'texte brut' }, { says: /pas bien compris/ }],
      ['Seul(e), sans salarié', asks(2)],
    ]);
    await answerUntil(chat, 'vente_en_ligne');
    // Each miss on a multi-choice question sends its card again, with « Passer cette question ».
    const withCard: Expect = (replies) =>
      expect(replies.some((a) => a.attachments?.[0]?.content?.actions?.[0]?.data?.questionId === 'vente_en_ligne')).toBe(true);
    await chat.run([
      ['Seul(e), sans salarié', { says: /pas bien compris votre réponse/, check: withCard }], // not an option here
      [submit('vente_en_ligne', []), { says: /Cochez ce qui s’applique/, check: withCard }], // nothing ticked
      [
        submit('gestion_outils_partages', ['agenda']),
        { says: /Cochez ce qui s’applique/, hasButton: 'Passer cette question', check: withCard },
      ], // a stale card
      // Web Chat sends a multi-select ChoiceSet as « a,b ».
      [{ value: { questionId: 'vente_en_ligne', values: 'reservation,paiement_distance' } }, /part de votre chiffre d'affaires/],
    ]);
    expect((await currentAnswers(app.virage, chat.subject)).vente_en_ligne).toEqual({
      type: 'multi',
      values: ['reservation', 'paiement_distance'],
    });
  });
});
