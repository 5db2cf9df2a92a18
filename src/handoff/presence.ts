// Advisor presence, per CCI: « disponible », « occupé » or « absent ».
// - Present while their console has a live socket (seen on connect and at each ping answered), and for
//   a grace period after the last sign of life (a page reload or a short network cut keeps the choice).
//   After `absentAfterMs` without a live socket they are absent, and the choice is forgotten: coming
//   back, an advisor starts « occupé » until they say « disponible ».
// - Present advisors choose « disponible » or « occupé ». One in a live exchange counts as occupé
//   whatever they chose, and is disponible again when it ends (their choice is kept).
// Records live in a PresenceStore (in memory for one instance, shared keys for several); the times are
// those of the injected clock, so tests move them.
import type { AdvisorsDirectory } from './types.js';
import { findCci } from './directory.js';
import { HandoffError } from './requests.js';

export type PresenceChoice = 'disponible' | 'occupe';
export type PresenceState = PresenceChoice | 'absent';

export interface PresenceRecord {
  login: string;
  choice: PresenceChoice;
  /** Last sign of a live console socket (ms, injected clock). */
  seenAt: number;
}

/** Where presence records are kept and how changes are told to every instance. */
export interface PresenceStore {
  get(cciId: string, login: string): Promise<PresenceRecord | undefined>;
  /** Keeps the record at least `keepMs` (real time) after this write. */
  put(cciId: string, record: PresenceRecord, keepMs: number): Promise<void>;
  delete(cciId: string, login: string): Promise<void>;
  list(cciId: string): Promise<PresenceRecord[]>;
  /** Tells the listeners of every instance that the presence of a CCI changed. */
  announce(cciId: string): Promise<void>;
  onAnnounce(listener: (cciId: string) => void): () => void;
}

/** One instance: a map, and the listeners called at once. */
export class MemoryPresenceStore implements PresenceStore {
  private readonly records = new Map<string, Map<string, PresenceRecord>>();
  private readonly listeners = new Set<(cciId: string) => void>();

