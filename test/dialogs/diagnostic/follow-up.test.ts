// The follow-up diagnostic end to end, on a real Virage (real store, /api/messages as the Emulator talks)
// whose clock the test moves, with a real SMTP server capturing the reminder: consent after the result,
// one e-mail 6 months later (never two), the offer on return, T0 → T1 progress in the card, the PDF and
// the advisor console, export, erasure and « ne plus me relancer ».
import { inflateSync } from 'node:zlib';
import { call, login } from '../../handoff/harness.js';
import { PASSWORD, startApp, type App } from '../handoff/helpers.js';
import { pdfCompactText, compact } from '../../diagnostic/report/helpers.js';
import { buttons } from '../../helpers/emulator.js';
import { startSmtp, type SmtpCapture } from '../../helpers/smtp.js';
import { Chat, joined, resultOf } from './steps.js';
import { completeDiagnostic, finishDiagnostic } from './typical.js';

/** Monday 5 January 2026, 10:00 in Paris (UTC+1). */
const T0 = '2026-01-05T09:00:00.000Z';
/** Saturday 4 July 2026 (before the due date), then Monday 6 July 2026, 10:00 in Paris (UTC+2). */
const BEFORE_DUE = '2026-07-04T08:00:00.000Z';
const AFTER_DUE = '2026-07-06T08:00:00.000Z';
/** Better answers at T1: an e-mail on the firm's domain, a password manager, a training. */
const BETTER = { presence_domaine_email: 'Oui', cyber_mots_de_passe: 'Oui', competences_formation: 'Oui' };

let smtp: SmtpCapture;
let app: App;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startApp(T0, { SMTP_URL: smtp.url, SMTP_FROM: 'Virage <virage@cci.example>' });
});

afterAll(async () => {
  await app.stop();
  await smtp.close();
});

/** The text of a PDF as served (pdfkit's Flate streams inflated). */
function servedPdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let out = '';
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      out += inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      // not a Flate stream (fonts are built in; nothing else to read)
    }
  }
  return pdfCompactText(Buffer.from(out, 'latin1'));
}

/** The text body of a captured message (quoted-printable or base64, UTF-8). */
function bodyOf(data: string): string {
  const [head, ...rest] = data.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(head!)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head!)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

const followUpOf = (chat: Chat) => app.virage.followUp.consents.get(chat.subject);
const exported = async (chat: Chat) =>
  (await app.virage.privacy.exportFor(chat.subject)).sources.find((s) => s.name === 'follow-up')!.data as any;

/** Completes a diagnostic from the menu; the result is followed by the follow-up question. */
async function diagnosticThenQuestion(chat: Chat, overrides = {}): Promise<any[]> {
  const replies = await completeDiagnostic(chat, overrides);
  expect(joined(replies)).toMatch(/Voici votre bilan[\s\S]*Voulez-vous refaire le point dans 6 mois \?/);
  expect(buttons(replies)).toEqual(['Oui', 'Non merci']);
  return replies;
}

/** Fills a handoff request from the menu to its creation (live, or a callback when the CCI is closed). */
async function askAdvisor(chat: Chat): Promise<void> {
  await chat.say('Parler à un conseiller');
  const answers: Array<[RegExp, string]> = [
    [/C’est bien ça \?/, 'Oui, c’est bien ça'],
    [/Êtes-vous d’accord/, 'Oui, d’accord'],
    [/votre nom/, 'Marie Dupont'],
    [/nom de votre entreprise/, 'Boulangerie Dupont'],
    [/adresse e-mail/, 'marie@boulangerie-dupont.fr'],
    [/téléphone/, '06 12 34 56 78'],
    [/département/, '33'],
    [/sur quel sujet/, 'Je voudrais parler de mes progrès'],
  ];
  for (let turns = 0; turns < 10 && !(await app.virage.handoff.service.latestFor(chat.subject)); turns++) {
    const next = answers.find(([asked]) => asked.test(joined(chat.last)));
    if (!next) throw new Error(`unexpected:\n${chat.log.slice(-6).join('\n')}`);
    await chat.say(next[1]);
  }
}

