// The answer shown in the chat for one guide section: its key content whole, in Markdown (lists stay
// lists), cut only between blocks or at a sentence boundary, never inside a list; when something is left
// out, `complete` is false and the caller links « Lire la suite » to the section's anchor.
import type { GuideSection } from './guides.js';

export interface SectionAnswer {
  markdown: string;
  /** False when part of the section was left out (then show « Lire la suite »). */
  complete: boolean;
}

/** Default budget, in characters of Markdown: most sections (≈ 700–1 000) are shown whole. */
export const ANSWER_MAX_CHARS = 1100;
/** A list that starts the answer is kept whole up to this many characters (never cut in the middle). */
const LIST_HARD_MAX = 1800;

type Block = { kind: 'list' | 'text'; text: string };

const LIST_LINE = /^\s*(?:[-*+]|\d+[.)])\s+/;

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  for (const chunk of markdown.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const text = chunk.trim();
    if (!text) continue;
    const lines = text.split('\n');
    const kind = LIST_LINE.test(lines[0]!) ? 'list' : 'text';
    const last = out[out.length - 1];
    // A list split by blank lines between its items is still one list.
    if (kind === 'list' && last?.kind === 'list') last.text += `\n${text}`;
    else out.push({ kind, text });
  }
  return out;
}

/** Sentences of a Markdown paragraph (keeps « 1 500 € » and « p. ex. » reasonably whole). */
export function markdownSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…»])\s+(?=[A-ZÀ-ÖØ-Þ«"(*0-9])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The section's content within `maxChars`, whole blocks first, then whole sentences; lists never cut. */
export function sectionAnswer(section: Pick<GuideSection, 'text'>, maxChars = ANSWER_MAX_CHARS): SectionAnswer {
  const all = blocks(section.text);
  const kept: string[] = [];
  let used = 0;
  for (let i = 0; i < all.length; i++) {
    const b = all[i]!;
    const next = all[i + 1];
    const cost = b.text.length + (kept.length ? 2 : 0);
    // A sentence introducing a list (« … : ») goes with its list or not at all.
    const introducesList = b.kind === 'text' && next?.kind === 'list' && /:\s*$/.test(b.text);
    const withList = introducesList ? cost + next!.text.length + 2 : cost;
    if (used + withList <= maxChars) {
      kept.push(b.text);
      used += cost;
      continue;
    }
    if (kept.length === 0) {
      // The opening of the section: keep a list whole (within a hard limit), else the sentences that fit.
      if (b.kind === 'list' && used + cost <= LIST_HARD_MAX) {
        kept.push(b.text);
        used += cost;
        continue;
      }
      if (introducesList && used + withList <= LIST_HARD_MAX) {
        kept.push(b.text, next!.text);
        used += withList;
        i++;
        continue;
      }
    }
    if (b.kind === 'text' && !introducesList) {
      const room = maxChars - used - (kept.length ? 2 : 0);
      let part = '';
      for (const s of markdownSentences(b.text)) {
        const candidate = part ? `${part} ${s}` : s;
        if (candidate.length > room) break;
        part = candidate;
      }
      if (part) kept.push(part);
    }
    // Never an empty answer: at least the first sentence, or the opening list whole.
    if (kept.length === 0) kept.push(b.kind === 'list' ? b.text : (markdownSentences(b.text)[0] ?? b.text));
    return { markdown: kept.join('\n\n'), complete: false };
  }
  return { markdown: kept.join('\n\n'), complete: true };
}
