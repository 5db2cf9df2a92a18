// The handoff conversation step by step through /api/messages (expectReplies), on the real server and
// file store, with the handoff clock moved by the test: outside hours → callback ticket; within hours →
// live queue (an advisor's console open and « disponible »), the relay takes the user's messages,
// « terminer » → rating → the bot answers again. Each test has its own person and conversation.
import { buttons, texts } from '../../helpers/emulator.js';
import { claire } from '../../handoff/helpers.js';
import { consoleClient } from '../../handoff/clients.js';
import { fileRequest, fillRequest, MONDAY_10H, MONDAY_20H, say, startApp, type App } from './helpers.js';

const all = (replies: any[]) => texts(replies).join('\n');

describe('handoff dialog, outside office hours (Monday 20:00)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp(MONDAY_20H);
  });
  afterAll(() => app.stop());

  it('asks consent, contact details with clear reprompts, département, reason, then files a callback ticket', async () => {
    const url = app.url;
    await say(url, 'cb', 'bonjour');
    const consent = await say(url, 'cb', 'Parler à un conseiller');
    expect(all(consent)).toMatch(/notre conversation jusqu’ici, vos coordonnées et votre demande/);
    expect(all(consent)).toMatch(/365 jours/);
    expect(buttons(consent)).toEqual(['Oui, d’accord', 'Non merci']);
    expect(all(await say(url, 'cb', 'euh'))).toMatch(/Répondez « oui »/);
    expect(all(await say(url, 'cb', 'Oui, d’accord'))).toMatch(/votre nom/);
    expect(all(await say(url, 'cb', '1'))).toMatch(/2 à 120 caractères/);
    expect(all(await say(url, 'cb', 'Marie Dupont'))).toMatch(/entreprise/);
    expect(all(await say(url, 'cb', 'Boulangerie Dupont'))).toMatch(/adresse e-mail/);
    expect(all(await say(url, 'cb', 'marie@@boulangerie'))).toMatch(/ne semble pas valide.*prenom\.nom@entreprise\.fr/);
    expect(all(await say(url, 'cb', 'marie@boulangerie-dupont.fr'))).toMatch(/téléphone/);
    expect(all(await say(url, 'cb', '12 34'))).toMatch(/10 chiffres/);
    expect(all(await say(url, 'cb', '+33 6 12 34 56 78'))).toMatch(/département/);
    expect(all(await say(url, 'cb', 'Nouvelle-Aquitaine'))).toMatch(/préciser le département/);
    expect(all(await say(url, 'cb', 'on est à Bordeaux'))).toMatch(/sur quel sujet/);
    const summary = all(await say(url, 'cb', 'Je voudrais vendre mes pains en ligne'));
    expect(summary).toMatch(/Je transmets votre demande « Je voudrais vendre mes pains en ligne » à la CCI Exemple Gironde/);
    expect(summary).toMatch(/Marie Dupont, Boulangerie Dupont, marie@boulangerie-dupont\.fr, 06 12 34 56 78/);
    expect(summary).toMatch(/rappellera à partir de mardi 25 novembre à 9 h 00.*\n\nC’est bien ça/s);
    const done = await say(url, 'cb', 'Oui, c’est bien ça');
    expect(texts(done)[0]).toMatch(
      /^Votre demande VIR-[2-9A-Z]{5} est enregistrée\. La CCI Exemple Gironde vous rappellera à partir de mardi 25 novembre à 9 h 00\.$/,
    );
    expect(texts(done)).toContain('Que souhaitez-vous faire maintenant ?');

    const request = (await app.virage.handoff.service.latestFor('emulator:u-cb'))!;
    expect(request).toMatchObject({
      kind: 'callback',
      status: 'rappel',
      cciId: 'cci-exemple-gironde',
      departement: '33',
      reason: 'Je voudrais vendre mes pains en ligne',
    });
    expect(request.contact).toEqual({
      name: 'Marie Dupont',
      company: 'Boulangerie Dupont',
      email: 'marie@boulangerie-dupont.fr',
      phone: '06 12 34 56 78',
    });
    expect(request.context.transcript.some((l) => l.from === 'user' && l.text === 'on est à Bordeaux')).toBe(true);
    expect(request.context.transcript.some((l) => l.from === 'bot' && /votre nom/.test(l.text))).toBe(true);
    expect((request.conversation as any).conversation.id).toBe('cb');
    expect(texts(done)[0]).toContain(request.reference);

    // « où en est ma demande ? » at any time.
    expect(all(await say(url, 'cb', 'où en est ma demande ?'))).toContain(`Votre demande ${request.reference} est enregistrée`);
    // « mes données » lists the kept contact details.
    expect(all(await say(url, 'cb', 'mes données'))).toMatch(/Vos coordonnées gardées pour vos prochaines demandes/);
  });

  it('remembers the contact and the département next time, and prefills a meaningful reason', async () => {
    await fileRequest(app.url, 'nx');
    const consent = all(await say(app.url, 'nx', 'je voudrais parler à un conseiller pour la facture électronique de ma boulangerie'));
    expect(consent).toMatch(/conseiller de la CCI Exemple Gironde/);
    const summary = all(await say(app.url, 'nx', 'oui'));
    expect(summary).toMatch(
      /Je transmets votre demande « je voudrais parler à un conseiller pour la facture électronique de ma boulangerie »/,
    );
    expect(summary).toMatch(/Marie Dupont, Boulangerie Dupont, marie@boulangerie-dupont\.fr, 06 12 34 56 78/);
    expect(all(await say(app.url, 'nx', 'Modifier le motif'))).toMatch(/sur quel sujet/);
    expect(all(await say(app.url, 'nx', 'La facture électronique'))).toMatch(/« La facture électronique »/);
    expect(all(await say(app.url, 'nx', 'Annuler'))).toMatch(/je n’ai rien transmis/);
    expect((await app.virage.handoff.service.allFor('emulator:u-nx')).length).toBe(1);
  });

  it('offers an advisor when the user sounds frustrated at the menu, and passes the trigger on', async () => {
    await say(app.url, 'fr', 'bonjour');
    const offer = await say(app.url, 'fr', 'c’est nul');
    expect(all(offer)).toMatch(/Un conseiller de votre CCI peut prendre le relais/);
    expect(buttons(offer)[0]).toBe('Parler à un conseiller');
    expect(all(await say(app.url, 'fr', 'Parler à un conseiller'))).toMatch(/Êtes-vous d’accord/);
  });

  it('erases the kept contact details with « supprimer mes données »', async () => {
    await fileRequest(app.url, 'er');
    expect((await app.virage.privacy.exportFor('emulator:u-er')).sources.find((s) => s.name === 'handoff-contact')?.data).toMatchObject({
      name: 'Marie Dupont',
    });
    await say(app.url, 'er', 'supprimer mes données');
    expect(all(await say(app.url, 'er', 'Oui, tout effacer'))).toMatch(/toutes vos données ont été effacées/);
    expect(await app.virage.handoff.service.allFor('emulator:u-er')).toEqual([]);
    const data = await app.virage.privacy.exportFor('emulator:u-er');
    expect(data.sources.find((s) => s.name === 'handoff-contact')?.data ?? null).toBeNull();
    expect(all(await say(app.url, 'er', 'Parler à un conseiller'))).toMatch(/conseiller de votre CCI/);
    expect(all(await say(app.url, 'er', 'oui'))).toMatch(/votre nom/);
  });
});

