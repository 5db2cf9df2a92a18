// Every store that keeps personal data registers here, so that « mes données » shows all of it,
// « supprimer mes données » erases all of it, and retention purges run over all of it.
// A subject is one person on one channel: see subjectId(). What an export gives out is decided by
// the one whitelist of export-fields.ts, applied here to every source: never a source's internals.
import { EXPORT_FIELDS, pickExport, type ExportShape } from './export-fields.js';

export interface PersonalDataSource {
  /** Stable machine name, e.g. 'diagnostics'. */
  name: string;
  /** What this data is and why it is kept, in French, shown to the user. */
  description: string;
  /**
   * Everything held about the subject, as JSON-serialisable data (empty array or null when nothing).
   * Only the fields of the source's entry in EXPORT_FIELDS are given out.
   */
  export(subject: string): Promise<unknown>;
  /** Erases everything held about the subject; returns how many records were removed. */
  erase(subject: string): Promise<number>;
  /** Removes records older than the source's retention period; returns how many. */
  purge?(now: Date): Promise<number>;
  /**
   * True when the source holds the conversation itself (the built-in Direct Line transcript): erasing
   * it ends the conversation, so it is erased after the person has been told (phase 'after-reply').
   */
  holdsConversation?: boolean;
}

/** 'all' (default); or, around the confirmation sent to the person: 'before-reply' then 'after-reply'. */
export type ErasePhase = 'all' | 'before-reply' | 'after-reply';

export interface PersonalDataExport {
  subject: string;
  exportedAt: string;
  sources: Array<{ name: string; description: string; data: unknown }>;
}

/** Runs work in one store transaction (a nested call is a savepoint); absent for stores without them. */
export type Transaction = <R>(fn: () => Promise<R>) => Promise<R>;

const noTransaction: Transaction = (fn) => fn();

export class PrivacyRegistry {
  private readonly sources = new Map<string, PersonalDataSource>();

  /**
   * `fields`: the export whitelist, per source name (EXPORT_FIELDS; other tables only in tests).
   * `transaction`: with one, a person's export reads in one transaction and each erasure phase commits at once.
   */
  constructor(
    private readonly fields: Readonly<Record<string, ExportShape>> = EXPORT_FIELDS,
    private readonly transaction: Transaction = noTransaction,
  ) {}

  register(source: PersonalDataSource): void {
    if (this.sources.has(source.name)) throw new Error(`[privacy] source "${source.name}" registered twice`);
    if (!Object.hasOwn(this.fields, source.name)) {
      throw new Error(`[privacy] source "${source.name}" has no export whitelist (src/privacy/export-fields.ts)`);
    }
    this.sources.set(source.name, source);
  }

  list(): PersonalDataSource[] {
    return [...this.sources.values()];
  }

  async exportFor(subject: string, now = new Date()): Promise<PersonalDataExport> {
    return this.transaction(async () => {
      const sources = [];
      for (const s of this.sources.values()) {
        const data = pickExport(this.fields[s.name], await s.export(subject));
        sources.push({ name: s.name, description: s.description, data: data ?? null });
      }
      return { subject, exportedAt: now.toISOString(), sources };
    });
  }

  /**
   * Erases the subject everywhere, in one transaction when the store has them; a failing source does not
   * stop the others (its own changes are undone), the error is reported.
   */
  async eraseFor(subject: string, phase: ErasePhase = 'all'): Promise<{ erased: Record<string, number>; failed: string[] }> {
    return this.transaction(async () => {
      const erased: Record<string, number> = {};
      const failed: string[] = [];
      for (const s of this.sources.values()) {
        if (phase === 'before-reply' && s.holdsConversation) continue;
        if (phase === 'after-reply' && !s.holdsConversation) continue;
        try {
          erased[s.name] = await this.transaction(() => s.erase(subject));
        } catch {
          failed.push(s.name);
        }
      }
      return { erased, failed };
    });
  }

  async purge(now = new Date()): Promise<Record<string, number>> {
    const purged: Record<string, number> = {};
    for (const s of this.sources.values()) {
      if (s.purge) purged[s.name] = await s.purge(now);
    }
    return purged;
  }
}

/**
 * The internal id of a person: channel + channel user id. Records about a person are keyed by it,
 * so that erasure finds everything.
 */
export function subjectId(channelId: string | undefined, userId: string | undefined): string {
  return `${channelId || 'unknown'}:${userId || 'anonymous'}`;
}
