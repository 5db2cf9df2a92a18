// Self-hosted Direct Line tokens: signature, binding, expiry (injectable clock), kinds, tampering.
import { randomBytes } from 'node:crypto';
import { bearerToken, channelKeyFrom, TokenSigner, TOKEN_TTL_SECONDS } from '../../../src/server/directline/tokens.js';
import { isUserId, newUserId, parseWatermark } from '../../../src/server/directline/ids.js';

describe('TokenSigner', () => {
  const key = randomBytes(32);
  let now = Date.UTC(2025, 0, 1);
  const signer = new TokenSigner(key, () => now);

  it('signs a token bound to one conversation and one user, valid 30 minutes', () => {
    const { token, claims } = signer.sign('conversation-aaaaaaaaaa', 'dl_user1');
    expect(claims.exp - claims.iat).toBe(TOKEN_TTL_SECONDS);
    expect(TOKEN_TTL_SECONDS).toBe(1800);
    const verified = signer.verify(token);
    expect(verified).toEqual({
      ok: true,
      claims: { kind: 'conversation', conversationId: 'conversation-aaaaaaaaaa', userId: 'dl_user1', iat: claims.iat, exp: claims.exp },
    });
  });

  it('expires with the clock and still tells whose token it was (for resuming)', () => {
    const { token } = signer.sign('conversation-bbbbbbbbbb', 'dl_user2');
    now += (TOKEN_TTL_SECONDS - 1) * 1000;
    expect(signer.verify(token).ok).toBe(true);
    now += 1000;
    const expired = signer.verify(token);
    expect(expired.ok).toBe(false);
    expect(expired).toMatchObject({ reason: 'expired', claims: { conversationId: 'conversation-bbbbbbbbbb', userId: 'dl_user2' } });
  });

  it('refreshing gives a new token for the same conversation and user, with a new expiry', () => {
    const first = signer.sign('conversation-cccccccccc', 'dl_user3');
    now += 15 * 60 * 1000;
    const verified = signer.verify(first.token);
    if (!verified.ok) throw new Error('should be valid');
    const second = signer.sign(verified.claims.conversationId, verified.claims.userId);
    expect(second.token).not.toBe(first.token);
    expect(second.claims.exp).toBe(first.claims.exp + 15 * 60);
    expect(signer.verify(second.token)).toMatchObject({
      ok: true,
      claims: { conversationId: 'conversation-cccccccccc', userId: 'dl_user3' },
    });
  });

  it('refuses tampered tokens, other keys, other kinds and garbage', () => {
    const { token } = signer.sign('conversation-dddddddddd', 'dl_user4');
    const [header, body, mac] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    expect(claims.user).toBe('dl_user4'); // what Web Chat reads
    const forged = Buffer.from(JSON.stringify({ ...claims, cid: 'conversation-eeeeeeeeee' })).toString('base64url');
    expect(signer.verify(`${header}.${forged}.${mac}`)).toEqual({ ok: false, reason: 'signature' });
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A');
    expect(signer.verify(`${header}.${body}.${flipped}`)).toEqual({ ok: false, reason: 'signature' });
    expect(signer.verify(`${body}.${mac}`)).toEqual({ ok: false, reason: 'malformed' });
    expect(new TokenSigner(randomBytes(32), () => now).verify(token)).toEqual({ ok: false, reason: 'signature' });
    expect(signer.verify(token, 'stream')).toEqual({ ok: false, reason: 'kind' });
    const stream = signer.sign('conversation-dddddddddd', 'dl_user4', 'stream').token;
    expect(signer.verify(stream)).toEqual({ ok: false, reason: 'kind' });
    expect(signer.verify(stream, 'stream').ok).toBe(true);
    for (const junk of [
      '',
      'abc',
      'a.b',
      `${header}.${body}.`,
      '💥'.repeat(40),
      `${header}.${'x'.repeat(3000)}.${mac}`,
      `eyJhbGciOiJub25lIn0.${body}.${mac}`,
    ]) {
      expect(signer.verify(junk)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('derives a stable, secret channel key from the token key', () => {
    expect(channelKeyFrom(key)).toBe(channelKeyFrom(Buffer.from(key)));
    expect(channelKeyFrom(key)).not.toBe(channelKeyFrom(randomBytes(32)));
    expect(channelKeyFrom(key)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(key.toString('base64url')).not.toContain(channelKeyFrom(key));
  });
});

describe('ids and headers', () => {
  it('accepts only dl_ user ids of safe characters, 64 at most', () => {
    expect(isUserId(newUserId())).toBe(true);
    expect(isUserId('dl_' + 'a'.repeat(61))).toBe(true);
    for (const bad of ['dl_' + 'a'.repeat(62), 'user1', 'dl_', 'dl_a b', 'dl_<script>', 'DL_abc', 42, null])
      expect(isUserId(bad)).toBe(false);
  });
  it('parses watermarks and bearer headers', () => {
    expect(parseWatermark(undefined)).toBe(0);
    expect(parseWatermark('')).toBe(0);
    expect(parseWatermark('12')).toBe(12);
    expect(parseWatermark('-1')).toBeUndefined();
    expect(parseWatermark('1e3')).toBeUndefined();
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
