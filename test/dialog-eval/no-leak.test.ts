// The dialog evaluation corpus is a test, never a source: no sentence of it may appear in the lexicons the
// bot reads (knowledge/nlu/**, the questionnaire's option synonyms). Short answers (« pas vraiment », « aucune
// idée ») are everyday French and may well be there; sentences of five words or more may not, except the
// questionnaire's own printed examples, which every dirigeant sees.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { knowledgeDir } from '../../src/paths.js';
import { devDir, loadConversations, loadItems } from '../../scripts/lib/dialog-eval/corpus.js';
import { fold, loadQuestions } from '../../scripts/lib/dialog-eval/questions.js';

const words = (s: string) => fold(s).replace(/[^a-z0-9' ]/g, ' ').replace(/\s+/g, ' ').trim();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function lexicons(): string {
  const nlu = filesUnder(path.join(knowledgeDir, 'nlu')).map((f) => readFileSync(f, 'utf8'));
  const questionnaire = JSON.parse(readFileSync(path.join(knowledgeDir, 'diagnostic', 'questionnaire.fr.json'), 'utf8'));
  const synonyms = questionnaire.questions.flatMap((q: any) => (q.options ?? []).flatMap((o: any) => o.synonyms ?? []));
  return words([...nlu, ...synonyms].join('\n'));
}

// Phrases that were in the lexicons before any corpus item was written, and that a corpus writer later typed
// independently: not a leak. « pourquoi vous voulez savoir ça » is a « pourquoi » command phrase of
// knowledge/nlu/intents.fr.json since 2026-11-22 (commit 1e41d02); the devd batch (1 December) asks it back.
// « je préfère ne pas répondre » is a « passer » phrase of knowledge/nlu/phrases.fr.json since 2026-11-30 (commit
// 3b6a292); a writer of the devm batch (2 December) typed it as a skip. « je réponds pas à ça » is part of a « passer »
// training phrase of knowledge/nlu/intents.fr.json since 2026-11-22 (commit 1e41d02); a writer of the devn batch typed it.
// « non, pas à ma connaissance » is two neighbouring alternatives of the « doubtedNo » cue of knowledge/nlu/reponses.fr.json
// (« …|a ma connaissance non|pas a ma connaissance|… », since 2026-12-01, commit 2b47cf9); a writer of devu typed it.
const OLDER_THAN_CORPUS: readonly string[] = [
  'pourquoi vous voulez savoir ca',
  'je prefere ne pas repondre',
  'je reponds pas a ca',
  'non pas a ma connaissance',
];

describe('dialog evaluation corpus', () => {
  it('is not copied into the lexicons', () => {
    const questions = loadQuestions();
    const raw = JSON.parse(readFileSync(path.join(knowledgeDir, 'diagnostic', 'questionnaire.fr.json'), 'utf8'));
    const printed = words(raw.questions.map((q: any) => q.example).join('\n'));
    const texts = [
      ...loadItems(questions).map((i) => i.text),
      // The developers' own dev set is held to the same rule: it measures only while nothing is copied from it.
      ...loadItems(questions, devDir).map((i) => i.text),
      ...loadConversations(questions).flatMap((c) =>
        Object.values(c.answers).flatMap((r) => (typeof r === 'string' ? [r] : [r.say, ...(r.before ?? []), ...(r.then ?? [])])),
      ),
    ];
    const lex = lexicons();
    const leaked = [...new Set(texts.map(words))].filter((t) => t.split(' ').length >= 5 && !printed.includes(t) && !OLDER_THAN_CORPUS.includes(t) && lex.includes(t));
    expect(leaked).toEqual([]);
    // The labelled example answers the learned reader is trained on (knowledge/nlu/exemples-reponses/) are held to
    // the other direction too: none of five words or more may be a piece of a corpus text.
    const corpus = [...new Set(texts.map(words))];
    const examples = filesUnder(path.join(knowledgeDir, 'nlu', 'exemples-reponses'))
      .filter((f) => f.endsWith('.fr.json'))
      .flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')).examples as { text: string }[]).map((e) => words(e.text)));
    expect(examples.length).toBeGreaterThan(0);
    const copied = examples.filter((e) => e.split(' ').length >= 5 && corpus.some((t) => t.includes(e)));
    expect(copied).toEqual([]);
  });
});
