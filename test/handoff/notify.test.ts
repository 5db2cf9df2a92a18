import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { HandoffService } from '../../src/handoff/service.js';
import { attachNotifier, Notifier } from '../../src/handoff/notify.js';
import { startSmtp, type SmtpCapture } from '../helpers/smtp.js';
import { MONDAY_10H_WINTER, movableClock, oneAdvisorAvailable, request, testDirectory } from './helpers.js';

interface Received {
  body: string;
  at: number;
}

let webhook: http.Server;
let webhookUrl: string;
const hits: Received[] = [];
let failuresLeft = 1;

let smtp: SmtpCapture;

beforeAll(async () => {
  webhook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hits.push({ body, at: Date.now() });
      // No chaining on writeHead: restify (loaded by other suites in this worker) patches it without returning `this`.
      res.statusCode = failuresLeft-- > 0 ? 503 : 204;
      res.end(res.statusCode === 503 ? 'indisponible' : undefined);
    });
  });
  await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));
  webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/virage`;

  smtp = await startSmtp();
});

afterAll(async () => {
  await new Promise<void>((r) => webhook.close(() => r()));
  await smtp.close();
});

describe('notification of a new request', () => {
  test('webhook retried after a failure, and an e-mail through SMTP; neither carries the transcript', async () => {
    const base = await testDirectory();
    const directory = {
      ...base,
      ccis: base.ccis.map((c) =>
        c.id === 'cci-exemple-gironde' ? { ...c, contact: { ...c.contact, webhookUrl, notifyEmail: 'equipe@gironde.cci.example' } } : c,
      ),
    };
    const service = await HandoffService.open({
      store: new MemoryStore(),
      directory: () => directory,
      clock: movableClock(MONDAY_10H_WINTER).now,
      availability: oneAdvisorAvailable,
    });
    const notifier = new Notifier({
      baseUrl: () => 'https://virage.cci.example',
      smtp: { url: smtp.url, from: 'Virage <virage@cci.example>' },
      baseDelayMs: 50,
    });
    attachNotifier(service, notifier);
    const { request: r } = await service.create(request('webchat:alice'));
    await notifier.idle();
    notifier.close();

    expect(hits).toHaveLength(2);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(45);
    const payload = JSON.parse(hits[1]!.body);
    expect(payload).toEqual({
      event: 'handoff.created',
      reference: r.reference,
      cci: { id: 'cci-exemple-gironde', name: 'CCI Exemple Gironde' },
      kind: 'live',
      status: 'en_attente',
      reason: 'Je voudrais créer un site pour vendre en ligne',
      departement: '33',
      createdAt: r.createdAt,
      consoleUrl: `https://virage.cci.example/conseiller?demande=${r.id}`,
    });
    expect(hits[1]!.body).not.toContain('Facebook');
    expect(hits[1]!.body).not.toContain('marie@');

    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['equipe@gironde.cci.example']);
    expect(smtp.mails[0]!.from).toBe('virage@cci.example');
    expect(smtp.mails[0]!.data).toContain(r.reference);
    expect(smtp.mails[0]!.data).not.toContain('Facebook');
  });

  test('a webhook that keeps failing is tried 3 times, then given up', async () => {
    hits.length = 0;
    failuresLeft = 10;
    const notifier = new Notifier({ baseUrl: () => 'http://localhost', baseDelayMs: 10 });
    const ok = await notifier.postWebhook(webhookUrl, {} as never);
    expect(ok).toBe(false);
    expect(hits).toHaveLength(3);
    const refused = await notifier.postWebhook('http://127.0.0.1:1/ferme', {} as never);
    expect(refused).toBe(false);
  });
});
