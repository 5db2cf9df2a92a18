// Feedback on knowledge answers (👍/👎 per guide section) and the curation log of questions the base
// could not answer (or answered with low confidence), for the curators (npm run kb:report).
// Question texts are redacted (e-mail addresses, phone numbers, URLs and digit runs of 5 or more are
// replaced) and dated by day, but a name typed in a question stays: so what a person asked in the chat
// is linked to them (their subject), exported in « mes données » and erased with them (privacySource).
// Questions from the anonymous /api/kb/search have no subject. Records older than the feedback
// retention are removed by purge().
import { createHash, randomUUID } from 'node:crypto';
import { fold } from '../nlu/analyze.js';
import type { PersonalDataSource } from '../privacy/registry.js';
import { deleteWhere } from '../storage/query.js';
import type { Collection, DocumentStore } from '../storage/types.js';

export type Vote = 'up' | 'down';

export interface FeedbackRecord {
  guideId: string;
  sectionId: string;
  vote: Vote;
  /** Redacted question that led to the answer (may be empty). */
  query: string;
  queryHash: string;
  /** Day of the vote, YYYY-MM-DD. */
  day: string;
  /** Who voted (privacy subject), when known. */
  subject?: string;
}

export interface CurationEntry {
  /** Redacted question, as first seen. */
  query: string;
  kind: 'unanswered' | 'low-confidence';
  count: number;
  firstDay: string;
  lastDay: string;
  /** Best guide found and its confidence (below the threshold). */
  bestGuide: string | null;
  bestConfidence: number;
  /** The people (privacy subjects) who asked it, when known. */
  subjects?: string[];
}

export interface VoteSummary {
  guideId: string;
  sectionId: string;
  up: number;
  down: number;
}

export const MAX_QUERY_CHARS = 300;
const ID = /^[a-z0-9-]{1,80}$/;

/** The question without personal data: e-mails, URLs, phone numbers and digit runs ≥ 5 are replaced. */
export function redactQuery(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[e-mail]')
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, '[lien]')
    .replace(/(?:\+|00)\s?\d{1,3}(?:[\s.-]?\d){8,12}/g, '[téléphone]')
    .replace(/\b0\d(?:[\s.-]?\d{2}){4}\b/g, '[téléphone]')
    .replace(/\d(?:[\s.]?\d){4,}/g, '[nombre]')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_CHARS);
}

/** A stable key for a question: hash of its redacted, folded form (same question → same entry). */
export function queryHash(redacted: string): string {
  const normal = fold(redacted).replace(/[^a-z0-9[\]]+/g, ' ').trim();
  return createHash('sha256').update(normal).digest('hex').slice(0, 24);
}

const day = (now: Date) => now.toISOString().slice(0, 10);

export class KnowledgeFeedback {
  readonly votes: Collection<FeedbackRecord>;
  readonly curation: Collection<CurationEntry>;

  constructor(store: DocumentStore) {
    this.votes = store.collection<FeedbackRecord>('kb-feedback');
    this.curation = store.collection<CurationEntry>('kb-curation');
  }

  /** Records a 👍/👎; throws a RangeError on invalid ids or vote (callers answer 400). */
  async vote(input: { guideId: string; sectionId?: string; vote: Vote; query?: string; subject?: string }, now = new Date()): Promise<void> {
    if (!ID.test(input.guideId)) throw new RangeError('guideId');
    const sectionId = input.sectionId ?? '';
    if (sectionId !== '' && !ID.test(sectionId)) throw new RangeError('sectionId');
    if (input.vote !== 'up' && input.vote !== 'down') throw new RangeError('vote');
    const query = redactQuery(input.query ?? '');
    await this.votes.put(randomUUID(), {
      guideId: input.guideId,
      sectionId,
      vote: input.vote,
      query,
      queryHash: query ? queryHash(query) : '',
      day: day(now),
      ...(input.subject ? { subject: input.subject } : {}),
    });
  }

