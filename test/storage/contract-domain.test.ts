// The store contract, part 2: what the app keeps through the store — bot state with botbuilder's eTag
// semantics, Direct Line transcripts with watermarks, retention purges by age, and a person's export and
// erasure — run the same way against every backend (contract-backends.ts).
import { PrivacyRegistry, subjectId, type PersonalDataSource } from '../../src/privacy/registry.js';
import { EXPORT_FIELDS } from '../../src/privacy/export-fields.js';
import { SubjectIndex, type SubjectRecord } from '../../src/privacy/subjects.js';
import { BotStorage, type StoredItem } from '../../src/storage/bot-storage.js';
import { botStatePrivacySource } from '../../src/bot/state-privacy.js';
import { DiagnosticRecords, type StoredResult, type SubjectDiagnostics } from '../../src/diagnostic/records.js';
import { TranscriptStore } from '../../src/server/directline/transcripts.js';
import type { DocumentStore } from '../../src/storage/types.js';
import { contractBackends, useBackend } from './contract-backends.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-10T09:00:00.000Z');
const backends = await contractBackends('contrat du store (données de l’application)');

/** The app's personal-data sources on one store, with a clock the test moves. */
function app(store: DocumentStore, transaction?: ReturnType<NonNullable<(typeof backends)[number]['transaction']>>) {
  let now = T0;
  const clock = () => new Date(now);
  const subjects = new SubjectIndex(store.collection<SubjectRecord>('subjects'));
  const bot = new BotStorage(store.collection<StoredItem>('botstate'));
  const records = new DiagnosticRecords<{ score: number }>(
    store.collection<SubjectDiagnostics>('diagnostics'),
    store.collection<StoredResult<{ score: number }>>('diagnostic-results'),
    clock,
  );
  const transcripts = new TranscriptStore(store, () => now);
  const privacy = new PrivacyRegistry({ ...EXPORT_FIELDS, 'half-done': 'value' }, transaction);
  privacy.register(botStatePrivacySource(bot, subjects, 30));
  privacy.register(records.privacySource(365));
  privacy.register(transcripts.privacySource(30, () => undefined));
  return { subjects, bot, records, transcripts, privacy, clock, advance: (days: number) => (now += days * DAY) };
}

/** A person who talked on the web chat: bot state, a finished diagnostic and a transcript. */
async function person(a: ReturnType<typeof app>, userId: string) {
  const subject = subjectId('directline', userId);
  const conversation = `conv-${userId}`;
  await a.subjects.touch(subject, 'directline', userId, conversation, a.clock());
  await a.bot.write({ [`directline/conversations/${conversation}/`]: { step: 'q3' }, [`directline/users/${userId}/`]: { name: userId } });
  await a.records.start(subject, 'v1');
  const resultId = await a.records.complete(subject, { score: userId.length });
  await a.transcripts.open(conversation, userId, 'fr-FR');
  await a.transcripts.append(conversation, [{ type: 'message', text: `Bonjour, je suis ${userId}`, from: { id: userId, name: userId } }]);
  return { subject, conversation, resultId };
}

