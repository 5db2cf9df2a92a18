// The conversation so far, for the advisor's context package (texts only). The self-hosted web chat
// keeps its Direct Line transcript in the store; the other channels (Teams, Emulator, Azure Direct
// Line) keep their last texts in ConversationState through a middleware on the /api/messages adapter.
import type { Activity, Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { TranscriptLine } from '../handoff/types.js';
import { unescapeMarkdown } from '../markdown.js';
import type { DirectLineService } from '../server/directline/index.js';

export const RECENT_TEXTS = 'recentTexts';
export const MAX_RECENT = 30;
const MAX_LINE = 500;

/**
 * The bot's markdown as plain text for the advisor: **bold**, _italic_ and [label](url) → label (url);
 * what the person typed, escaped in the bot's message (src/markdown.ts), back to what they typed.
 */
export function plain(text: string): string {
  return unescapeMarkdown(
    text
      .replace(/(?<!\\)\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '$1 ($2)')
      .replace(/(?<!\\)\*\*([^*]+)\*\*/g, '$1')
      .replace(/(^|\s)_([^_\n]+)_(?=\s|$|[.,;:!?])/g, '$1$2'),
  ).trim();
}

function push(lines: TranscriptLine[], from: 'user' | 'bot', text: string | undefined, at: Date): void {
  const t = from === 'bot' ? plain(text ?? '') : (text ?? '').trim();
  if (!t) return;
  lines.push({ from, text: t.slice(0, MAX_LINE), at: at.toISOString() });
  if (lines.length > MAX_RECENT) lines.splice(0, lines.length - MAX_RECENT);
}

/** Records the user's texts and the bot's replies of message turns (the bot handler saves the state). */
export class RecentTextsMiddleware implements Middleware {
  constructor(private readonly recent: StatePropertyAccessor<TranscriptLine[]>) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== 'message') return next();
    const lines = await this.recent.get(context, []);
    push(lines, 'user', context.activity.text, new Date());
    context.onSendActivities(async (_ctx, activities, send) => {
      for (const a of activities) if (a.type === 'message') push(lines, 'bot', a.text, new Date());
      await this.recent.set(context, lines);
      return send();
    });
    await this.recent.set(context, lines);
    await next();
  }
}

/** True when a conversation (reference or activity) is one of our own self-hosted Direct Line. */
export function isSelfHostedDirectLine(
  ref: { channelId?: string; serviceUrl?: string },
  directLine: DirectLineService | undefined,
): boolean {
  if (!directLine || ref.channelId !== 'directline' || !ref.serviceUrl) return false;
  try {
    return new URL(ref.serviceUrl).pathname === new URL(directLine.serviceUrl()).pathname;
  } catch {
    return false;
  }
}

/** The transcript provider the handoff dialog uses. */
export function transcriptProvider(recent: StatePropertyAccessor<TranscriptLine[]>, directLine: () => DirectLineService | undefined) {
  return async (context: TurnContext): Promise<TranscriptLine[]> => {
    const dl = directLine();
    if (dl && isSelfHostedDirectLine(context.activity, dl)) {
      const history = await dl.history(context.activity.conversation.id);
      return history
        .filter((a) => a.type === 'message' && typeof a.text === 'string' && a.text.trim())
        .slice(-MAX_RECENT)
        .map((a) => {
          const user = a.from?.role === 'user';
          return { from: user ? 'user' : 'bot', text: (user ? a.text!.trim() : plain(a.text!)).slice(0, MAX_LINE), at: a.timestamp };
        });
    }
    return [...(await recent.get(context, []))];
  };
}

export type { Activity };
