// The evaluation's side of the wire: a real Virage started in-process (real file store in a temp DATA_DIR,
// like test/helpers/virage.ts), people talking to POST /api/messages with deliveryMode expectReplies (like
// the Bot Framework Emulator), and what the store holds for each person (through the privacy export, the
// same view a person gets of their own data).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config.js';
import { createVirage, type Virage } from '../../../src/index.js';
import type { SubjectDiagnostics } from '../../../src/diagnostic/records.js';
import type { Answer } from '../../../src/diagnostic/types.js';

export interface Server {
  virage: Virage;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Memory-backed /dev/shm when there is one: the store stays real files, without a disk fsync per turn. */
const scratch = () => (existsSync('/dev/shm') && process.env.EVAL_DIALOG_DISK !== 'true' ? '/dev/shm' : tmpdir());

export async function startServer(): Promise<Server> {
  const dataDir = mkdtempSync(path.join(scratch(), 'virage-eval-dialog-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
  const virage = await createVirage(config);
  const port = await virage.start(0);
  return {
    virage,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await virage.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What the person sends: a typed text (or a button label), or a card submit. */
export type Say = string | { value: unknown; text?: string };

let seq = 0;

/** One person talking to Virage; keeps the bot's last replies and a readable transcript. */
export class Person {
  last: any[] = [];
  readonly transcript: string[] = [];
  readonly userId: string;
  private readonly conversationId: string;
  sent = 0;

  constructor(
    private readonly baseUrl: string,
    label: string,
  ) {
    this.userId = `eval-${process.pid}-${++seq}-${label}`.replace(/[^A-Za-z0-9_-]/g, '_');
    this.conversationId = `conv-${this.userId}`;
  }

  get subject(): string {
    return `emulator:${this.userId}`;
  }

  async say(what: Say): Promise<any[]> {
    const fields = typeof what === 'string' ? { text: what } : { text: what.text, value: what.value };
    const act = {
      type: 'message',
      id: `act-${++seq}`,
      timestamp: new Date().toISOString(),
      channelId: 'emulator',
      from: { id: this.userId, name: 'Dirigeant', role: 'user' },
      recipient: { id: 'bot-1', name: 'Virage', role: 'bot' },
      conversation: { id: this.conversationId },
      locale: 'fr-FR',
      serviceUrl: 'http://127.0.0.1:9',
      deliveryMode: 'expectReplies',
      ...fields,
    };
    const res = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(act),
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    this.last = ((await res.json()) as { activities?: any[] }).activities ?? [];
    this.sent++;
    this.transcript.push(`> ${typeof what === 'string' ? what : JSON.stringify(what.value)}`);
    for (const t of texts(this.last)) this.transcript.push(`< ${t.replace(/\s*\n\s*/g, ' ⏎ ')}`);
    const b = buttons(this.last);
    if (b.length) this.transcript.push(`  [${b.join(' | ')}]`);
    return this.last;
  }
}

export const texts = (replies: any[]): string[] =>
  replies.filter((a) => a.type === 'message' && typeof a.text === 'string' && a.text.trim()).map((a) => a.text as string);

export const buttons = (replies: any[]): string[] =>
  replies.flatMap((a) =>
    (a.suggestedActions?.actions ?? []).map((x: { title?: string; value?: unknown }) => String(x.title ?? x.value ?? '')),
  );

/** Choices of a multi-select Adaptive Card in the replies (value + title), with the question id of its submit. */
export function cardChoices(replies: any[]): { questionId?: string; choices: Array<{ title: string; value: string }> } | undefined {
  for (const a of replies) {
    for (const att of a.attachments ?? []) {
      if (att.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
      const set = (att.content?.body ?? []).find((x: any) => x.type === 'Input.ChoiceSet');
      if (!set) continue;
      const submit = (att.content?.actions ?? []).find((x: any) => x.type === 'Action.Submit');
      return { questionId: submit?.data?.questionId, choices: set.choices ?? [] };
    }
  }
  return undefined;
}

/** The result of the diagnostic was shown (the card's machine-readable diagnostic, or its heading). */
export function resultShown(replies: any[]): boolean {
  return replies.some((a) => a.channelData?.virage?.diagnostic) || /Voici votre bilan/i.test(texts(replies).join('\n'));
}

export interface StoredRuns {
  /** The run in progress, if any. */
  current?: { answers: Record<string, Answer>; currentQuestion?: string };
  /** The last completed run, if any. */
  completed?: { answers: Record<string, Answer> };
}

/**
 * What the store holds for a person's diagnostics (the `diagnostics` collection, keyed by subject: read
 * directly, as the privacy export scans every collection and gets slow as the run accumulates people).
 */
export async function storedRuns(virage: Virage, subject: string): Promise<StoredRuns> {
  const rec = await virage.store.collection<SubjectDiagnostics>('diagnostics').get(subject);
  return { current: rec?.current, completed: rec?.completed[rec.completed.length - 1] };
}

/** The answers of the run in progress, else of the last completed run. */
export async function storedAnswers(virage: Virage, subject: string): Promise<Record<string, Answer>> {
  const runs = await storedRuns(virage, subject);
  return runs.current?.answers ?? runs.completed?.answers ?? {};
}