describe.each(backends.map((b) => [b.name, b] as const))('store contract: application data on %s', (_name, backend) => {
  const stores = useBackend(backend);

  test('bot state: create, read with an eTag, conflicting write rejected, "*" overwrites, delete', async () => {
    const bot = new BotStorage((await stores.open()).collection<StoredItem>('botstate'));
    await bot.write({ 'webchat/conversations/c1/': { step: 1 } });
    const first = (await bot.read(['webchat/conversations/c1/', 'missing']))['webchat/conversations/c1/'] as StoredItem;
    expect(first).toEqual({ step: 1, eTag: expect.any(String) });
    await bot.write({ 'webchat/conversations/c1/': { step: 2, eTag: first.eTag } });
    await expect(bot.write({ 'webchat/conversations/c1/': { step: 3, eTag: first.eTag } })).rejects.toThrow(
      'Storage: error writing "webchat/conversations/c1/" due to eTag conflict.',
    );
    await bot.write({ 'webchat/conversations/c1/': { step: 4, eTag: '*' } });
    expect((await bot.read(['webchat/conversations/c1/']))['webchat/conversations/c1/']).toMatchObject({ step: 4 });
    await bot.delete(['webchat/conversations/c1/']);
    expect(await bot.read(['webchat/conversations/c1/'])).toEqual({});
  });

  test('bot state: two turns racing on one eTag — exactly one wins', async () => {
    const bot = new BotStorage((await stores.open()).collection<StoredItem>('botstate'));
    await bot.write({ k: { n: 0 } });
    const { eTag } = (await bot.read(['k'])).k as StoredItem;
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => bot.write({ k: { n: i + 1, eTag } })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(7);
  });

  test('bot state: prototype-named and unicode keys are plain data', async () => {
    const bot = new BotStorage((await stores.open()).collection<StoredItem>('botstate'));
    await bot.write({ ['__proto__']: { a: 1 }, constructor: { b: 2 }, 'msteams/users/29:é😀/': { c: 3 } });
    const items = await bot.read(['__proto__', 'constructor', 'msteams/users/29:é😀/', 'toString']);
    expect(Object.keys(items).sort()).toEqual(['__proto__', 'constructor', 'msteams/users/29:é😀/']);
    expect(Object.getPrototypeOf(items)).toBe(Object.prototype);
    expect(items['msteams/users/29:é😀/']).toMatchObject({ c: 3 });
  });

  test('transcripts: append gives ids in order; reading from a watermark gives only what follows', async () => {
    const t = new TranscriptStore(await stores.open(), () => T0);
    expect((await t.open('c1', 'u1', 'fr-FR')).created).toBe(true);
    expect((await t.open('c1', 'u1', 'fr-FR')).created).toBe(false);
    const first = await t.append('c1', [
      { type: 'message', text: 'un' },
      { type: 'message', text: 'deux' },
    ]);
    expect(first.watermark).toBe(2);
    const second = await t.append('c1', [{ type: 'message', text: 'trois' }]);
    expect(second.stored[0]!.id).toMatch(/^c1\|0*3$/);
    expect((await t.since('c1', 0))!.activities.map((a) => a.text)).toEqual(['un', 'deux', 'trois']);
    expect(await t.since('c1', 2)).toEqual({ activities: [expect.objectContaining({ text: 'trois' })], watermark: 3 });
    expect(await t.since('c1', 3)).toEqual({ activities: [], watermark: 3 });
    expect(await t.since('unknown', 0)).toBeUndefined();
    await expect(t.append('unknown', [{ type: 'message' }])).rejects.toThrow(/not found/);
  });

  test('transcripts: concurrent appends to one conversation keep every activity, each with its own seq', async () => {
    const t = new TranscriptStore(await stores.open(), () => T0);
    await t.open('c1', 'u1', 'fr-FR');
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.append('c1', [{ type: 'message', text: `m${i}` }])));
    const all = (await t.since('c1', 0))!;
    expect(all.watermark).toBe(20);
    expect(new Set(all.activities.map((a) => a.id)).size).toBe(20);
    expect(all.activities.map((a) => a.text).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`).sort());
  });

  test('retention: purge removes what is older than each period and keeps the rest', async () => {
    const a = app(await stores.open());
    const old = await person(a, 'ancien');
    a.advance(40);
    const recent = await person(a, 'récent');
    const purged = await a.privacy.purge(a.clock());
    expect(purged).toEqual({ conversation: 1, diagnostics: 0, transcripts: 1 });
    expect(await a.transcripts.get(old.conversation)).toBeUndefined();
    expect(await a.transcripts.get(recent.conversation)).toBeDefined();
    expect(await a.subjects.get(old.subject)).toBeUndefined();
    expect(await a.records.result(old.resultId)).toEqual({ score: 6 }); // diagnostics are kept a year
    a.advance(400);
    expect((await a.privacy.purge(a.clock())).diagnostics).toBe(4); // two runs and two results
    expect(await a.records.result(recent.resultId)).toBeUndefined();
  });

  test('privacy: export and erase one person, leaving the others untouched', async () => {
    const store = await stores.open();
    const a = app(store, backend.transaction?.(store));
    const alice = await person(a, 'alice');
    const bob = await person(a, 'bob');
    const exported = await a.privacy.exportFor(alice.subject);
    const text = JSON.stringify(exported);
    expect(text).toContain('Bonjour, je suis alice');
    expect(text).not.toContain('bob');
    expect(exported.sources.map((s) => s.name)).toEqual(['conversation', 'diagnostics', 'transcripts']);
    const { erased, failed } = await a.privacy.eraseFor(alice.subject);
    expect(failed).toEqual([]);
    expect(erased).toEqual({ conversation: 2, diagnostics: 2, transcripts: 1 });
    expect((await a.privacy.exportFor(alice.subject)).sources.map((s) => s.data)).toEqual([null, null, []]);
    expect(JSON.stringify(await a.privacy.exportFor(bob.subject))).toContain('Bonjour, je suis bob');
    expect(await a.records.result(bob.resultId)).toEqual({ score: 3 });
  });

  (backend.transaction ? test : test.skip)(
    'privacy: erasure is one transaction — a failing source undoes only its own changes',
    async () => {
      const store = await stores.open();
      const a = app(store, backend.transaction!(store));
      const alice = await person(a, 'alice');
      const bob = await person(a, 'bob');
      const half: PersonalDataSource = {
        name: 'half-done',
        description: 'Une source qui échoue au milieu de son effacement',
        export: async () => null,
        erase: async () => {
          await a.transcripts.delete(bob.conversation); // work the failure must undo
          throw new Error('disk full');
        },
      };
      a.privacy.register(half);
      const { erased, failed } = await a.privacy.eraseFor(alice.subject);
      expect(failed).toEqual(['half-done']);
      expect(erased).toEqual({ conversation: 2, diagnostics: 2, transcripts: 1 });
      expect(await a.transcripts.get(alice.conversation)).toBeUndefined();
      expect(await a.records.result(alice.resultId)).toBeUndefined();
      expect(await a.transcripts.get(bob.conversation)).toBeDefined();
    },
  );
});
