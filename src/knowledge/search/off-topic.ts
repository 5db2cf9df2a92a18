// Out-of-domain vocabulary (knowledge/nlu/hors-domaine.fr.json): words and expressions of subjects Virage
// does not cover (weather, sport, recipes, labour law, taxes no guide covers, personal requests, insults).
// Matched on folded whole words; an entry that appears in a guide's own labels (title, keywords, synonyms,
// section questions) is dropped, since a word a guide names as its subject cannot be off-topic.
// The file is read and checked by the content loader (src/content, schema beside the data).
import { fold, tokens } from '../../nlu/analyze.js';

/** knowledge/nlu/hors-domaine.fr.json as read (checked by its schema at start). */
export interface OffTopicData {
  themes: Record<string, string[]>;
}

const normalise = (text: string): string => ` ${tokens(fold(text)).join(' ')} `;

export class OffTopicLexicon {
  private readonly entries: string[];

  /** `labels`: the guides' curated texts; entries found there are ignored. */
  constructor(labels: string[], data: OffTopicData) {
    const known = labels.map(normalise).join(' ');
    const all = Object.values(data.themes).flat();
    this.entries = [...new Set(all.map((w) => normalise(w)).filter((w) => w.trim() && !known.includes(w)))];
  }

  /** The out-of-domain expressions found in a text (folded, whole words). */
  hits(text: string): string[] {
    const folded = normalise(text);
    return this.entries.filter((e) => folded.includes(e)).map((e) => e.trim());
  }

  /** Whether a text holds an out-of-domain expression. */
  has(text: string): boolean {
    const folded = normalise(text);
    return this.entries.some((e) => folded.includes(e));
  }

  get size(): number {
    return this.entries.length;
  }
}
