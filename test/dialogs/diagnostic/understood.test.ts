// « Understood as meant » (issue 10), through /api/messages and the real file store: ordinary answers
// never start another flow, commands need an explicit phrase (erase and restart also a confirmation),
// free-text answers are said back and can be corrected, one message may fill several questions,
// competing readings are asked, and a person who only types can never be stuck.
import { startVirage, type Running } from '../../helpers/virage.js';
import { buttons } from '../../helpers/emulator.js';
import { asks, Chat, currentAnswers, DIAG, joined } from './steps.js';
import { answerUntil, askedQuestion, finishDiagnostic } from './typical.js';

describe('diagnostic: understood as meant', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  const open = async (): Promise<Chat> => {
    const chat = new Chat(app.url);
    await chat.run([['bonjour'], [DIAG, asks(1)]]);
    return chat;
  };
  const answers = (chat: Chat) => currentAnswers(app.virage, chat.subject);
  /** A new chat, answered by buttons up to the question `id`. */
  const openAt = async (id: string): Promise<Chat> => {
    const chat = await open();
    await answerUntil(chat, id);
    return chat;
  };
  /** Says `text` at the question `id` of a new chat; expects it stored as `answer` and said back (`echo`) with how to correct it. */
  const storedSaidBack = async (id: string, text: string, echo: string, answer: unknown): Promise<Chat> => {
    const chat = await openAt(id);
    expect(joined(await chat.say(text))).toMatch(new RegExp(`Noté : ${echo}\\. Si ce n’est pas ce que vous vouliez dire`));
    expect((await answers(chat))[id]).toEqual(answer);
    return chat;
  };

  it('ordinary answers that contain command words are answers: no erase, pause, back, restart or advisor', async () => {
    const chat = await open();
    const ordinary: Array<[string, string, unknown]> = [
      ['strategie_priorites', 'plus de clients', { type: 'yesno', value: 'yes' }],
      ['strategie_pilote', "ben moi le soir quand j'ai 5 minutes", { type: 'choice', value: 'moi_au_fil' }],
      ['vente_en_ligne', 'on prend les rendez-vous par téléphone seulement', { type: 'multi', values: ['aucun'] }],
      ['gestion_logiciel_metier', "la compta c'est le comptable qui fait tout", undefined],
      ['ia_sobriete', "on imprime moins qu'avant", { type: 'yesno', value: 'yes' }],
    ];
    for (const [id, text, expected] of ordinary) {
      await answerUntil(chat, id);
      const replies = await chat.say(text);
      const said = joined(replies);
      expect(said).not.toMatch(
        /effacer|recommencer le diagnostic depuis|Revenons à la question|diagnostic est enregistré|mettre en relation|Êtes-vous d’accord/,
      );
      if (!expected) {
        // No sure reading: a question with buttons, never another flow.
        expect(said).toMatch(/Pour être sûr|Noté : /);
        if (!/Noté : /.test(said)) await chat.say('Je ne sais pas');
        continue;
      }
      expect(said).toMatch(/Noté : /);
      expect(askedQuestion(replies)?.id).not.toBe(id);
      expect((await answers(chat))[id]).toEqual(expected);
    }
  });

  it('erase needs the explicit phrase and a confirmation; anything but yes returns to the exact question, answers intact', async () => {
    const chat = await open();
    await chat.run([
      ['1 à 4 salariés', asks(2)],
      ['Services aux particuliers', asks(3)],
    ]);
    await chat.run([
      ['je voudrais supprimer mes données', { says: /effacer/, buttons: ['Oui, tout effacer', 'Non, garder'] }],
      ['non', asks(3)],
    ]);
    expect(Object.keys(await answers(chat))).toEqual(['profil_effectif', 'profil_secteur']);
    await chat.run([
      ['recommencer le diagnostic', { says: /vraiment recommencer/ }],
      ['euh attendez', asks(3, /on continue/)],
      // « reprendre mon diagnostic » while in it is not a wrong answer: the same question again.
      ['reprendre mon diagnostic', asks(3, /Reprenons/)],
    ]);
    expect(Object.keys(await answers(chat))).toHaveLength(2);
  });

  it('a command word alone that is also an answer is asked about; a question mid-way is answered and never stored', async () => {
    const chat = await open();
    await answerUntil(chat, 'gestion_logiciel_factures');
    const asked = await chat.say("c'est quoi la facture électronique ?");
    expect(joined(asked)).toMatch(/Reprenons/);
    expect(askedQuestion(asked)?.id).toBe('gestion_logiciel_factures');
    expect((await answers(chat)).gestion_logiciel_factures).toBeUndefined();
    // « je veux faire une pause mais oui on a un logiciel » holds both: Virage asks which.
    const both = await chat.say('oui on a un logiciel mais je voudrais faire une pause');
    expect(joined(both)).toMatch(/vous répondez à la question, ou vous voulez « Faire une pause »/);
    await chat.say(buttons(both)[0]);
    expect((await answers(chat)).gestion_logiciel_factures).toEqual({ type: 'yesno', value: 'yes' });
  });

  it('says back a free-text answer; « non, on est 3 », « je me suis trompé, c’est en Gironde » and « corriger » change it', async () => {
    const chat = await open();
    const first = await chat.say('on est 8');
    expect(joined(first)).toMatch(/Noté : 7 salariés \(5 à 9\)\./);
    await chat.say('non, on est 3');
    expect((await answers(chat)).profil_effectif).toEqual({ type: 'size', value: '1-4' });
    expect(joined(chat.last)).toMatch(/C’est corrigé : 2 salariés \(1 à 4\)/);
    await answerUntil(chat, 'profil_localisation');
    await chat.run([['à Lyon', /Noté : Rhône \(69\)/]]);
    await chat.run([["je me suis trompé, c'est en Gironde", /C’est corrigé : Gironde \(33\)/]]);
    expect((await answers(chat)).profil_localisation).toMatchObject({ type: 'location', departement: '33' });
    await chat.run([['corriger', /Vous aviez répondu : « 33 »/]]);
    expect(askedQuestion(chat.last)?.id).toBe('profil_localisation');
    await chat.run([['Pyrénées-Atlantiques', /Noté : Pyrénées-Atlantiques \(64\)/]]);
    expect((await answers(chat)).profil_localisation).toMatchObject({ departement: '64' });
  });

  it('stores a weakly read answer, says it back with how to correct it, and takes the correction', async () => {
    const chat = await open();
    await answerUntil(chat, 'ia_sobriete');
    const replies = await chat.say("l'ordi du bureau a sept ans");
    expect(joined(replies)).toMatch(/Noté : oui\. Si ce n’est pas ce que vous vouliez dire, écrivez « corriger »/);
    expect((await answers(chat)).ia_sobriete).toEqual({ type: 'yesno', value: 'yes' });
    await chat.say('non, on ne fait pas attention à ça');
    expect((await answers(chat)).ia_sobriete).toEqual({ type: 'yesno', value: 'no' });
  });

  it('the reader learned from labelled examples: buttons where the rules read nothing or read otherwise, a choice settled where they hesitate, a very sure reading stored', async () => {
    const chat = await openAt('ia_sobriete');
    // The rules read nothing here; the learned reader offers its two best readings, never « je n’ai pas compris ».
    const unread = await chat.say('nos machines tiennent dix ans');
    expect(joined(unread)).toMatch(/laquelle de ces réponses est la bonne/);
    expect(joined(unread)).not.toMatch(/pas bien compris/);
    expect(buttons(unread)).toContain('Oui');
    expect((await answers(chat)).ia_sobriete).toBeUndefined();
    await chat.say('Oui');
    expect((await answers(chat)).ia_sobriete).toEqual({ type: 'yesno', value: 'yes' });

    // A weak « oui » of the rules that the learned reader reads « non » (not very surely): both are offered.
    const other = await openAt('ia_sobriete');
    const doubted = await other.say('nos ordinateurs ont huit ans');
    expect(buttons(doubted)).toEqual(expect.arrayContaining(['Non', 'Oui', 'Je ne sais pas']));
    expect((await answers(other)).ia_sobriete).toBeUndefined();
    await other.say('Oui');
    expect((await answers(other)).ia_sobriete).toEqual({ type: 'yesno', value: 'yes' });
    // A weak « non » of the rules (« partent ») that the learned reader reads « oui » very surely: stored, said back.
    await storedSaidBack('ia_sobriete', 'les vieux portables partent chez Emmaüs', 'oui', { type: 'yesno', value: 'yes' });

    // The rules hesitate between « dirigeant salarié » and « indépendant »; the learned reader is sure: stored, said back.
    await storedSaidBack('profil_statut', "gérante minoritaire d'une SARL de transport, salariée", 'dirigeant salarié', {
      type: 'choice',
      value: 'dirigeant-salarie',
    });

    // The rules read nothing, and the learned reader is very sure: stored, said back with how to correct it.
    const fourth = await storedSaidBack(
      'competences_formation',
      'ma comptable a fait deux jours sur le logiciel de caisse cet automne',
      'oui',
      { type: 'yesno', value: 'yes' },
    );
    await fourth.say('corriger');
    await fourth.say('Non');
    expect((await answers(fourth)).competences_formation).toEqual({ type: 'yesno', value: 'no' });
  });

  it('fills several questions from one message and does not ask them again; asks between two readings', async () => {
    const chat = await open();
    const replies = await chat.say('je suis boulanger à Bordeaux avec 8 salariés');
    expect(joined(replies)).toMatch(/Noté : 8 salariés \(5 à 9\) · secteur : .* · département : Gironde \(33\)\./);
    expect(await answers(chat)).toMatchObject({
      profil_effectif: { type: 'size', value: '5-9' },
      profil_secteur: { type: 'sector', value: 'metiers_bouche' },
      profil_localisation: { type: 'location', departement: '33' },
    });
    expect(askedQuestion(replies)?.id).toBe('profil_clientele');
    expect(joined(replies)).toMatch(/Question 3\/34/);

    const other = await open();
    const two = await other.say('4 ou 5 salariés');
    expect(joined(two)).toMatch(/laquelle de ces réponses/);
    expect(buttons(two)).toHaveLength(3);
    expect(buttons(two)[2]).toBe('Je ne sais pas');
    await other.say(buttons(two)[1]);
    expect((await answers(other)).profil_effectif).toEqual({ type: 'size', value: '5-9' });
  });

  it('a person who only types finishes: « passer » and « je ne sais pas » work everywhere, cards included', async () => {
    const chat = await open();
    const typed: Record<string, string> = {
      profil_effectif: 'moi et mon apprenti',
      profil_secteur: 'passer',
      profil_clientele: 'je ne sais pas',
      profil_localisation: '33',
      profil_statut: 'passer',
      profil_factures: 'je sais pas',
      vente_en_ligne: 'passer',
      gestion_outils_partages: 'je ne sais pas',
    };
    let replies = chat.last;
    for (let turns = 0; turns < 60 && askedQuestion(replies); turns++) {
      const q = askedQuestion(replies)!;
      replies = await chat.say(typed[q.id] ?? 'je ne sais pas');
      expect(askedQuestion(replies)?.id).not.toBe(q.id);
    }
    expect(joined(replies)).toMatch(/Voici votre bilan/);
  });

  it('« oui » answers the bot’s own offer after the result (« voulez-vous que je vous mette en relation ? »)', async () => {
    const chat = await open();
    // No site, no backup, an incident in progress: the result suggests an advisor.
    const replies = await finishDiagnostic(chat, { cyber_incident: "Oui, c'est en cours", cyber_sauvegarde: 'Non' });
    expect(joined(replies)).toMatch(/voulez-vous que je vous mette en relation \?/);
    await chat.run([['oui', /Pour vous mettre en relation[\s\S]*Êtes-vous d’accord/]]);
  });

  it('the handoff form takes name, e-mail and phone from one message, asks only what is missing, and the diagnostic reuses its département', async () => {
    const chat = new Chat(app.url);
    await chat.run([
      ['bonjour'],
      ['Parler à un conseiller', /Êtes-vous d’accord/],
      ['oui', /votre nom/],
      ['Jean Dupont, jean@exemple.fr, 06 12 34 56 78', /nom de votre entreprise/],
      ['Plomberie Dupont', /département/],
      ['Gironde', /sur quel sujet/],
      ['Mon site internet', /Jean Dupont, Plomberie Dupont, jean@exemple\.fr, 06 12 34 56 78/],
      ['Annuler', /rien transmis/],
    ]);
    const summary = chat.log.join('\n');
    expect(summary).not.toMatch(/adresse e-mail le conseiller/);
    // The département typed in the handoff form is not asked again.
    await chat.run([
      [DIAG, /Gironde \(33\)/],
      ['Seul(e), sans salarié', asks(2)],
      ['plombier', asks(3)],
      ['Des particuliers', asks(5)],
    ]);
    expect((await answers(chat)).profil_localisation).toMatchObject({ type: 'location', departement: '33' });
    expect(askedQuestion(chat.last)?.id).toBe('profil_statut');
  });

  it('keeps what the person said before the diagnostic started (« je suis agricultrice en Aveyron »)', async () => {
    const chat = new Chat(app.url);
    await chat.run([
      // A question first (so the diagnostic does not start at once), then the diagnostic asked for.
      ['bonjour, je suis agricultrice en Aveyron avec deux salariés, vous pouvez m’aider ?'],
      ['je voudrais faire le diagnostic', /Noté : .*Aveyron \(12\)/],
    ]);
    expect(await answers(chat)).toMatchObject({
      profil_effectif: { type: 'size', value: '1-4' },
      profil_secteur: { type: 'sector', value: 'agriculture' },
      profil_localisation: { type: 'location', departement: '12' },
    });
    expect(askedQuestion(chat.last)?.id).toBe('profil_clientele');
  });

  it('starts the diagnostic when the first message presents the firm (« électricienne à Limoges, on est trois »)', async () => {
    const chat = new Chat(app.url);
    await chat.run([['bonjour, jsuis électricienne à Limoges, on est trois', /Noté : .*Haute-Vienne \(87\)/]]);
    expect(await answers(chat)).toMatchObject({
      profil_effectif: { type: 'size', value: '1-4' },
      profil_secteur: { type: 'sector', value: 'construction' },
      profil_localisation: { type: 'location', departement: '87' },
    });
    // Asking for the diagnostic it has already started only asks the same question again.
    const asked = askedQuestion(chat.last)?.id;
    expect(joined(await chat.say('je voudrais faire le diagnostic'))).toMatch(/le diagnostic est commencé/);
    expect(askedQuestion(chat.last)?.id).toBe(asked);
    // A question about the firm is answered, not taken for the start of a diagnostic.
    const asking = new Chat(app.url);
    const replies = await asking.say('je suis électricienne à Limoges, comment avoir plus d’avis google ?');
    expect(joined(replies)).not.toMatch(/Noté :/);
  });

  it('starts the diagnostic, not a handoff, when a firm presented says who told them about it', async () => {
    const chat = new Chat(app.url);
    const replies = await chat.say('je tiens une imprimerie à Tours avec 6 employés, la chambre de commerce m’a parlé de ce bilan');
    expect(joined(replies)).not.toMatch(/Êtes-vous d’accord/);
    expect(joined(replies)).toMatch(/Noté : .*Indre-et-Loire \(37\)/);
    expect(await answers(chat)).toMatchObject({ profil_localisation: { type: 'location', departement: '37' } });
  });

  it('starts the diagnostic when a firm presented asks what it costs, and says so', async () => {
    const chat = new Chat(app.url);
    const replies = joined(await chat.say('je répare des bateaux à Lorient, on est quatre avec moi. c’est payant votre diagnostic ?'));
    expect(replies).toMatch(/gratuit/);
    expect(replies).toMatch(/Noté : .*Morbihan \(56\)/);
    // Asked alone at the menu, the question gets its answer and the menu again.
    const asking = new Chat(app.url);
    const info = joined(await asking.say('bonjour, ça prend combien de temps votre questionnaire ?'));
    expect(info).toMatch(/gratuit et sans engagement/);
    expect(info).not.toMatch(/Noté :|Je ne peux pas vous aider/);
  });

  it('reads a head count said in one clause of a long presentation', async () => {
    const chat = new Chat(app.url);
    await chat.say(
      'Bonjour, je dirige une miroiterie à Valence depuis quinze ans. On pose des vitrages et des miroirs. Nous sommes 6 avec moi, une SARL, et ma fille reprendra dans deux ou trois ans.',
    );
    expect(await answers(chat)).toMatchObject({ profil_effectif: { type: 'size', value: '5-9' } });
  });
});