  async get(cciId: string, login: string) {
    return this.records.get(cciId)?.get(login);
  }
  async put(cciId: string, record: PresenceRecord) {
    const m = this.records.get(cciId) ?? new Map<string, PresenceRecord>();
    m.set(record.login, { ...record });
    this.records.set(cciId, m);
  }
  async delete(cciId: string, login: string) {
    this.records.get(cciId)?.delete(login);
  }
  async list(cciId: string) {
    return [...(this.records.get(cciId)?.values() ?? [])].map((r) => ({ ...r }));
  }
  async announce(cciId: string) {
    for (const l of [...this.listeners]) l(cciId);
  }
  onAnnounce(listener: (cciId: string) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

/** What the handoff service needs: how many advisors of a CCI can take a live exchange now. */
export interface AdvisorAvailability {
  available(cciId: string): Promise<number>;
  /** The last count known (for wait estimates computed synchronously); 0 before any. */
  availableNow(cciId: string): number;
}

export interface AdvisorPresenceView {
  login: string;
  displayName: string;
  firstName: string;
  state: PresenceState;
  /** True while in a live exchange (then occupé). */
  inExchange: boolean;
}

export interface PresenceOptions {
  store: PresenceStore;
  directory: () => AdvisorsDirectory;
  clock: () => Date;
  /** Without a live socket for this long, an advisor is absent (PRESENCE_ABSENT_SECONDS). */
  absentAfterMs: number;
  /** Logins of the CCI's advisors in a live exchange now. */
  inLiveExchange: (cciId: string) => Promise<Set<string>>;
}

export type PresenceIdentity = { login: string; cciId: string };

export class AdvisorPresence implements AdvisorAvailability {
  private readonly counts = new Map<string, number>();
  private readonly signatures = new Map<string, string>();

  constructor(private readonly options: PresenceOptions) {
    // Any change told (here or by another instance): the count for estimates and the sweep's baseline.
    options.store.onAnnounce((cciId) => void this.remember(cciId).catch(() => undefined));
  }

  onChange(listener: (cciId: string) => void): () => void {
    return this.options.store.onAnnounce(listener);
  }

  /** A console socket opened: present from now (« occupé » when coming back from absent). */
  async connected(who: PresenceIdentity): Promise<void> {
    await this.touch(who, true);
  }

  /** A sign of life of an open socket (pong), or its close (the grace period starts). */
  async alive(who: PresenceIdentity): Promise<void> {
    await this.touch(who, false);
  }

  /** « disponible » or « occupé »; refused without a live console socket. */
  async choose(who: PresenceIdentity, choice: PresenceChoice): Promise<void> {
    const now = this.now();
    const record = await this.options.store.get(who.cciId, who.login);
    if (!record || !this.fresh(record, now)) {
      throw new HandoffError('Conflict', 'Votre console n’est pas connectée en direct : rechargez la page, puis indiquez votre présence.');
    }
    await this.options.store.put(who.cciId, { ...record, choice, seenAt: now }, this.keepMs());
    await this.options.store.announce(who.cciId);
  }

  /** Logout: absent at once. */
  async leave(who: PresenceIdentity): Promise<void> {
    await this.options.store.delete(who.cciId, who.login);
    await this.options.store.announce(who.cciId);
  }

  /** Every advisor of the CCI (from the directory) with their state, by name. */
  async list(cciId: string): Promise<AdvisorPresenceView[]> {
    const cci = findCci(this.options.directory(), cciId);
    if (!cci) return [];
    const now = this.now();
    const [records, busy] = await Promise.all([this.options.store.list(cciId), this.options.inLiveExchange(cciId)]);
    const byLogin = new Map(records.map((r) => [r.login, r]));
    const views = cci.advisors.map((a): AdvisorPresenceView => {
      const r = byLogin.get(a.login);
      const present = r !== undefined && this.fresh(r, now);
      const inExchange = busy.has(a.login);
      const state: PresenceState = !present ? 'absent' : inExchange ? 'occupe' : r.choice;
      return { login: a.login, displayName: a.displayName, firstName: a.firstName, state, inExchange };
    });
    this.counts.set(cciId, views.filter((v) => v.state === 'disponible').length);
    return views.sort((x, y) => x.displayName.localeCompare(y.displayName, 'fr'));
  }

  async available(cciId: string): Promise<number> {
    await this.list(cciId);
    return this.counts.get(cciId) ?? 0;
  }

  availableNow(cciId: string): number {
    return this.counts.get(cciId) ?? 0;
  }

  /** A live exchange began or ended in this CCI: its advisor's state changed. */
  async exchangeChanged(cciId: string): Promise<void> {
    await this.options.store.announce(cciId);
  }

  /** Announces the CCIs whose states changed with time alone (advisors gone absent); run periodically. */
  async sweep(): Promise<void> {
    for (const cci of this.options.directory().ccis) {
      const before = this.signatures.get(cci.id);
      const signature = await this.remember(cci.id);
      if (before !== undefined && before !== signature) await this.options.store.announce(cci.id);
    }
  }

  /** The states of a CCI now, kept as the baseline of the next sweep. */
  private async remember(cciId: string): Promise<string> {
    const signature = (await this.list(cciId)).map((v) => `${v.login}:${v.state}`).join(',');
    this.signatures.set(cciId, signature);
    return signature;
  }

  private async touch(who: PresenceIdentity, create: boolean): Promise<void> {
    const now = this.now();
    const record = await this.options.store.get(who.cciId, who.login);
    if (!record && !create) return; // logged out meanwhile: stays absent
    const back = !record || !this.fresh(record, now);
    const next: PresenceRecord = { login: who.login, choice: back ? 'occupe' : record.choice, seenAt: now };
    await this.options.store.put(who.cciId, next, this.keepMs());
    if (back) await this.options.store.announce(who.cciId);
  }

  private fresh(record: PresenceRecord, now: number): boolean {
    return now - record.seenAt <= this.options.absentAfterMs;
  }

  private now(): number {
    return this.options.clock().getTime();
  }

  /** Records outlive absence a while, then the store may drop them. */
  private keepMs(): number {
    return Math.max(this.options.absentAfterMs * 4, 3_600_000);
  }
}
