// Hole 4: MAX_BODY_BYTES counted compressed bytes, so a 249 KB gzip body inflated to 250 MB and was
// parsed (twelve of them: 4.5 GB). Hole 8: URLs or headers over 16 KB got Node's bare 431 (no body).
// Real gzip, real sockets, the real server.
import { gzipSync } from 'node:zlib';
import { startVirage, type Running } from '../helpers/virage.js';
import { rawRequest } from './net.js';

describe('request size limits hold for compressed bodies and huge headers', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  it('refuses a gzip bomb without inflating it (clear JSON 4xx, memory stays flat)', async () => {
    // 64 MB of JSON-ish padding compresses to ~64 KB: under MAX_BODY_BYTES once compressed.
    const inflated = Buffer.concat([Buffer.from('{"type":"message","text":"'), Buffer.alloc(64 * 1024 * 1024, 'a'), Buffer.from('"}')]);
    const bomb = gzipSync(inflated, { level: 9 });
    expect(bomb.length).toBeLessThan(256 * 1024);
    const heapBefore = process.memoryUsage().rss;
    const statuses: number[] = [];
    let code = '';
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: bomb,
      });
      statuses.push(res.status);
      code = ((await res.json()) as { error: { code: string } }).error.code;
    }
    expect(statuses.every((s) => s === 413 || s === 415)).toBe(true);
    expect(code).toMatch(/UnsupportedMediaType|MessageSizeTooBig/);
    // Parsing 4 × 64 MB would have added hundreds of MB.
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(150 * 1024 * 1024);
  });

  it('still accepts a plain JSON body of normal size', async () => {
    const res = await fetch(`${app.url}/api/kb/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ guideId: 'nope', vote: 'up' }),
    });
    expect(res.status).toBe(400);
  });

  it('answers a URL over 16 KB with a clear JSON 431', async () => {
    const reply = await rawRequest(app.port, `GET /guides?q=${'a'.repeat(20 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    expect(reply.status).toBe(431);
    expect(reply.text).toMatch(/application\/json/);
    expect(JSON.parse(reply.text.slice(reply.text.indexOf('\r\n\r\n') + 4)).error.code).toBe('HeadersTooLarge');
  });

  it('answers headers over 16 KB with a clear JSON 431', async () => {
    const reply = await rawRequest(app.port, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${'b'.repeat(20 * 1024)}\r\n\r\n`);
    expect(reply.status).toBe(431);
    expect(JSON.parse(reply.text.slice(reply.text.indexOf('\r\n\r\n') + 4)).error.message).toMatch(/trop longs/);
  });

  it('answers a malformed request line with a JSON 400', async () => {
    const reply = await rawRequest(app.port, 'BLAH\r\n\r\n');
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/"code":"BadRequest"/);
  });
});
