// The follow-up diagnostic: a person's explicit consent to be offered a new diagnostic 6 months later
// (« Voulez-vous refaire le point dans 6 mois ? »), kept per person in the `follow-ups` collection.
// Registered with the privacy registry: exported, erased, withdrawn (« ne plus me relancer »), and
// purged once its purpose is served: FOLLOW_UP_KEEP_DAYS after the reminder (e-mail or offer in the
// chat), or FOLLOW_UP_GRACE_DAYS after the due date when no reminder could be made.
import type { PersonalDataSource } from '../privacy/registry.js';
import { deleteWhere, findWhere } from '../storage/query.js';
import type { Collection } from '../storage/types.js';

export const FOLLOW_UP_MONTHS = 6;
/** Days a consent is kept after its first reminder. */
export const FOLLOW_UP_KEEP_DAYS = 30;
/** Days after the due date a consent waits for the person to come back when no e-mail could be sent. */
export const FOLLOW_UP_GRACE_DAYS = 60;
/** Failed sends before the e-mail reminder is given up (the offer in the chat stays). */
export const MAX_SEND_ATTEMPTS = 3;

export interface FollowUpConsent {
  subject: string;
  /** Channel the consent was given on (webchat, directline, msteams…). */
  channel: string;
  consentAt: string;
  dueAt: string;
  email?: string;
  /** When the e-mail reminder was sent (never twice). */
  remindedAt?: string;
  sendAttempts?: number;
  /** When the offer was first shown in the chat after the due date. */
  offeredAt?: string;
  /** Purged after this instant. */
  expiresAt: string;
}

const DAY = 86_400_000;

/** The same calendar day `months` later (UTC), the month's last day when it has no such day (31 → 30). */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

const iso = (ms: number) => new Date(ms).toISOString();
const earlier = (a: string, b: string) => (a < b ? a : b);

export class FollowUps {
  constructor(
    private readonly consents: Collection<FollowUpConsent>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get(subject: string): Promise<FollowUpConsent | undefined> {
    return this.consents.get(subject);
  }

  /** Records (or renews) the consent: due FOLLOW_UP_MONTHS from now. */
  async consent(subject: string, channel: string, email?: string): Promise<FollowUpConsent> {
    const now = this.clock();
    const due = addMonths(now, FOLLOW_UP_MONTHS);
    const rec: FollowUpConsent = {
      subject,
      channel,
      consentAt: now.toISOString(),
      dueAt: due.toISOString(),
      ...(email ? { email } : {}),
      expiresAt: iso(due.getTime() + FOLLOW_UP_GRACE_DAYS * DAY),
    };
    await this.consents.put(subject, rec);
    return rec;
  }

  async setEmail(subject: string, email: string): Promise<void> {
    await this.consents.update(subject, (rec) => (rec ? { ...rec, email } : rec));
  }

  /** Withdrawal (« ne plus me relancer ») or a declined renewal: true when there was a consent. */
  withdraw(subject: string): Promise<boolean> {
    return this.consents.delete(subject);
  }

  /** The consent when it is due and the offer may be shown in the chat; marks the first showing. */
  async offerDue(subject: string, now = this.clock()): Promise<FollowUpConsent | undefined> {
    const rec = await this.consents.get(subject);
    if (!rec || rec.dueAt > now.toISOString() || rec.expiresAt <= now.toISOString()) return undefined;
    if (rec.offeredAt) return rec;
    return this.consents.update(subject, (r) =>
      r ? { ...r, offeredAt: now.toISOString(), expiresAt: earlier(r.expiresAt, iso(now.getTime() + FOLLOW_UP_KEEP_DAYS * DAY)) } : r,
    );
  }

  /** Consents due for an e-mail reminder: an address given, not yet sent, not given up. */
  async dueForEmail(now = this.clock()): Promise<FollowUpConsent[]> {
    const due = await findWhere(this.consents, { field: 'dueAt', atMost: now.toISOString() });
    return due
      .map((e) => e.value)
      .filter((c) => c.email && !c.remindedAt && (c.sendAttempts ?? 0) < MAX_SEND_ATTEMPTS && c.expiresAt > now.toISOString());
  }

  /**
   * Takes the reminder of one consent before sending (so that two sweeps never both send it): true when
   * this call took it. `release` gives it back after a failed send.
   */
  async claimReminder(subject: string, now = this.clock()): Promise<boolean> {
    let claimed = false;
    await this.consents.update(subject, (r) => {
      if (!r || r.remindedAt || !r.email) return r;
      claimed = true;
      return { ...r, remindedAt: now.toISOString(), expiresAt: earlier(r.expiresAt, iso(now.getTime() + FOLLOW_UP_KEEP_DAYS * DAY)) };
    });
    return claimed;
  }

  async release(subject: string): Promise<void> {
    await this.consents.update(subject, (r) => {
      if (!r) return r;
      const { remindedAt: _unsent, ...rest } = r;
      return { ...rest, sendAttempts: (r.sendAttempts ?? 0) + 1, expiresAt: iso(Date.parse(r.dueAt) + FOLLOW_UP_GRACE_DAYS * DAY) };
    });
  }

  privacySource(): PersonalDataSource {
    return {
      name: 'follow-up',
      description: 'Votre accord pour refaire le point dans 6 mois (date prévue, e-mail de rappel si vous l’avez donné)',
      export: async (subject) => (await this.consents.get(subject)) ?? null,
      erase: async (subject) => ((await this.consents.delete(subject)) ? 1 : 0),
      purge: async (now) => (await deleteWhere(this.consents, { field: 'expiresAt', before: now.toISOString() })).length,
    };
  }
}
