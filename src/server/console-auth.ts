// Advisor console authentication: scrypt login, server-side sessions in the store (keyed by a hash
// of the cookie value), per-session CSRF token. Attempts are throttled before hashing (login-guard.ts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AdvisorIdentity } from '../handoff/service.js';
import { findAdvisor } from '../handoff/directory.js';
import { verifyPassword } from '../handoff/passwords.js';
import type { AdvisorRole, AdvisorsDirectory } from '../handoff/types.js';
import { deleteWhere } from '../storage/query.js';
import type { Collection, DocumentStore } from '../storage/types.js';
import { LoginGuard } from './login-guard.js';

export const SESSION_COOKIE = 'virage_conseiller';
const SESSION_TTL_MS = 10 * 60 * 60_000;

export interface ConsoleSession {
  login: string;
  cciId: string;
  csrf: string;
  createdAt: string;
  expiresAt: string;
}

export interface Authenticated {
  sessionKey: string;
  session: ConsoleSession;
  advisor: AdvisorIdentity;
  /** Read from the directory on every request: a change of role applies at once. */
  role: AdvisorRole;
}

export type LoginResult =
  | { ok: true; sid: string; session: ConsoleSession; advisor: AdvisorIdentity; role: AdvisorRole }
  | { ok: false; status: 401 | 429 | 503; code: string; message: string; retryAfterSeconds?: number };

export interface ConsoleAuthOptions {
  store: DocumentStore;
  directory: () => AdvisorsDirectory;
  /** Secure cookies (PUBLIC_URL is https). */
  secure: boolean;
  clock?: () => Date;
}

const hashSid = (sid: string) => createHash('sha256').update(sid).digest('hex');

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

export class ConsoleAuth {
  private readonly sessions: Collection<ConsoleSession>;
  private readonly guard = new LoginGuard();
  private readonly clock: () => Date;

  constructor(private readonly options: ConsoleAuthOptions) {
    this.sessions = options.store.collection<ConsoleSession>('console_sessions');
    this.clock = options.clock ?? (() => new Date());
  }

  /** `address` is the client's (client-address.ts). */
  async login(login: string, password: string, address: string): Promise<LoginResult> {
    const now = this.clock().getTime();
    const refused = await this.guard.admit(login, address);
    if (refused) return { ok: false, ...refused };
    const found = findAdvisor(this.options.directory(), login);
    const ok = await this.guard.check(() => verifyPassword(password, found?.advisor.passwordHash));
    if (!ok || !found) {
      await this.guard.failed(login, address);
      return { ok: false, status: 401, code: 'Unauthorized', message: 'Identifiant ou mot de passe incorrect.' };
    }
    await this.guard.succeeded(login, address);
    const sid = randomBytes(32).toString('base64url');
    const session: ConsoleSession = {
      login: found.advisor.login,
      cciId: found.cci.id,
      csrf: randomBytes(24).toString('base64url'),
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + SESSION_TTL_MS).toISOString(),
    };
    await this.sessions.put(hashSid(sid), session);
    return { ok: true, sid, session, advisor: identity(found.cci.id, found.advisor), role: found.advisor.role ?? 'conseiller' };
  }

  /** The advisor behind a Cookie header, when the session exists, has not expired and the advisor still does. */
  async resolve(cookieHeader: string | undefined): Promise<Authenticated | undefined> {
    const sid = parseCookies(cookieHeader).get(SESSION_COOKIE);
    if (!sid || !/^[A-Za-z0-9_-]{43}$/.test(sid)) return undefined;
    const sessionKey = hashSid(sid);
    const session = await this.sessions.get(sessionKey);
    if (!session) return undefined;
    if (session.expiresAt <= this.clock().toISOString()) {
      await this.sessions.delete(sessionKey);
      return undefined;
    }
    const found = findAdvisor(this.options.directory(), session.login);
    if (!found || found.cci.id !== session.cciId || !found.advisor.passwordHash) return undefined;
    return { sessionKey, session, advisor: identity(found.cci.id, found.advisor), role: found.advisor.role ?? 'conseiller' };
  }

  async logout(sessionKey: string): Promise<void> {
    await this.sessions.delete(sessionKey);
  }

  stillValid(sessionKey: string): Promise<boolean> {
    return this.sessions.get(sessionKey).then((s) => !!s && s.expiresAt > this.clock().toISOString());
  }

  checkCsrf(session: ConsoleSession, header: unknown): boolean {
    if (typeof header !== 'string' || header.length !== session.csrf.length) return false;
    return timingSafeEqual(Buffer.from(header), Buffer.from(session.csrf));
  }

  cookie(sid: string): string {
    const maxAge = Math.floor(SESSION_TTL_MS / 1000);
    return `${SESSION_COOKIE}=${sid}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${this.options.secure ? '; Secure' : ''}`;
  }

  clearCookie(): string {
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${this.options.secure ? '; Secure' : ''}`;
  }

  /** Deletes expired sessions; returns how many. */
  async purgeExpired(): Promise<number> {
    const now = this.clock().toISOString();
    return (await deleteWhere(this.sessions, { field: 'expiresAt', atMost: now })).length;
  }
}

function identity(cciId: string, a: { login: string; displayName: string; firstName: string; title?: string }): AdvisorIdentity {
  return { login: a.login, displayName: a.displayName, firstName: a.firstName, ...(a.title ? { title: a.title } : {}), cciId };
}
