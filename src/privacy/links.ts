// Short-lived signed links for « mes données »: the link names the subject and an expiry, signed by
// HMAC-SHA256, so it works in every channel (Web Chat, Teams) without a login.
import { createHmac, timingSafeEqual } from 'node:crypto';

export class SignedLinks {
  constructor(
    private readonly key: Buffer,
    private readonly ttlMs = 15 * 60 * 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  sign(subject: string): string {
    const payload = Buffer.from(JSON.stringify({ s: subject, e: this.clock() + this.ttlMs })).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The subject when the token is authentic and not expired, otherwise undefined. */
  verify(token: string): string | undefined {
    if (typeof token !== 'string' || token.length > 4096) return undefined;
    const [payload, mac] = token.split('.');
    if (!payload || !mac) return undefined;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    // Compare bytes, not characters: « é » × 43 is 86 bytes and timingSafeEqual throws on a length mismatch.
    if (given.length !== expected.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const { s, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return typeof s === 'string' && typeof e === 'number' && e > this.clock() ? s : undefined;
    } catch {
      return undefined;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key)
      .update('export:' + payload)
      .digest('base64url');
  }
}
