// Knowledge search: index build time and search latency (p50/p95) on the shipped guides and on a
// generated corpus of 10,000 passages built from the shipped vocabulary, against a baseline run in the
// same process: a naive linear scan that analyses the query and counts matching stems in every passage.
// Targets: p95 < 2 ms on the shipped guides, < 20 ms on 10k passages.
import path from 'node:path';
import { loadGuides, type Guide } from '../src/knowledge/guides.js';
import { knowledgeOptions, loadContent } from '../src/content/index.js';
import { createKnowledgeBase, loadQuestions } from '../src/knowledge/search/index.js';
import { terms } from '../src/knowledge/search/text.js';
import { knowledgeDir } from '../src/paths.js';
import { ms, ratio, summarize } from './stats.js';
import type { BenchSection } from './types.js';

/** Deterministic pseudo-random numbers (mulberry32), so that every run builds the same corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** ~`passages` passages (6 per guide) whose words are drawn from the shipped guides, by frequency. */
export function generateCorpus(source: Guide[], passages: number, seed = 42): Guide[] {
  const words = source.flatMap((g) => g.body.split(/\s+/).filter((w) => /^[\p{L}'’-]{2,}$/u.test(w)));
  const random = rng(seed);
  const pick = () => words[Math.floor(random() * words.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, pick).join(' ') + '.';
  const out: Guide[] = [];
  for (let i = 0; out.length * 6 < passages; i++) {
    const sections = Array.from({ length: 6 }, (_, s) => ({
      id: `section-${s}`,
      title: sentence(4),
      text: Array.from({ length: 5 + Math.floor(random() * 6) }, () => sentence(8 + Math.floor(random() * 12))).join(' '),
    }));
    out.push({
      id: `guide-${i}`,
      title: sentence(5),
      summary: sentence(30),
      keywords: Array.from({ length: 8 }, pick),
      synonyms: Array.from({ length: 5 }, () => sentence(3)),
      related: [],
      updated: '2026-01-01',
      sources: [],
      sections,
      body: sections.map((s) => `## ${s.title}\n\n${s.text}`).join('\n\n'),
    });
  }
  return out;
}

/** Baseline: for each passage, count the query stems its analysed text contains (no index). */
function linearScan(passages: string[][], query: string): number {
  const q = new Set(terms(query));
  let best = -1;
  let bestScore = -1;
  passages.forEach((p, i) => {
    let s = 0;
    for (const t of p) if (q.has(t)) s++;
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  });
  return best;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

async function run(label: string, guides: Guide[], queries: string[], rounds: number, target: number): Promise<string[]> {
  const content = loadContent();
  const options = knowledgeOptions(content);
  let kb!: ReturnType<typeof createKnowledgeBase>;
  const build = time(() => (kb = createKnowledgeBase(guides, options)));
  const passages = guides.flatMap((g) => g.sections.map((s) => terms(`${s.title} ${s.text}`)));
  for (const q of queries.slice(0, 20)) kb.search(q); // warm-up
  const searchSamples: number[] = [];
  const scanSamples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      searchSamples.push(time(() => kb.search(q, { top: 3 })));
      scanSamples.push(time(() => linearScan(passages, q)));
    }
  }
  const s = summarize(searchSamples);
  const b = summarize(scanSamples);
  const verdict = s.p95 < target ? 'OK' : 'AU-DESSUS DE LA CIBLE';
  return [
    `${label}: ${kb.stats.guides} guides, ${kb.stats.passages} passages, ${kb.stats.vocabulary} mots ; index construit en ${ms(build, 1)}`,
    `  search     p50 ${ms(s.p50, 3)}  p95 ${ms(s.p95, 3)}  (cible p95 < ${target} ms : ${verdict}, ${s.n} requêtes)`,
    `  baseline   p50 ${ms(b.p50, 3)}  p95 ${ms(b.p95, 3)}  (balayage linéaire des passages, sans index)`,
    `  ratio p95 search / baseline : ${ratio(s.p95, b.p95)}`,
  ];
}

export async function benchKnowledge(): Promise<BenchSection> {
  const shipped = loadGuides(path.join(knowledgeDir, 'guides'));
  const queries = loadQuestions().map((q) => q.q);
  const lines = [
    ...(await run('Guides livrés', shipped, queries, 5, 2)),
    ...(await run('Corpus généré', generateCorpus(shipped, 10_000), queries, 1, 20)),
  ];
  return { title: 'Knowledge search (BM25 passages + cartes de guides)', lines };
}
