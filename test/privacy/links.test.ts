import { randomBytes } from 'node:crypto';
import { SignedLinks } from '../../src/privacy/links.js';
import { PrivacyRegistry } from '../../src/privacy/registry.js';

describe('SignedLinks', () => {
  const key = randomBytes(32);
  it('round-trips a subject until it expires', () => {
    let now = 1_000_000;
    const links = new SignedLinks(key, 60_000, () => now);
    const token = links.sign('directline:dl_abc');
    expect(links.verify(token)).toBe('directline:dl_abc');
    now += 60_001;
    expect(links.verify(token)).toBeUndefined();
  });
  it('rejects tampered and foreign tokens', () => {
    const links = new SignedLinks(key);
    const token = links.sign('a:b');
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ s: 'a:other', e: Date.now() + 1e6 })).toString('base64url');
    expect(links.verify(`${forged}.${mac}`)).toBeUndefined();
    expect(links.verify(`${payload}.${mac.slice(0, -1)}x`)).toBeUndefined();
    expect(new SignedLinks(randomBytes(32)).verify(token)).toBeUndefined();
    expect(links.verify('garbage')).toBeUndefined();
    expect(links.verify('')).toBeUndefined();
  });
});

describe('PrivacyRegistry', () => {
  it('exports, erases and purges across sources, and a failing source does not stop the others', async () => {
    const held = new Map<string, number>([['s1', 2]]);
    const reg = new PrivacyRegistry({ a: 'data', b: 'data' });
    reg.register({
      name: 'a',
      description: 'A',
      export: async (s) => held.get(s) ?? null,
      erase: async (s) => (held.delete(s) ? 1 : 0),
      purge: async () => 3,
    });
    reg.register({
      name: 'b',
      description: 'B',
      export: async () => [],
      erase: async () => {
        throw new Error('down');
      },
    });
    expect(() => reg.register({ name: 'a', description: '', export: async () => null, erase: async () => 0 })).toThrow(/twice/);
    const exp = await reg.exportFor('s1');
    expect(exp.sources.map((s) => [s.name, s.data])).toEqual([
      ['a', 2],
      ['b', []],
    ]);
    expect(await reg.eraseFor('s1')).toEqual({ erased: { a: 1 }, failed: ['b'] });
    expect(held.has('s1')).toBe(false);
    expect(await reg.purge()).toEqual({ a: 3 });
  });
});
