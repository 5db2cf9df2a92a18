// A small step runner for table-driven diagnostic conversations through the real /api/messages
// endpoint (deliveryMode expectReplies): each step is [what the person sends, what the bot must do].
import type { Virage } from '../../../src/index.js';
import { activity, buttons, texts, turn } from '../../helpers/emulator.js';

/** What the person sends: a text (a typed message or a button label) or a card submit without text. */
export type Say = string | { value: unknown; text?: string };

/** What the bot must answer: a pattern on the joined texts, exact buttons, a check, or a mix. */
export type Expect =
  | RegExp
  | ((replies: any[]) => void)
  | { says?: RegExp; not?: RegExp; buttons?: string[]; hasButton?: string; check?: (replies: any[]) => void };

export type Step = [Say, Expect?];

export const DIAG = 'Faire mon diagnostic numérique';

/** The joined text of the bot's messages in one turn. */
export const joined = (replies: any[]) => texts(replies).join('\n');

/** « Question 7/32 · Présence en ligne » → 7, or undefined. */
export function questionNumber(replies: any[]): number | undefined {
  const m = /Question (\d+)\/\d+/.exec(joined(replies));
  return m ? Number(m[1]) : undefined;
}

let convSeq = 0;

/** One person's conversation with Virage; remembers the last replies. */
export class Chat {
  last: any[] = [];
  readonly log: string[] = [];
  constructor(
    readonly baseUrl: string,
    readonly userId = `u-${process.pid}-${++convSeq}`,
    readonly conversationId = `c-${process.pid}-${++convSeq}`,
  ) {}

  /** The privacy subject of this person on the emulator channel. */
  get subject(): string {
    return `emulator:${this.userId}`;
  }

  async say(what: Say): Promise<any[]> {
    const fields = typeof what === 'string' ? { text: what } : { text: what.text, value: what.value };
    this.last = await turn(this.baseUrl, activity(fields, this.conversationId, this.userId));
    this.log.push(`> ${typeof what === 'string' ? what : JSON.stringify(what)}`, ...texts(this.last).map((t) => `< ${t}`));
    if (buttons(this.last).length) this.log.push(`  [${buttons(this.last).join(' | ')}]`);
    return this.last;
  }

  /** Sends each step and checks its expectation; a failure names the step and shows the conversation. */
  async run(steps: Step[]): Promise<any[]> {
    for (const [i, [say, expected]] of steps.entries()) {
      const replies = await this.say(say);
      try {
        if (expected) check(replies, expected);
      } catch (err) {
        const where = `step ${i + 1} (${JSON.stringify(say)})`;
        throw new Error(`${where}: ${(err as Error).message}\n--- conversation ---\n${this.log.slice(-40).join('\n')}`);
      }
    }
    return this.last;
  }
}

export function check(replies: any[], expected: Expect): void {
  if (expected instanceof RegExp) return check(replies, { says: expected });
  if (typeof expected === 'function') return expected(replies);
  const said = joined(replies);
  if (expected.says && !expected.says.test(said)) throw new Error(`expected ${expected.says} in:\n${said}`);
  if (expected.not && expected.not.test(said)) throw new Error(`did not expect ${expected.not} in:\n${said}`);
  const shown = buttons(replies);
  if (expected.buttons && JSON.stringify(shown) !== JSON.stringify(expected.buttons)) {
    throw new Error(`expected buttons ${JSON.stringify(expected.buttons)}, got ${JSON.stringify(shown)}`);
  }
  if (expected.hasButton && !shown.includes(expected.hasButton)) {
    throw new Error(`expected a button « ${expected.hasButton} », got ${JSON.stringify(shown)}`);
  }
  expected.check?.(replies);
}

/** Expects the bot to ask question number `n` (« Question n/… »), optionally saying something first. */
export const asks = (n: number, says?: RegExp): Expect => ({
  says,
  check: (replies) => {
    const got = questionNumber(replies);
    if (got !== n) throw new Error(`expected question ${n}, got ${got ?? 'none'}:\n${joined(replies)}`);
  },
});

/** The multi-choice card submit: values ticked, no text. */
export const submit = (questionId: string, values: string[]): Say => ({ value: { questionId, values } });

/** The result card (Adaptive Card) and its machine-readable diagnostic, from the final turn. */
export function resultOf(replies: any[]): { card: any; diagnostic: any } {
  const act = replies.find((a) => a.channelData?.virage?.diagnostic);
  if (!act) throw new Error(`no result in:\n${joined(replies)}`);
  const card = (act.attachments ?? []).find((x: any) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  return { card, diagnostic: act.channelData.virage.diagnostic };
}

/** Every URL in a card (images and actions), rewritten from the public base URL to the test server. */
export function cardUrls(card: any, baseUrl: string): string[] {
  const urls: string[] = [];
  const walk = (x: any): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      if (typeof x.url === 'string') urls.push(x.url);
      Object.values(x).forEach(walk);
    }
  };
  walk(card);
  return urls.map((u) => u.replace(/^http:\/\/localhost:\d+/, baseUrl));
}

/** What the store holds for a person's diagnostics: `{ runs: { current, completed }, results }` or null. */
export async function stored(virage: Virage, subject: string): Promise<any> {
  const data = await virage.privacy.exportFor(subject);
  return data.sources.find((s) => s.name === 'diagnostics')!.data;
}

/** The answers of the run in progress. */
export async function currentAnswers(virage: Virage, subject: string): Promise<Record<string, unknown>> {
  return (await stored(virage, subject))?.runs?.current?.answers ?? {};
}