describe('handoff dialog, within office hours (Monday 10:00)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp(MONDAY_10H, { HANDOFF_EMIT_EVENT: 'true' });
    const console = await consoleClient(app.url, 'claire.martin');
    expect((await console.setPresence('disponible')).status).toBe(200);
  });
  afterAll(() => app.stop());

  it('queues a live request, relays the user while live, ends on « terminer », takes the rating, then the bot answers again', async () => {
    const service = app.virage.handoff.service;
    expect((await fillRequest(app.url, 'lv')).join('\n')).toMatch(/Un conseiller est disponible/);
    const queued = await say(app.url, 'lv', 'Oui, c’est bien ça');
    const event = queued.find((a) => a.type === 'event');
    expect(event).toMatchObject({ name: 'handoff.initiate', value: { skill: 'cci-exemple-gironde', contact: { name: 'Marie Dupont' } } });
    expect(event.attachments[0]).toMatchObject({ contentType: 'application/json', name: 'Transcript' });
    expect(event.attachments[0].content.activities.some((a: any) => a.text === 'Boulangerie Dupont' && a.from.role === 'user')).toBe(true);
    expect(texts(queued)[0]).toMatch(
      /^Votre demande VIR-\w{5} est transmise à la CCI Exemple Gironde\. Vous êtes en 1re position\. Restez sur cette conversation/,
    );
    expect(buttons(queued)).toEqual(['Terminer l’échange']);
    const request = (await service.liveFor('emulator:u-lv'))!;
    expect(request.status).toBe('en_attente');

    expect(texts(await say(app.url, 'lv', 'Je suis toujours là'))).toEqual([
      'C’est noté : je le transmets au conseiller qui prendra votre demande.',
    ]);
    expect(await say(app.url, 'lv', 'menu')).toEqual([]); // relayed, not a command while live
    await service.take(claire, request.id);
    expect(await say(app.url, 'lv', 'Bonjour Claire')).toEqual([]);
    expect((await service.get(request.id))!.messages.map((m) => m.text)).toEqual(['Je suis toujours là', 'menu', 'Bonjour Claire']);
    expect(all(await say(app.url, 'lv', 'où en est ma demande ?'))).toMatch(/Claire échange avec vous/);

    const end = await say(app.url, 'lv', 'Terminer l’échange');
    expect(all(end)).toMatch(/L’échange est terminé\. Comment évaluez-vous cet échange/);
    expect(buttons(end)).toEqual(['⭐1', '⭐2', '⭐3', '⭐4', '⭐5']);
    expect((await service.get(request.id))!).toMatchObject({ status: 'clos', endedBy: 'user' });
    const rated = await say(app.url, 'lv', '⭐4');
    expect(texts(rated)).toEqual(['Merci pour votre note ! Je reprends la main.', 'Que souhaitez-vous faire maintenant ?']);
    expect((await service.get(request.id))!.rating).toBe(4);
    expect(all(await say(app.url, 'lv', 'aide'))).toMatch(/menu/);
  });

  it('« Être rappelé » files a callback ticket even when the CCI is open', async () => {
    await say(app.url, 'rp', 'bonjour');
    await say(app.url, 'rp', 'Être rappelé');
    for (const t of ['oui', 'Paul Martin', 'Garage Martin', 'passer', '05 56 00 00 00', '33']) await say(app.url, 'rp', t);
    const summary = all(await say(app.url, 'rp', 'Un devis pour un site'));
    expect(summary).toMatch(
      /Un conseiller vous rappellera dès que possible, aujourd’hui jusqu’à 12 h 30, sinon à partir de lundi 24 novembre à 13 h 30\./,
    );
    expect(summary).not.toMatch(/fermée/);
    expect(all(await say(app.url, 'rp', 'oui'))).toMatch(/est enregistrée/);
    expect((await app.virage.handoff.service.latestFor('emulator:u-rp'))!.contact).toEqual({
      name: 'Paul Martin',
      company: 'Garage Martin',
      phone: '05 56 00 00 00',
    });
  });

  it('cancels a waiting request on « terminer » and returns to the menu', async () => {
    await fillRequest(app.url, 'wt');
    await say(app.url, 'wt', 'oui');
    const r = (await app.virage.handoff.service.liveFor('emulator:u-wt'))!;
    const cancelled = texts(await say(app.url, 'wt', 'terminer'));
    expect(cancelled).toEqual([`D’accord, j’annule votre demande ${r.reference}.`, 'Que souhaitez-vous faire maintenant ?']);
    expect(await app.virage.handoff.service.liveFor('emulator:u-wt')).toBeUndefined();
  });
});
