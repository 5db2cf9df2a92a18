import { describe, expect, test } from '@jest/globals';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { HandoffService } from '../../src/handoff/service.js';
import { HandoffError } from '../../src/handoff/requests.js';
import { WaitQueues } from '../../src/handoff/queue.js';
import { roughWait } from '../../src/handoff/paris-time.js';
import { describeStatus, statusFor } from '../../src/handoff/status.js';
import type { HandoffEvent } from '../../src/handoff/events.js';
import { checkEmail, checkPhone, checkReason } from '../../src/handoff/contact.js';
import { claire, karim, MONDAY_10H_WINTER, movableClock, oneAdvisorAvailable, request, testDirectory } from './helpers.js';

async function setup(start = MONDAY_10H_WINTER) {
  const clock = movableClock(start);
  const directory = await testDirectory();
  const service = await HandoffService.open({
    store: new MemoryStore(),
    directory: () => directory,
    clock: clock.now,
    availability: oneAdvisorAvailable,
  });
  const events: HandoffEvent[] = [];
  service.onEvent((e) => events.push(e));
  return { clock, service, events };
}

describe('live queue', () => {
  test('two users: positions, expected waits, take, and the second moves up', async () => {
    const { clock, service, events } = await setup();
    const a = await service.create(request('webchat:alice'));
    clock.advance(60_000);
    const b = await service.create(request('webchat:bob'));
    expect(a.request.status).toBe('en_attente');
    expect(a.request.reference).toMatch(/^VIR-[2-9A-HJKMNP-Z]{5}$/);
    // No take time measured yet: positions, but no estimate (never a made-up one).
    expect(a.queue).toMatchObject({ position: 1 });
    expect(b.queue).toMatchObject({ position: 2 });
    expect(a.queue!.expectedWaitMs).toBeUndefined();
    expect(describeStatus(b.request, b.queue)).toBe(`Votre demande ${b.request.reference} est en attente : vous êtes en 2e position.`);
    expect(service.queueOf('cci-exemple-gironde').map((e) => e.subject)).toEqual(['webchat:alice', 'webchat:bob']);

    clock.advance(60_000); // alice waited 2 minutes
    events.length = 0;
    const taken = await service.take(claire, a.request.id);
    expect(taken).toMatchObject({ status: 'en_cours', advisor: { login: 'claire.martin' } });
    const moved = events.find((e) => e.type === 'queue.moved');
    expect(moved).toMatchObject({
      cciId: 'cci-exemple-gironde',
      entries: [{ subject: 'webchat:bob', position: 1, expectedWaitMs: 2 * 60_000 }],
    });
    expect(events.map((e) => e.type)).toEqual(['queue.moved', 'request.taken']);

    const status = await statusFor(service, 'webchat:bob');
    expect(status).toMatchObject({ position: 1, expectedWaitMs: 120_000 });
    expect(status!.text).toBe(
      `Votre demande ${b.request.reference} est en attente : vous êtes en 1re position, attente estimée : moins de 5 minutes.`,
    );
    expect((await statusFor(service, 'webchat:alice'))!.text).toContain('Claire échange avec vous');
  });

  test('estimates: median of recent take times, one per round of the advisors free, in rounded words', async () => {
    let free = 2;
    const queues = new WaitQueues(() => free);
    expect(queues.expectedWaitMs('c', 1)).toBeUndefined();
    for (const minutes of [4, 12, 8, 60]) queues.recordTake('c', minutes * 60_000);
    expect(queues.typicalTakeMs('c')).toBe(10 * 60_000); // median: one slow take does not skew it
    expect([1, 2, 3].map((p) => queues.expectedWaitMs('c', p))).toEqual([600_000, 600_000, 1_200_000]);
    free = 0; // nobody free right now: counted as one round per person ahead
    expect(queues.expectedWaitMs('c', 2)).toBe(1_200_000);
    expect([60_000, 299_999, 7 * 60_000, 12 * 60_000, 53 * 60_000, 80 * 60_000].map(roughWait)).toEqual([
      'moins de 5 minutes',
      'moins de 5 minutes',
      'environ 5 minutes',
      'environ 10 minutes',
      'environ une heure',
      'plus d’une heure',
    ]);
  });

  test('a request cannot be taken twice, nor by another CCI', async () => {
    const { service } = await setup();
    const { request: r } = await service.create(request('webchat:alice'));
    await expect(service.take(karim, r.id)).rejects.toMatchObject({ code: 'NotFound' });
    await service.take(claire, r.id);
    await expect(service.take({ ...claire, login: 'autre' }, r.id)).rejects.toThrow(/déjà prise en charge par Claire Martin/);
  });

  test('messages both ways are stored and emitted; end and give back to the bot', async () => {
    const { service, events } = await setup();
    const { request: r } = await service.create(request('webchat:alice'));
    await expect(service.postAdvisorMessage(r.id, claire, 'Bonjour')).rejects.toBeInstanceOf(HandoffError);
    await service.take(claire, r.id);
    await service.postAdvisorMessage(r.id, claire, 'Bonjour, je suis Claire.');
    const after = await service.postUserMessage(r.id, 'Bonjour Claire');
    expect(after.messages.map((m) => [m.from, m.text])).toEqual([
      ['advisor', 'Bonjour, je suis Claire.'],
      ['user', 'Bonjour Claire'],
    ]);
    expect(events.filter((e) => e.type.startsWith('message.')).map((e) => e.type)).toEqual(['message.advisor', 'message.user']);
    await expect(service.postAdvisorMessage(r.id, claire, '   ')).rejects.toThrow(/vide/);
    expect((await service.liveFor('webchat:alice'))?.id).toBe(r.id);
    const back = await service.giveBackToBot(r.id, claire);
    expect(back).toMatchObject({ status: 'clos', endedBy: 'bot' });
    expect(events.at(-1)).toMatchObject({ type: 'request.ended', by: 'bot' });
    expect(await service.liveFor('webchat:alice')).toBeUndefined();
    await expect(service.end(r.id, 'user')).rejects.toMatchObject({ code: 'Conflict' });
  });

  test('waiting timeout turns waiting requests into callback tickets at the next slot', async () => {
    const { clock, service, events } = await setup('2025-11-24T16:00:00.000Z'); // 17:00, Gironde closes at 17:30
    const a = await service.create(request('webchat:alice'));
    clock.advance(5 * 60_000);
    const b = await service.create(request('webchat:bob'));
    clock.advance(6 * 60_000);
    const converted = await service.timeoutWaiting(clock.now(), 10 * 60_000);
    expect(converted.map((r) => r.id)).toEqual([a.request.id]);
    expect(converted[0]).toMatchObject({
      kind: 'callback',
      status: 'rappel',
      callbackLabel: 'mardi 25 novembre à 9 h 00',
      callbackAt: '2025-11-25T08:00:00.000Z',
    });
    expect(events.filter((e) => e.type === 'request.callback')).toHaveLength(1);
    expect(service.queueOf('cci-exemple-gironde').map((e) => [e.id, e.position])).toEqual([[b.request.id, 1]]);
    expect((await statusFor(service, 'webchat:alice'))!.text).toContain('à partir du mardi 25 novembre à 9 h 00');
  });

  test('outside office hours a live request becomes a callback ticket at once', async () => {
    const { service } = await setup('2025-11-23T11:00:00.000Z'); // Sunday
    const { request: r, queue } = await service.create(request('webchat:alice', { departement: '75' }));
    expect(queue).toBeUndefined();
    expect(r).toMatchObject({ cciId: 'national', kind: 'callback', status: 'rappel', callbackLabel: 'lundi 24 novembre à 9 h 00' });
  });

  test('ticket workflow: nouveau → en cours → rappelé → clos, with notes and rating', async () => {
    const { service } = await setup('2025-11-23T11:00:00.000Z');
    const { request: r } = await service.create(request('webchat:alice', { mode: 'callback' }));
    await service.take(claire, r.id);
    await service.addNote(r.id, claire, 'Appelée lundi, rappeler jeudi.');
    await service.setTicketStatus(r.id, claire, 'rappele');
    await expect(service.setTicketStatus(r.id, claire, 'inconnu' as never)).rejects.toMatchObject({ code: 'BadArgument' });
    const closed = await service.setTicketStatus(r.id, claire, 'clos');
    expect(closed).toMatchObject({
      status: 'clos',
      endedBy: 'advisor',
      notes: [{ by: 'Claire Martin', text: 'Appelée lundi, rappeler jeudi.' }],
    });
    expect((await service.rate(r.id, 5)).rating).toBe(5);
    await expect(service.rate(r.id, 6)).rejects.toThrow(/1 à 5/);
    expect(describeStatus(closed)).toContain('est close');
  });

  test('the context package is bounded and free of prototype keys', async () => {
    const { service } = await setup();
    const transcript = Array.from({ length: 50 }, (_, i) => ({ from: 'user' as const, text: `message ${i}` }));
    const profile = JSON.parse('{"__proto__": {"isAdvisor": true}, "Secteur": "BTP"}');
    const { request: r } = await service.create(request('webchat:alice', { context: { transcript, profile } }));
    const stored = (await service.get(r.id))!;
    expect(stored.context.transcript).toHaveLength(30);
    expect(stored.context.transcript[0]!.text).toBe('message 20');
    expect(stored.context.profile).toEqual({ Secteur: 'BTP' });
    expect(({} as Record<string, unknown>).isAdvisor).toBeUndefined();
    expect(await service.getByReference(r.reference.toLowerCase().replace('-', ' '))).toMatchObject({ id: r.id });
  });
});

describe('contact checks', () => {
  test('French e-mails and phone numbers, with reprompts', () => {
    expect(checkEmail(' Marie.Dupont@Boulangerie-Dupont.FR ')).toEqual({ ok: true, value: 'Marie.Dupont@boulangerie-dupont.fr' });
    expect(checkEmail('marie@dupont')).toMatchObject({ ok: false, reprompt: expect.stringContaining('adresse e-mail') });
    expect(checkPhone('06.12.34.56.78')).toEqual({ ok: true, value: '06 12 34 56 78' });
    expect(checkPhone('+33 6 12 34 56 78')).toEqual({ ok: true, value: '06 12 34 56 78' });
    expect(checkPhone('+33 (0)5 56 00 00 00')).toEqual({ ok: true, value: '05 56 00 00 00' });
    expect(checkPhone('0033556000000')).toEqual({ ok: true, value: '05 56 00 00 00' });
    expect(checkPhone('12345')).toMatchObject({ ok: false, reprompt: expect.stringContaining('06 12 34 56 78') });
    expect(checkReason('ok')).toMatchObject({ ok: false });
  });
});
