// The types of the knowledge search's public API (see knowledge-base.ts).
import type { Guide } from '../guides.js';
import type { OffTopicData } from './off-topic.js';
import type { SectionIntents } from './section-intent.js';
import type { SynonymData } from './synonyms.js';
import type { UrgentDetector, UrgentSituation } from './urgent.js';

export interface KnowledgeOptions {
  /** Minimum confidence to answer (default 0.38). */
  threshold?: number;
  /** Second guide's score ≥ clarifyRatio × first's → offered beside the answer as « see also » (default 0.95). */
  clarifyRatio?: number;
  /** Lead over the next guide from which ¾ of the threshold is enough to answer (default 0.25; above 1: never). */
  clearLead?: number;
  /** Beyond this many words a question's signals are scaled by words / longQuery (default 5; Infinity: never). */
  longQuery?: number;
  /** Abbreviations and ignored words (knowledge/nlu/synonymes-kb.fr.json, loaded by src/content). */
  synonyms: SynonymData;
  /** Chat forms' words (knowledge/nlu/formes-chat.fr.json « words »), rewritten like the synonyms; absent: none. */
  chatWords?: Record<string, string>;
  /** Weight of a guide's card score added to each of its passages (default 1). */
  cardWeight?: number;
  /** Weight of a typo-corrected word (default 0.8). */
  typoWeight?: number;
  /** Words that say who the dirigeant is (trades, towns, régions: knowledge/nlu/secteurs and territoires). */
  contextWords?: string[];
  /** Share of its bound that a context word adds to the query's total (default 0.5). */
  contextWeight?: number;
  /** Share of its bound that a generic word (synonyms.genericWords) adds to the query's total (default 0.25). */
  genericWeight?: number;
  /** Share of the rarest term's bound that a word unknown to every guide adds to the query's total (default 0.5). */
  unknownWeight?: number;
  /** Urgent situations (knowledge/nlu/urgences.fr.json, loaded by src/content); absent or false: none. */
  urgent?: UrgentDetector | false;
  /** What a question asks for → the section headings that answer it (knowledge/nlu/sections-kb.fr.json). */
  sectionIntents?: SectionIntents | false;
  /** Out-of-domain vocabulary (knowledge/nlu/hors-domaine.fr.json, loaded by src/content); absent or false: none. */
  offTopic?: OffTopicData | false;
}

export interface SearchOptions {
  /** Number of guides returned (default 3, at most 10). */
  top?: number;
}

export interface KbResult {
  guideId: string;
  title: string;
  sectionId: string;
  sectionTitle: string;
  excerpt: string;
  /** Raw relevance (BM25, unbounded). */
  score: number;
  /** In [0, 1]; compare with the threshold. */
  confidence: number;
  url: string;
  /** The parts of the confidence: share of the query matched, strength of the match, lead over the next guide. */
  signals: { coverage: number; topical: number; strength: number; lead: number };
}

export interface KbSearchResult {
  query: string;
  answered: boolean;
  /** A guide that scores almost as well as the answer's: offered beside it (« À voir aussi »), or null. */
  alsoSee: KbResult | null;
  results: KbResult[];
  /** An urgent situation (hacked account, ransomware…): then the first result is its guide, always answered. */
  urgent: UrgentSituation | null;
  /** How the query was understood (for curators and tests): stems searched, corrections, unknown words. */
  understood: { terms: string[]; corrected: Array<{ from: string; to: string }>; unknown: string[] };
}

export interface KnowledgeBase {
  search(query: string, options?: SearchOptions): KbSearchResult;
  guide(id: string): Guide | undefined;
  list(): Array<{ id: string; title: string; summary: string; url: string }>;
  readonly threshold: number;
  readonly stats: { guides: number; passages: number; vocabulary: number };
}
