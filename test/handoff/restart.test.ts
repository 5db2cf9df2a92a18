import { describe, expect, test } from '@jest/globals';
import { PrivacyRegistry } from '../../src/privacy/registry.js';
import { handoffPrivacySource } from '../../src/handoff/status.js';
import { call, login, startConsole } from './harness.js';
import { MONDAY_10H_WINTER, PASSWORD, request, testDirectory } from './helpers.js';

describe('restart during a waiting handoff (same DATA_DIR, real file store)', () => {
  test('requests, queue order, wait estimates and advisor sessions survive', async () => {
    const directory = await testDirectory(true);
    const first = await startConsole(directory, MONDAY_10H_WINTER);
    const a = await first.service.create(request('webchat:alice'));
    first.clock.advance(60_000);
    const b = await first.service.create(request('webchat:bob'));
    first.clock.advance(60_000);
    const c = await first.service.create(request('webchat:carol'));
    await first.service.take(
      { login: 'claire.martin', displayName: 'Claire Martin', firstName: 'Claire', cciId: 'cci-exemple-gironde' },
      a.request.id,
    );
    await first.service.postUserMessage(a.request.id, 'Je suis toujours là');
    const session = await login(first.url, 'claire.martin', PASSWORD);
    const before = first.service.queueOf('cci-exemple-gironde');
    await first.stop();

    const second = await startConsole(directory, '2025-11-24T09:03:00.000Z', first.dataDir);
    try {
      expect(second.service.queueOf('cci-exemple-gironde')).toEqual(before);
      expect(before.map((e) => [e.id, e.position, e.expectedWaitMs])).toEqual([
        [b.request.id, 1, 120_000],
        [c.request.id, 2, 240_000],
      ]);
      const alice = await second.service.get(a.request.id);
      expect(alice).toMatchObject({
        status: 'en_cours',
        messages: [{ from: 'user', text: 'Je suis toujours là' }],
        context: { profile: { Secteur: 'Commerce de détail' } },
      });
      expect((await second.service.getByReference(c.request.reference))?.id).toBe(c.request.id);
      expect((await second.service.liveFor('webchat:bob'))?.conversation).toEqual(b.request.conversation);

      const list = await call(second.url, 'GET', '/api/conseiller/requests', session);
      expect(list.status).toBe(200);
      expect(list.json.waiting.map((r: { id: string; position: number }) => [r.id, r.position])).toEqual([
        [b.request.id, 1],
        [c.request.id, 2],
      ]);
      const taken = await call(second.url, 'POST', `/api/conseiller/requests/${b.request.id}/take`, session);
      expect(taken.status).toBe(200);
      expect(second.service.queueOf('cci-exemple-gironde').map((e) => [e.id, e.position])).toEqual([[c.request.id, 1]]);
    } finally {
      await second.stop();
    }
  });
});

describe('privacy', () => {
  test('export and erasure by subject, purge after the retention period', async () => {
    const h = await startConsole(await testDirectory(), MONDAY_10H_WINTER);
    try {
      const registry = new PrivacyRegistry();
      registry.register(handoffPrivacySource(h.service, 365));
      const a1 = await h.service.create(request('webchat:alice'));
      const b = await h.service.create(request('webchat:bob'));
      const ended: string[] = [];
      h.service.onEvent((e) => e.type === 'request.ended' && ended.push(e.request.id));

      const exported = await registry.exportFor('webchat:alice');
      const source = exported.sources.find((s) => s.name === 'handoffs')!;
      expect(source.description).toMatch(/conseiller CCI/);
      expect(source.data).toEqual([
        expect.objectContaining({
          reference: a1.request.reference,
          contact: expect.objectContaining({ email: 'marie@boulangerie-dupont.fr' }),
        }),
      ]);

      const erased = await registry.eraseFor('webchat:alice');
      expect(erased).toEqual({ erased: { handoffs: 1 }, failed: [] });
      expect(ended).toEqual([a1.request.id]);
      expect(await h.service.get(a1.request.id)).toBeUndefined();
      expect(await h.service.latestFor('webchat:alice')).toBeUndefined();
      expect(h.service.queueOf('cci-exemple-gironde').map((e) => [e.id, e.position])).toEqual([[b.request.id, 1]]);
      expect((await registry.exportFor('webchat:alice')).sources[0]!.data).toEqual([]);

      expect(await registry.purge(new Date('2026-11-20T00:00:00Z'))).toEqual({ handoffs: 0 });
      expect(await registry.purge(new Date('2026-11-25T00:00:00Z'))).toEqual({ handoffs: 1 });
      expect(h.service.queueOf('cci-exemple-gironde')).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});
