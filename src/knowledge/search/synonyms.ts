// Query rewriting from data: the domain's abbreviations and words (knowledge/nlu/synonymes-kb.fr.json) are
// replaced by what the guides say (« CM » → community manager, « GMB » → fiche Google), so are the chat forms
// the dialog reads too (knowledge/nlu/formes-chat.fr.json: « bcp », « tjrs », « pb »), and question or
// politeness words are ignored. Keys are matched on folded tokens, longest first (up to 4 tokens).
import path from 'node:path';
import { fold, tokens } from '../../nlu/analyze.js';
import { knowledgeDir } from '../../paths.js';
import { readChecked, throwIfProblems } from '../validation.js';

export interface SynonymData {
  /** What the user types → what to search instead. */
  expansions: Record<string, string>;
  /** Words that carry no topic in a question (bonjour, comment, pouvez…). */
  ignoredWords: string[];
  /**
   * Everyday words that seldom name a topic (« semaine », « voir », « depuis »): still searched, but they
   * weigh little in the query's total, so that a question naming its guide's subject among them is answered.
   */
  genericWords?: string[];
}

export const DEFAULT_SYNONYMS_FILE = path.join(knowledgeDir, 'nlu', 'synonymes-kb.fr.json');

/** Reads and schema-checks a synonyms file (a misspelt key is an error, never an empty default). */
export function loadSynonyms(file: string): SynonymData {
  const { data, problems } = readChecked(file, path.join(path.dirname(file), 'synonymes-kb.schema.json'));
  throwIfProblems('Synonymes de la recherche invalides', problems);
  return data as SynonymData;
}

const MAX_KEY_TOKENS = 4;

export class QueryRewriter {
  private readonly rules = new Map<string, string[]>();
  readonly ignored: ReadonlySet<string>;

  /**
   * `chatWords`: the chat forms' words (formes-chat.fr.json « words »), under the domain's expansions; a word
   * the search ignores stays as typed (« svp », « ok »).
   */
  constructor(data: SynonymData = { expansions: {}, ignoredWords: [] }, chatWords: Record<string, string> = {}) {
    const ignored = new Set<string>();
    for (const w of data.ignoredWords) {
      const f = fold(w).trim();
      if (!f) continue;
      ignored.add(f);
      ignored.add(f.replace(/[-']/g, ''));
    }
    this.ignored = ignored;
    for (const [key, value] of Object.entries(chatWords)) {
      const keyTokens = tokens(key);
      if (keyTokens.length === 0 || keyTokens.every((t) => ignored.has(t))) continue;
      this.rules.set(keyTokens.join(' '), tokens(value));
    }
    for (const [key, value] of Object.entries(data.expansions)) {
      const keyTokens = tokens(key);
      if (keyTokens.length === 0 || keyTokens.length > MAX_KEY_TOKENS) continue;
      this.rules.set(keyTokens.join(' '), tokens(value));
    }
  }

  /** The query as folded tokens, with every known expression replaced (joined by spaces). */
  rewrite(query: string): string {
    const input = tokens(query);
    const out: string[] = [];
    for (let i = 0; i < input.length; ) {
      let matched = 0;
      for (let n = Math.min(MAX_KEY_TOKENS, input.length - i); n >= 1; n--) {
        const replacement = this.rules.get(input.slice(i, i + n).join(' '));
        if (replacement) {
          out.push(...replacement);
          matched = n;
          break;
        }
      }
      if (matched === 0) {
        out.push(input[i]!);
        matched = 1;
      }
      i += matched;
    }
    return out.join(' ');
  }
}
