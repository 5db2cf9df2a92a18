// Out-of-domain vocabulary (knowledge/nlu/hors-domaine.fr.json): words and expressions of subjects Virage
// does not cover (weather, sport, recipes, labour law, taxes no guide covers, personal requests, insults).
// Matched on folded whole words; an entry that appears in a guide's own labels (title, keywords, synonyms,
// section questions) is dropped, since a word a guide names as its subject cannot be off-topic.
// The file is read and checked by the content loader (src/content, schema beside the data).
import { fold, tokens } from '../../nlu/analyze.js';
import { words } from './text.js';

/** knowledge/nlu/hors-domaine.fr.json as read (checked by its schema at start). */
export interface OffTopicData {
  themes: Record<string, string[]>;
  /** « entreprise de », « agence de »: the word after them is a trade (« une entreprise de déménagement »). */
  tradeOf?: string[];
  /**
   * Providers the guides help choose (« freelance », « prestataire »): an out-of-domain word whose object is one
   * of them (« embaucher une freelance », « recruter un community manager ») is engaging a provider, not labour law.
   */
  providers?: string[];
  /**
   * Questions to Virage about itself (« tu es un humain ou un robot ? »): small talk, whatever guide names its
   * words (« humain » is a label of accompagnement-cci, to reach a person). `askers` address the assistant
   * (« tu es », « es-tu »), `natures` say what it might be (« robot », « humain »): a question holding both is
   * out of domain, and both are stripped before counting the guide's words it names.
   */
  assistant?: { askers: string[]; natures: string[] };
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Hyphens split words (« es-tu » is « es tu », « êtes-vous » is « etes vous ») on both sides of the match.
const normalise = (text: string): string => ` ${tokens(fold(text)).join(' ').replace(/-/g, ' ')} `;

export class OffTopicLexicon {
  private readonly entries: string[];
  private readonly trade: RegExp | null;
  private readonly engaging: RegExp | null;
  private readonly askers: string[];
  private readonly natures: string[];

  /** `labels`: the guides' curated texts; entries found there are ignored. */
  constructor(labels: string[], data: OffTopicData) {
    const known = labels.map(normalise).join(' ');
    const all = Object.values(data.themes).flat();
    this.entries = [...new Set(all.map((w) => normalise(w)).filter((w) => w.trim() && !known.includes(w)))];
    const intro = (data.tradeOf ?? []).map((w) => normalise(w).trim()).filter(Boolean);
    this.trade = intro.length ? new RegExp(`(?<= (?:${intro.map(escape).join('|')})) \\S+(?= )`, 'g') : null;
    const spaced = (list: string[] | undefined) => (list ?? []).map(normalise).filter((w) => w.trim());
    this.askers = spaced(data.assistant?.askers);
    this.natures = spaced(data.assistant?.natures);
    const providers = (data.providers ?? []).map((w) => normalise(w).trim()).filter(Boolean);
    const words = this.entries.map((e) => e.trim());
    this.engaging =
      providers.length && words.length
        ? new RegExp(
            `(?<= )(?:${words.map(escape).join('|')})(?= (?:(?:un|une|des|le|la|l|mon|ma|mes|notre|nos|d) )?(?:${providers.map(escape).join('|')}) )`,
            'g',
          )
        : null;
  }

  /** Normalised text without the trades it names (« entreprise de déménagement » keeps « entreprise de »). */
  private clean(text: string): string {
    let n = normalise(text);
    if (this.trade) n = n.replace(this.trade, ' ');
    return this.engaging ? n.replace(this.engaging, ' ') : n;
  }

  /** The expressions of a question to the assistant about itself (an asker and a nature), else none. */
  private aboutAssistant(folded: string): string[] {
    const askers = this.askers.filter((a) => folded.includes(a));
    const natures = this.natures.filter((n) => folded.includes(n));
    return askers.length && natures.length ? [...askers, ...natures] : [];
  }

  /** The out-of-domain expressions found in a text (folded, whole words). */
  hits(text: string): string[] {
    const folded = this.clean(text);
    return [...this.entries.filter((e) => folded.includes(e)), ...this.aboutAssistant(folded)].map((e) => e.trim());
  }

  /** The folded text without its out-of-domain expressions (« changer d'expert-comptable » leaves « je veux »). */
  strip(text: string): string {
    let folded = this.clean(text);
    for (const e of [...this.entries, ...this.aboutAssistant(folded)]) while (folded.includes(e)) folded = folded.replace(e, ' ');
    return folded;
  }

  /** Whether a text holds an out-of-domain expression. */
  has(text: string): boolean {
    const folded = this.clean(text);
    return this.entries.some((e) => folded.includes(e)) || this.aboutAssistant(folded).length > 0;
  }

  get size(): number {
    return this.entries.length;
  }
}

/** At least this many words of a guide's labels must name its subject outside any out-of-domain expression. */
export const OFF_TOPIC_NAMED = 2;

/**
 * Whether a question holding an out-of-domain expression fails to name its guide's subject with
 * OFF_TOPIC_NAMED words of the guide's labels (`mask`: the query terms found there) outside that expression:
 * « mon comptable me facture trop cher » names « comptable » only inside « mon comptable ». The vocabulary is
 * read only when needed (`named`: the labels' words in the whole question; `stems`: the search's analysis).
 */
export function namedOutside(
  lexicon: OffTopicLexicon,
  query: string,
  terms: Array<{ term: string }>,
  mask: number,
  named: number,
  stems: (text: string) => string[] = (text) => words(text).map((w) => w.stem),
): boolean {
  if (named < OFF_TOPIC_NAMED) return lexicon.has(query);
  if (!lexicon.has(query)) return false;
  const rest = lexicon.strip(query);
  const left = new Set(stems(rest));
  return terms.filter((t, i) => mask & (1 << i) && left.has(t.term)).length < OFF_TOPIC_NAMED;
}
