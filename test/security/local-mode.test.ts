// Hole 7: the quick start listened on 0.0.0.0 without channel authentication. /api/messages posted
// replies to any serviceUrl a caller gave (SSRF) and accepted channelId "directline" with a web-chat
// user's id and no token (a stranger erased that user's data and spoke as them). Real server, a real
// capture server reached through a non-loopback address.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { loadConfig } from '../../src/config.js';
import { createVirage } from '../../src/index.js';
import { activity } from '../helpers/emulator.js';
import { startVirage, tempDataDir, type Running } from '../helpers/virage.js';
import { postJson, WebChatUser } from './net.js';

function externalAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  throw new Error('this test needs one non-loopback IPv4 interface (to play the SSRF target)');
}

describe('local mode (no MicrosoftAppId) is closed to strangers', () => {
  it('listens on 127.0.0.1 unless HOST is set; 0.0.0.0 by default with channel authentication', async () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' }).host).toBe('0.0.0.0');
    const virage = await createVirage(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: tempDataDir() }));
    try {
      await virage.start(0);
      expect((virage.server.server.address() as AddressInfo).address).toBe('127.0.0.1');
    } finally {
      await virage.stop();
    }
  });

  describe('/api/messages', () => {
    let app: Running;
    let capture: http.Server;
    let hits: string[];
    let capturePort: number;
    beforeAll(async () => {
      app = await startVirage();
      hits = [];
      capture = http.createServer((req, res) => {
        hits.push(req.url ?? '');
        res.setHeader('content-type', 'application/json');
        res.end('{"id":"captured"}');
      });
      await new Promise<void>((r) => capture.listen(0, '0.0.0.0', () => r()));
      capturePort = (capture.address() as AddressInfo).port;
    });
    afterAll(async () => {
      capture.closeAllConnections();
      await new Promise((r) => capture.close(r));
      await app.stop();
    });

    it('refuses a non-loopback serviceUrl (no request reaches it)', async () => {
      const target = `http://${externalAddress()}:${capturePort}/`;
      // The target is reachable: the test would otherwise prove nothing.
      expect((await fetch(target)).status).toBe(200);
      hits.length = 0;
      const res = await postJson(`${app.url}/api/messages`, activity({ text: 'bonjour', serviceUrl: target }, 'ssrf-1'));
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('Forbidden');
      await new Promise((r) => setTimeout(r, 500));
      expect(hits).toEqual([]);
    });

    it('still answers the Emulator on a loopback serviceUrl', async () => {
      hits.length = 0;
      const res = await postJson(
        `${app.url}/api/messages`,
        activity({ text: 'bonjour', serviceUrl: `http://127.0.0.1:${capturePort}/` }, 'emu-ok'),
      );
      expect(res.status).toBeLessThan(300);
      const end = Date.now() + 5000;
      while (hits.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      expect(hits.length).toBeGreaterThan(0);
    });

    it('refuses channelId "directline" (owned by the built-in Direct Line): no erasure, no impersonation', async () => {
      const user = await new WebChatUser(app.url).connect();
      await user.say('bonjour');
      const subject = `directline:${user.userId}`;
      const forged = (text: string) =>
        postJson(`${app.url}/api/messages`, {
          ...activity({ text, channelId: 'directline', serviceUrl: 'http://127.0.0.1:9' }, user.conversationId, user.userId),
          deliveryMode: 'expectReplies',
        });
      const ask = await forged('supprimer mes données');
      expect(ask.status).toBe(403);
      expect((await forged('Oui, tout effacer')).status).toBe(403);
      const data = await app.virage.privacy.exportFor(subject);
      expect(data.sources.find((s) => s.name === 'conversation')!.data).not.toBeNull();
    });
  });
});
