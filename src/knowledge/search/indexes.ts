// The indexes of the knowledge search, built once from the guides: passages (one per `##` section) with
// BM25 over their text, heading and section questions; each guide's « card » (title, keywords, synonyms,
// summary, questions); its curated labels alone; its section questions alone; each section's own labels;
// the vocabulary for typo tolerance. Sections found in many guides (« À retenir ») weigh less.
import type { Guide } from '../guides.js';
import { Bm25Index } from './bm25.js';
import { Vocabulary } from './fuzzy.js';
import type { SectionIntents } from './section-intent.js';
import { plainText, words, type AnalysedSentence } from './text.js';

// Field weights. questions: a section's own questions in its passage; cardQuestions: all of them in the
// guide's card; labelQuestions: how topical a query word found only in the questions is (1 = as a keyword);
// section: weight of the section's own labels (heading + questions) when picking the part of a guide;
// rankOwn: their weight in the ranking of guides (not in the confidence); intent: how much a section whose
// heading answers the kind of question asked (cost, definition, risks…) is preferred (× 2).
// Tuned on the tuning half of test/knowledge/eval only.
export const FIELD = { text: 1, sectionTitle: 2, questions: 2, title: 3, keywords: 3, synonyms: 2.5, summary: 1, cardQuestions: 0.5, labelQuestions: 0.5, section: 2, rankOwn: 0.5, intent: 1 };
export const K1 = 1.2;

const BOILERPLATE_SHARE = 0.25;
const BOILERPLATE_WEIGHT = 0.5;

export interface Passage {
  guide: number;
  /** Multiplier of the passage score: lower for boilerplate sections found in many guides (« À retenir »). */
  weight: number;
  sectionId: string;
  sectionTitle: string;
  /** Kinds of question its heading answers (bit mask of SectionIntents). */
  kinds: number;
  plain: string;
  /** Sentences with their stems, computed on the passage's first excerpt. */
  sentences?: AnalysedSentence[];
}



export interface Indexes {
  passages: Passage[];
  passageIndex: Bm25Index;
  cardIndex: Bm25Index;
  /** Curated labels only (title, keywords, synonyms): tells which query terms are topical for a guide. */
  labelIndex: Bm25Index;
  /** The questions the guide's sections answer: a query word found only there is half topical. */
  askedIndex: Bm25Index;
  /** Each section's own labels (heading and questions): picks the part of a guide that answers. */
  sectionIndex: Bm25Index;
  vocabulary: Vocabulary;
  surfaceStem: Map<string, string>;
  /** Index of each guide's first passage, plus the total at the end. */
  firstPassage: number[];
  byId: Map<string, Guide>;
}

export function buildIndexes(guides: Guide[], intents: SectionIntents | null): Indexes {
  const passages: Passage[] = [];
  const passageIndex = new Bm25Index({ k1: K1, b: 0.75 });
  const cardIndex = new Bm25Index({ k1: K1, b: 0.3 });
  const labelIndex = new Bm25Index({ k1: K1, b: 0.3 });
  const askedIndex = new Bm25Index({ k1: K1, b: 0.3 });
  const sectionIndex = new Bm25Index({ k1: K1, b: 0.3 });
  const vocabulary = new Vocabulary();
  const surfaceStem = new Map<string, string>();
  const firstPassage: number[] = [];
  const byId = new Map<string, Guide>();

  const analyse = (text: string): string[] => {
    const ws = words(text);
    for (const w of ws) {
      vocabulary.add(w.surface);
      if (!surfaceStem.has(w.surface)) surfaceStem.set(w.surface, w.stem);
    }
    return ws.map((w) => w.stem);
  };

  guides.forEach((g, gi) => {
    byId.set(g.id, g);
    cardIndex.add([
      { terms: analyse(g.title), weight: FIELD.title },
      { terms: analyse(g.keywords.join(' ; ')), weight: FIELD.keywords },
      { terms: analyse(g.synonyms.join(' ; ')), weight: FIELD.synonyms },
      { terms: analyse(g.summary), weight: FIELD.summary },
      { terms: analyse(g.sections.flatMap((s) => s.questions ?? []).join(' ; ')), weight: FIELD.cardQuestions },
    ]);
    const asked = g.sections.flatMap((s) => s.questions ?? []);
    labelIndex.add([{ terms: analyse([g.title, ...g.keywords, ...g.synonyms].join(' ; ')), weight: 1 }]);
    askedIndex.add([{ terms: analyse(asked.join(' ; ')), weight: 1 }]);
    firstPassage.push(passages.length);
    for (const s of g.sections) {
      const plain = plainText(s.text);
      passageIndex.add([
        { terms: analyse(s.title), weight: FIELD.sectionTitle },
        { terms: analyse(plain), weight: FIELD.text },
        { terms: analyse((s.questions ?? []).join(' ; ')), weight: FIELD.questions },
      ]);
      sectionIndex.add([{ terms: analyse([s.title, ...(s.questions ?? [])].join(' ; ')), weight: 1 }]);
      passages.push({ guide: gi, weight: 1, sectionId: s.id, sectionTitle: s.title, kinds: intents?.answered(s.title) ?? 0, plain });
    }
  });
  firstPassage.push(passages.length);
  const sectionCount = new Map<string, number>();
  for (const p of passages) sectionCount.set(p.sectionId, (sectionCount.get(p.sectionId) ?? 0) + 1);
  for (const p of passages) {
    const n = sectionCount.get(p.sectionId) ?? 1;
    if (n >= 3 && n >= BOILERPLATE_SHARE * guides.length) p.weight = BOILERPLATE_WEIGHT;
  }
  passageIndex.seal();
  cardIndex.seal();
  labelIndex.seal();
  askedIndex.seal();
  sectionIndex.seal();
  vocabulary.seal();

  return { passages, passageIndex, cardIndex, labelIndex, askedIndex, sectionIndex, vocabulary, surfaceStem, firstPassage, byId };
}
