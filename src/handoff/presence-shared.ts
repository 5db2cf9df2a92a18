// Advisor presence shared by several instances (REDIS_URL): records as shared keys with expiry, one per
// advisor (`presence:<cci>:<login>`), and changes told on the cluster bus so that every instance pushes
// them to its console sockets. Same contract as MemoryPresenceStore (presence.ts).
import type { Bus, SharedKeys } from '../cluster/index.js';
import type { PresenceRecord, PresenceStore } from './presence.js';

const TOPIC = 'presence';
const key = (cciId: string, login = '') => `presence:${cciId}:${login}`;

export class SharedPresenceStore implements PresenceStore {
  private readonly listeners = new Set<(cciId: string) => void>();
  private unsubscribe: () => void = () => undefined;

  private constructor(
    private readonly keys: SharedKeys,
    private readonly bus: Bus,
  ) {}

  /** Subscribed to the bus before it returns: no change told afterwards is missed. */
  static async open(keys: SharedKeys, bus: Bus): Promise<SharedPresenceStore> {
    const store = new SharedPresenceStore(keys, bus);
    store.unsubscribe = await bus.subscribe(TOPIC, (message) => {
      const cciId = (message as { cciId?: unknown } | null)?.cciId;
      if (typeof cciId === 'string') for (const l of [...store.listeners]) l(cciId);
    });
    return store;
  }

  async get(cciId: string, login: string): Promise<PresenceRecord | undefined> {
    return parse(await this.keys.get(key(cciId, login)));
  }

  async put(cciId: string, record: PresenceRecord, keepMs: number): Promise<void> {
    await this.keys.put(
      key(cciId, record.login),
      JSON.stringify({ login: record.login, choice: record.choice, seenAt: record.seenAt }),
      keepMs,
    );
  }

  async delete(cciId: string, login: string): Promise<void> {
    await this.keys.delete(key(cciId, login));
  }

  async list(cciId: string): Promise<PresenceRecord[]> {
    return (await this.keys.list(key(cciId))).map(([, v]) => parse(v)).filter((r): r is PresenceRecord => r !== undefined);
  }

  async announce(cciId: string): Promise<void> {
    await this.bus.publish(TOPIC, { cciId });
  }

  onAnnounce(listener: (cciId: string) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  close(): void {
    this.unsubscribe();
  }
}

/** A stored record, or undefined when it is not one (never trusted blindly). */
function parse(raw: string | undefined): PresenceRecord | undefined {
  if (!raw) return undefined;
  try {
    const r = JSON.parse(raw) as Partial<PresenceRecord>;
    if (typeof r.login !== 'string' || (r.choice !== 'disponible' && r.choice !== 'occupe') || typeof r.seenAt !== 'number')
      return undefined;
    return { login: r.login, choice: r.choice, seenAt: r.seenAt };
  } catch {
    return undefined;
  }
}