  /** Logs a question that was not answered (or with a low confidence), merged with the same earlier ones. */
  async logQuestion(
    input: { query: string; answered: boolean; bestGuide: string | null; bestConfidence: number; subject?: string },
    now = new Date(),
  ): Promise<void> {
    const query = redactQuery(input.query);
    if (!query) return;
    const today = day(now);
    const kind: CurationEntry['kind'] = input.answered ? 'low-confidence' : 'unanswered';
    const withSubject = (subjects: string[] | undefined) =>
      input.subject && !subjects?.includes(input.subject) ? [...(subjects ?? []), input.subject] : subjects;
    await this.curation.update(queryHash(query), (cur) => {
      const next: CurationEntry = cur
        ? { ...cur, count: cur.count + 1, lastDay: today, kind: cur.kind === 'unanswered' ? cur.kind : kind }
        : { query, kind, count: 1, firstDay: today, lastDay: today, bestGuide: input.bestGuide, bestConfidence: input.bestConfidence };
      const subjects = withSubject(cur?.subjects);
      return subjects ? { ...next, subjects } : next;
    });
  }

  /** 👍/👎 counts per guide section, most 👎 first. */
  async voteSummary(): Promise<VoteSummary[]> {
    const byKey = new Map<string, VoteSummary>();
    for (const { value } of await this.votes.find(() => true)) {
      const key = `${value.guideId}#${value.sectionId}`;
      let s = byKey.get(key);
      if (!s) byKey.set(key, (s = { guideId: value.guideId, sectionId: value.sectionId, up: 0, down: 0 }));
      s[value.vote]++;
    }
    return [...byKey.values()].sort((a, b) => b.down - a.down || a.up - b.up || a.guideId.localeCompare(b.guideId));
  }

  /** Questions to curate, most frequent first. */
  async questionsToCurate(): Promise<CurationEntry[]> {
    const all = await this.curation.find(() => true);
    return all.map((e) => e.value).sort((a, b) => b.count - a.count || b.lastDay.localeCompare(a.lastDay));
  }

  /** Removes votes and log entries last seen more than `days` days ago; returns how many. */
  async purge(now: Date, days: number): Promise<number> {
    const limit = day(new Date(now.getTime() - days * 86_400_000));
    const votes = await deleteWhere(this.votes, { field: 'day', before: limit });
    const questions = await deleteWhere(this.curation, { field: 'lastDay', before: limit });
    return votes.length + questions.length;
  }

  /**
   * The questions and votes of one person, as a personal-data source. Erasure removes their votes and
   * the questions only they asked; a question others asked too (same redacted text) loses their link
   * and one from its count.
   */
  privacySource(): PersonalDataSource {
    const asked = (subject: string) => this.curation.find((e) => e.subjects?.includes(subject) ?? false);
    return {
      name: 'kb-questions',
      description:
        'Les questions que Virage n’a pas su (ou pas bien su) vous répondre et vos avis 👍/👎 sur ses réponses, gardés pour améliorer les guides',
      export: async (subject) => {
        const questions = (await asked(subject)).map((e) => e.value);
        const votes = (await this.votes.find((v) => v.subject === subject)).map((e) => e.value);
        return questions.length || votes.length ? { questions, votes } : null;
      },
      erase: async (subject) => {
        let n = 0;
        for (const { key } of await this.votes.find((v) => v.subject === subject)) if (await this.votes.delete(key)) n++;
        for (const { key, value } of await asked(subject)) {
          const others = (value.subjects ?? []).filter((s) => s !== subject);
          if (others.length === 0) {
            if (await this.curation.delete(key)) n++;
          } else {
            await this.curation.update(key, (cur) => (cur ? { ...cur, subjects: others, count: Math.max(1, cur.count - 1) } : cur));
            n++;
          }
        }
        return n;
      },
    };
  }
}

/** What the question dialog reports (votes, unanswered and low-confidence questions), kept by `feedback`. */
export function knowledgeLogOf(feedback: KnowledgeFeedback) {
  return {
    feedback: (e: { subject: string; query: string; guideId: string; sectionId: string; helpful: boolean }) =>
      feedback.vote({ subject: e.subject, guideId: e.guideId, sectionId: e.sectionId, vote: e.helpful ? 'up' : 'down', query: e.query }),
    unanswered: (e: { subject: string; query: string; confidence: number }) =>
      feedback.logQuestion({ subject: e.subject, query: e.query, answered: false, bestGuide: null, bestConfidence: e.confidence }),
    lowConfidence: (e: { subject: string; query: string; guideId: string; confidence: number }) =>
      feedback.logQuestion({ subject: e.subject, query: e.query, answered: true, bestGuide: e.guideId, bestConfidence: e.confidence }),
  };
}
