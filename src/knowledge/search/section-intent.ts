// What a question asks for, to pick the part of a guide that answers (knowledge/nlu/sections-kb.fr.json).
// Each kind (definition, cost, risks, where to start…) has « asked » expressions, found in questions, and
// « headings » expressions, found in section headings. The question words that carry this (« combien »,
// « c'est quoi », « risqué ») are ignored when choosing the guide; here they choose among its sections.
// Expressions are matched on folded whole words (« ça coûte » finds « ca coute », not « decoute »).
import { fold, tokens } from '../../nlu/analyze.js';

/** knowledge/nlu/sections-kb.fr.json as read (checked by its schema at start, see src/content). */
export interface SectionIntentData {
  kinds: Record<string, { asked: string[]; headings: string[] }>;
}

const normalise = (text: string): string => ` ${tokens(fold(text)).join(' ').replace(/-/g, ' ')} `;

export class SectionIntents {
  private readonly kinds: Array<{ bit: number; asked: string[]; headings: string[] }>;
  /** Kind names by bit (for tests and curators). */
  readonly names: string[];

  constructor(data: SectionIntentData) {
    const entries = Object.entries(data.kinds).slice(0, 31);
    this.names = entries.map(([name]) => name);
    this.kinds = entries.map(([, k], i) => ({
      bit: 1 << i,
      asked: k.asked.map(normalise).filter((e) => e.trim()),
      headings: k.headings.map(normalise).filter((e) => e.trim()),
    }));
  }

  /** Bit mask of the kinds a question asks for. */
  asked(question: string): number {
    const text = normalise(question);
    return this.kinds.reduce((mask, k) => (k.asked.some((e) => text.includes(e)) ? mask | k.bit : mask), 0);
  }

  /** Bit mask of the kinds a section heading answers. */
  answered(heading: string): number {
    const text = normalise(heading);
    return this.kinds.reduce((mask, k) => (k.headings.some((e) => text.includes(e)) ? mask | k.bit : mask), 0);
  }

  /** The names of the kinds in a mask. */
  describe(mask: number): string[] {
    return this.names.filter((_, i) => mask & (1 << i));
  }
}

/** The « headings » expressions that no section heading holds (a typo, or a heading since renamed). */
export function unusedHeadingCues(data: SectionIntentData, headings: string[]): Array<{ kind: string; index: number; cue: string }> {
  const texts = headings.map(normalise);
  return Object.entries(data.kinds).flatMap(([kind, k]) =>
    k.headings.flatMap((cue, index) => (texts.some((t) => t.includes(normalise(cue))) ? [] : [{ kind, index, cue }])),
  );
}
