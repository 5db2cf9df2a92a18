// The in-situ corpus (test/dialog-eval/): per-question items and whole conversations, loaded and checked
// (every question covered, ids unique, expectations well-formed) before anything is replayed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../src/paths.js';
import type { Answer } from '../../../src/diagnostic/types.js';
import type { Expectation, Outcome } from './compare.js';
import type { SeenQuestion } from './questions.js';

/** tune: looked at and tuned on; test: figures only; dev: a third set written later by the developers (tests/dialog-eval/dev/), looked at. */
export type Split = 'tune' | 'test' | 'dev';

export interface NotStored {
  notStored: true;
  /** question: a question asked mid-question (answered, not stored, asked again); noanswer: words that hold no answer. */
  kind: 'question' | 'noanswer';
}

export interface Item {
  id: string;
  question: string;
  text: string;
  expect: Outcome | NotStored;
  acceptable?: Outcome[];
  range?: [number, number];
  split: Split;
}

/** What the person answers to one question; scripted extra turns around it. */
export type Reply =
  | string
  | {
      /** Sent before the answer (e.g. a question about the question). */
      before?: string[];
      say: string;
      /** Sent right after the bot's reply to `say` (a correction, « retour », a question…), once. */
      then?: string[];
      /** Sent when the question comes back later (after « retour »); default: `say`. */
      again?: string;
    };

export interface Conversation {
  id: string;
  split: Split;
  /** Who this is, for people reading the corpus. */
  firm: string;
  /** The person's first messages, in their own words, up to the start of the diagnostic. */
  opening: string[];
  answers: Record<string, Reply>;
  /** Final stored answers that must hold (an Answer, or an Expectation with acceptable/range). */
  expect: Record<string, Answer | Expectation>;
  /** Questions that must not be asked (already answered in an earlier message). */
  notAsked?: string[];
}

export const corpusDir = path.join(projectRoot, 'test', 'dialog-eval');

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

export const devDir = path.join(corpusDir, 'dev');

export function loadItems(questions: SeenQuestion[], dir = path.join(corpusDir, 'items')): Item[] {
  const items: Item[] = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .flatMap((f) => readJson(path.join(dir, f)) as Item[])
    : [];
  const ids = new Set<string>();
  const known = new Set(questions.map((q) => q.id));
  for (const it of items) {
    if (ids.has(it.id)) throw new Error(`[eval-dialog] duplicate item id ${it.id}`);
    ids.add(it.id);
    if (!known.has(it.question)) throw new Error(`[eval-dialog] ${it.id}: unknown question ${it.question}`);
    if (it.split !== 'tune' && it.split !== 'test' && it.split !== 'dev')
      throw new Error(`[eval-dialog] ${it.id}: split must be tune, test or dev`);
    if (!it.text?.trim() || !it.expect) throw new Error(`[eval-dialog] ${it.id}: text and expect are required`);
  }
  return items;
}

/** Expectation of a conversation's question: a bare Answer or an Expectation. */
export function expectationOf(e: Answer | Expectation): Expectation {
  return 'expect' in e ? e : { expect: e };
}

export function loadConversations(questions: SeenQuestion[], dir = path.join(corpusDir, 'conversations')): Conversation[] {
  const known = new Set(questions.map((q) => q.id));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const c = readJson(path.join(dir, f)) as Conversation;
      for (const id of [...Object.keys(c.answers), ...Object.keys(c.expect), ...(c.notAsked ?? [])]) {
        if (!known.has(id)) throw new Error(`[eval-dialog] conversation ${f}: unknown question ${id}`);
      }
      if (!c.opening?.length) throw new Error(`[eval-dialog] conversation ${f}: an opening is required`);
      for (const [id, r] of Object.entries(c.answers)) {
        if (typeof r === 'string') continue;
        for (const key of ['before', 'then'] as const) {
          const v = r[key];
          if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === 'string')))
            throw new Error(`[eval-dialog] conversation ${f}: ${id}.${key} must be a list of messages`);
        }
      }
      return c;
    });
}

/** Coverage problems: questions with fewer than `min` items (returned, not thrown: the runner prints them). */
export function coverage(items: Item[], questions: SeenQuestion[], min = 12): string[] {
  return questions
    .map((q) => [q.id, items.filter((i) => i.question === q.id).length] as const)
    .filter(([, n]) => n < min)
    .map(([id, n]) => `${id}: ${n} items (< ${min})`);
}
