// Replays items and conversations through one real Virage, a few people at a time.
import { startServer } from './client.js';
import { runConversation, type ConversationResult } from './conversations.js';
import type { Conversation, Item } from './corpus.js';
import { runItem, type Context, type ItemResult } from './items.js';
import { loadQuestions, loadSectors } from './questions.js';

export interface Results {
  items: ItemResult[];
  conversations: ConversationResult[];
  ms: number;
}

async function pool<T, R>(inputs: T[], width: number, work: (x: T) => Promise<R>, onDone?: (n: number) => void): Promise<R[]> {
  const out: R[] = new Array(inputs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await work(inputs[i]);
      onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, inputs.length)) }, worker));
  return out;
}

export async function evaluate(
  items: Item[],
  conversations: Conversation[],
  opts: { concurrency?: number; progress?: (what: string, n: number, of: number) => void } = {},
): Promise<Results> {
  const t0 = performance.now();
  const server = await startServer();
  try {
    const ctx: Context = { server, questions: loadQuestions(), sectors: loadSectors() };
    const width = opts.concurrency ?? 2;
    const itemResults = await pool(
      items,
      width,
      (it) => runItem(ctx, it),
      (n) => opts.progress?.('items', n, items.length),
    );
    const convResults = await pool(
      conversations,
      width,
      (c) => runConversation(ctx, c),
      (n) => opts.progress?.('conversations', n, conversations.length),
    );
    return { items: itemResults, conversations: convResults, ms: performance.now() - t0 };
  } finally {
    await server.stop();
  }
}