describe('follow-up diagnostic', () => {
  it('records the consent with an e-mail, sends one reminder when due, offers it on return, and shows T0 → T1 everywhere', async () => {
    const chat = new Chat(app.url);
    await chat.say('bonjour');
    const first = resultOf(await diagnosticThenQuestion(chat)).diagnostic;
    await chat.run([
      ['oui', { says: /rappel par e-mail \?/, buttons: ['Passer'] }],
      ['pas une adresse', /ne semble pas valide/],
      [
        'marie@boulangerie-dupont.fr',
        /à partir du 5 juillet 2026, avec un rappel par e-mail à marie@boulangerie-dupont\.fr[\s\S]*ne plus me relancer/,
      ],
    ]);
    expect(await followUpOf(chat)).toMatchObject({
      channel: 'emulator',
      consentAt: T0,
      dueAt: '2026-07-05T09:00:00.000Z',
      email: 'marie@boulangerie-dupont.fr',
    });
    expect(await exported(chat)).toEqual({
      channel: 'emulator',
      consentAt: T0,
      dueAt: '2026-07-05T09:00:00.000Z',
      email: 'marie@boulangerie-dupont.fr',
    });

    // Not yet due: no e-mail, and no offer on return.
    app.clock.set(BEFORE_DUE);
    expect(await app.virage.followUp.reminders.runOnce()).toBe(0);
    expect(smtp.mails).toHaveLength(0);
    const early = new Chat(app.url, chat.userId);
    await early.run([['bonjour', { says: /Que souhaitez-vous faire/, not: /Il y a 6 mois/ }]]);

    // Due: one e-mail, never a second one.
    app.clock.set(AFTER_DUE);
    expect(await app.virage.followUp.reminders.runOnce()).toBe(1);
    expect(await app.virage.followUp.reminders.runOnce()).toBe(0);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['marie@boulangerie-dupont.fr']);
    const mail = bodyOf(smtp.mails[0]!.data);
    expect(smtp.mails[0]!.data).toMatch(/^Subject: /m);
    expect(mail).toContain('Le 5 janvier 2026, vous avez fait votre diagnostic numérique');
    expect(mail).toMatch(/voyez vos progrès axe par axe : http:\/\/(localhost|127\.0\.0\.1):\d+\//);
    expect(mail).toContain('« ne plus me relancer »');
    expect(mail).not.toContain(String(first.overall) + '/100');
    expect((await followUpOf(chat))!.remindedAt).toBe(AFTER_DUE);

    // Back in the chat: the offer, « oui » starts a new diagnostic.
    const back = new Chat(app.url, chat.userId);
    await back.run([
      ['bonjour', { says: /Il y a 6 mois, vous avez fait votre diagnostic\. On refait le point \?/, hasButton: 'Refaire le point' }],
      ['oui', /Question 1\//],
    ]);
    const replies = await finishDiagnostic(back, BETTER);
    const { card, diagnostic } = resultOf(replies);
    expect(diagnostic.overall).toBeGreaterThan(first.overall);
    const cardText = JSON.stringify(card);
    expect(cardText).toContain('Vos progrès depuis votre diagnostic du 5 janvier 2026');
    expect(cardText).toContain(`${first.overall} → ${diagnostic.overall} (+${diagnostic.overall - first.overall})`);
    const cyber = `${first.axes.cyber} → ${diagnostic.axes.cyber} (+${diagnostic.axes.cyber - first.axes.cyber})`;
    expect(cardText).toContain(cyber);
    // A new « oui » renews the consent from today (the saved e-mail is not asked again when known).
    await back.run([['Non merci', /ne vous relancerai pas/]]);
    expect(await followUpOf(chat)).toBeUndefined();

    // The PDF as served: the table before / after / change.
    const pdf = Buffer.from(await (await fetch(`${app.url}/diagnostic/${diagnostic.id}/rapport.pdf`)).arrayBuffer());
    const text = servedPdfText(pdf);
    expect(text).toContain(compact('Vos progrès depuis votre diagnostic du 5 janvier 2026'));
    expect(text).toContain(compact(`Score global${first.overall}${diagnostic.overall}+${diagnostic.overall - first.overall}`));
    expect(text).toContain(
      compact(`Cybersécurité et RGPD${first.axes.cyber}${diagnostic.axes.cyber}+${diagnostic.axes.cyber - first.axes.cyber}`),
    );

    // The advisor console: the request's context carries T0 → T1.
    await askAdvisor(back);
    const request = await app.virage.handoff.service.latestFor(back.subject);
    expect(request).toBeDefined();
    const claire = await login(app.url, 'claire.martin', PASSWORD);
    const detail = await call(app.url, 'GET', `/api/conseiller/requests/${request!.id}`, claire);
    expect(detail.status).toBe(200);
    const progress = (detail.json.request ?? detail.json).context.diagnostic.progress;
    expect(progress.since).toBe(T0);
    expect(progress.rows[0]).toEqual({ label: 'Score global', before: first.overall, after: diagnostic.overall });
    expect(progress.rows.find((r: any) => r.label === 'Cybersécurité et RGPD')).toEqual({
      label: 'Cybersécurité et RGPD',
      before: first.axes.cyber,
      after: diagnostic.axes.cyber,
    });
  });

  it('no consent, nothing recorded and nothing sent; the e-mail is optional', async () => {
    app.clock.set(T0);
    const no = new Chat(app.url);
    await no.say('bonjour');
    await diagnosticThenQuestion(no);
    await no.run([['non merci', /ne vous relancerai pas/]]);
    expect(await followUpOf(no)).toBeUndefined();
    expect(await exported(no)).toBeNull();

    const noMail = new Chat(app.url);
    await noMail.say('bonjour');
    await diagnosticThenQuestion(noMail);
    await noMail.run([
      ['Oui', /rappel par e-mail/],
      ['passer', /à partir du 5 juillet 2026 quand vous reviendrez/],
    ]);
    expect((await followUpOf(noMail))?.email).toBeUndefined();
    const before = smtp.mails.length;
    app.clock.set(AFTER_DUE);
    await app.virage.followUp.reminders.runOnce();
    expect(smtp.mails).toHaveLength(before);
    const back = new Chat(app.url, noMail.userId);
    await back.run([
      ['bonjour', /On refait le point \?/],
      ['Pas maintenant', /reproposerai/],
    ]);
  });

  it('« ne plus me relancer » withdraws the consent: no e-mail, no offer; erasure removes it', async () => {
    app.clock.set(T0);
    const chat = new Chat(app.url);
    await chat.say('bonjour');
    await diagnosticThenQuestion(chat);
    await chat.run([['oui'], ['paul@exemple.fr', /rappel par e-mail à paul@exemple\.fr/]]);
    await chat.run([['ne plus me relancer', /je ne vous relancerai plus/]]);
    expect(await followUpOf(chat)).toBeUndefined();
    await chat.run([['ne plus me relancer', /pas de relance prévue/]]);
    const before = smtp.mails.length;
    app.clock.set(AFTER_DUE);
    await app.virage.followUp.reminders.runOnce();
    expect(smtp.mails).toHaveLength(before);
    await new Chat(app.url, chat.userId).run([['bonjour', { says: /Que souhaitez-vous faire/, not: /Il y a 6 mois/ }]]);

    app.clock.set(T0);
    const other = new Chat(app.url);
    await other.say('bonjour');
    await diagnosticThenQuestion(other);
    await other.run([['oui'], ['passer']]);
    expect(await followUpOf(other)).toBeDefined();
    const erased = await app.virage.privacy.eraseFor(other.subject);
    expect(erased.erased['follow-up']).toBe(1);
    expect(await followUpOf(other)).toBeUndefined();
  });

  it('reuses the e-mail already given for an advisor, without asking it again', async () => {
    app.clock.set('2026-01-05T19:00:00.000Z'); // Monday 20:00: the CCI is closed, the request is a callback
    const chat = new Chat(app.url);
    await chat.say('bonjour');
    await askAdvisor(chat);
    expect((await app.virage.handoff.service.latestFor(chat.subject))?.kind).toBe('callback');
    await diagnosticThenQuestion(chat);
    await chat.run([
      [
        'oui',
        { says: /à partir du 5 juillet 2026, avec un rappel par e-mail à marie@boulangerie-dupont\.fr/, not: /Voulez-vous un rappel/ },
      ],
    ]);
    expect((await followUpOf(chat))?.email).toBe('marie@boulangerie-dupont.fr');
  });

  it('purges a consent 30 days after its reminder, or 60 days after the due date', async () => {
    const consents = app.virage.followUp.consents;
    app.clock.set(T0);
    await consents.consent('test:purge-1', 'test', 'a@exemple.fr');
    await consents.consent('test:purge-2', 'test');
    app.clock.set(AFTER_DUE);
    await app.virage.followUp.reminders.runOnce();
    await app.virage.retention.runOnce(new Date(Date.parse(AFTER_DUE) + 29 * 86400000));
    expect(await consents.get('test:purge-1')).toBeDefined();
    await app.virage.retention.runOnce(new Date(Date.parse(AFTER_DUE) + 31 * 86400000));
    expect(await consents.get('test:purge-1')).toBeUndefined();
    expect(await consents.get('test:purge-2')).toBeDefined();
    await app.virage.retention.runOnce(new Date(Date.parse('2026-07-05T09:00:00.000Z') + 61 * 86400000));
    expect(await consents.get('test:purge-2')).toBeUndefined();
  });
});
