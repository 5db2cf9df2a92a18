// Out-of-domain vocabulary (knowledge/nlu/hors-domaine.fr.json): words and expressions of subjects Virage
// does not cover (weather, sport, recipes, labour law, taxes no guide covers, personal requests, insults).
// Matched on folded whole words; an entry that appears in a guide's own labels (title, keywords, synonyms,
// section questions) is dropped, since a word a guide names as its subject cannot be off-topic.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fold, tokens } from '../../nlu/analyze.js';
import { knowledgeDir } from '../../paths.js';

export const DEFAULT_OFF_TOPIC_FILE = path.join(knowledgeDir, 'nlu', 'hors-domaine.fr.json');

const normalise = (text: string): string => ` ${tokens(fold(text)).join(' ')} `;

export class OffTopicLexicon {
  private readonly entries: string[];

  /** `labels`: the guides' curated texts; entries found there are ignored. */
  constructor(labels: string[], file = DEFAULT_OFF_TOPIC_FILE) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { themes?: Record<string, unknown> };
    if (!raw.themes || typeof raw.themes !== 'object') throw new Error(`[knowledge] ${file}: « themes » manquant`);
    const known = labels.map(normalise).join(' ');
    const all = Object.values(raw.themes).flatMap((list) => (Array.isArray(list) ? list.map(String) : []));
    this.entries = [...new Set(all.map((w) => normalise(w)).filter((w) => w.trim() && !known.includes(w)))];
  }

  /** The out-of-domain expressions found in a text (folded, whole words). */
  hits(text: string): string[] {
    const folded = normalise(text);
    return this.entries.filter((e) => folded.includes(e)).map((e) => e.trim());
  }

  get size(): number {
    return this.entries.length;
  }
}
