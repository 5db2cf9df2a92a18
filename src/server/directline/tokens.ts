// Self-hosted Direct Line tokens: HMAC-SHA256 signed, bound to one conversation and one user id,
// short-lived. Format: a compact HS256 JWT, header "." base64url(JSON claims) "." base64url(signature).
// The JWT shape matters: Web Chat and directlinejs read the user id from the token's `user` claim (as
// with Azure's tokens) and replace a "dl_" user id they cannot find there by a random one, which our
// endpoint then refuses. Nothing is stored server-side, so a restart keeps every token valid (the key
// is stable: configuration or DATA_DIR/secrets).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Direct Line tokens live 30 minutes; directlinejs refreshes them every 15. */
export const TOKEN_TTL_SECONDS = 1800;
/** Stream tokens (in the WebSocket streamUrl) only serve to open a socket. */
export const STREAM_TOKEN_TTL_SECONDS = 300;

export type TokenKind = 'conversation' | 'stream';

export interface TokenClaims {
  kind: TokenKind;
  conversationId: string;
  userId: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expires at, seconds since the epoch. */
  exp: number;
}

export type VerifyResult =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'kind'; claims?: TokenClaims };

interface WireClaims {
  v: 1;
  k: 'c' | 's';
  cid: string;
  uid: string;
  iat: number;
  exp: number;
  n: string;
  /** The user id again, under the name Web Chat and directlinejs read. */
  user: string;
}

/** base64url of {"alg":"HS256","typ":"JWT"}. */
const JWT_HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{10,64}\.[A-Za-z0-9_-]{10,2048}\.[A-Za-z0-9_-]{43}$/;

/** Derives an independent sub-key from the master key, so one key never serves two purposes. */
export function deriveKey(master: Buffer, label: string): Buffer {
  return createHmac('sha256', master).update(`virage-directline:${label}`).digest();
}

export class TokenSigner {
  private readonly key: Buffer;

  constructor(
    master: Buffer,
    private readonly clock: () => number = Date.now,
  ) {
    if (master.length < 16) throw new Error('[directline] token key too short');
    this.key = deriveKey(master, 'token-v1');
  }

  nowSeconds(): number {
    return Math.floor(this.clock() / 1000);
  }

  sign(conversationId: string, userId: string, kind: TokenKind = 'conversation'): { token: string; claims: TokenClaims } {
    const iat = this.nowSeconds();
    const exp = iat + (kind === 'stream' ? STREAM_TOKEN_TTL_SECONDS : TOKEN_TTL_SECONDS);
    const wire: WireClaims = {
      v: 1,
      k: kind === 'stream' ? 's' : 'c',
      cid: conversationId,
      uid: userId,
      iat,
      exp,
      n: randomBytes(6).toString('base64url'),
      user: userId,
    };
    const signed = `${JWT_HEADER}.${Buffer.from(JSON.stringify(wire)).toString('base64url')}`;
    return { token: `${signed}.${this.mac(signed)}`, claims: { kind, conversationId, userId, iat, exp } };
  }

  /**
   * Checks signature, kind and expiry. An expired token reports its claims (with reason 'expired'):
   * the token route uses them to let the holder resume the same conversation.
   */
  verify(token: string, kind: TokenKind = 'conversation'): VerifyResult {
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return { ok: false, reason: 'malformed' };
    const [header, body, mac] = token.split('.') as [string, string, string];
    if (header !== JWT_HEADER) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.mac(`${header}.${body}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
    let wire: WireClaims;
    try {
      wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as WireClaims;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (
      !wire ||
      wire.v !== 1 ||
      typeof wire.cid !== 'string' ||
      typeof wire.uid !== 'string' ||
      !Number.isInteger(wire.exp) ||
      !Number.isInteger(wire.iat)
    ) {
      return { ok: false, reason: 'malformed' };
    }
    const claims: TokenClaims = {
      kind: wire.k === 's' ? 'stream' : 'conversation',
      conversationId: wire.cid,
      userId: wire.uid,
      iat: wire.iat,
      exp: wire.exp,
    };
    if (claims.kind !== kind) return { ok: false, reason: 'kind' };
    if (this.nowSeconds() >= claims.exp) return { ok: false, reason: 'expired', claims };
    return { ok: true, claims };
  }

  private mac(signed: string): string {
    return createHmac('sha256', this.key).update(signed).digest('base64url');
  }
}

/** The secret path segment of the bot-side connector routes: stable across restarts, unguessable. */
export function channelKeyFrom(master: Buffer): string {
  return deriveKey(master, 'channel-v1').toString('base64url').slice(0, 32);
}

/** Reads "Authorization: Bearer <token>"; undefined when absent or not a bearer header. */
export function bearerToken(header: string | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : undefined;
}
