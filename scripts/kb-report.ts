// npm run kb:report — for the curators: questions the knowledge base could not answer (or answered with a
// low confidence), most frequent first, and the 👍/👎 per guide section. Reads the store in DATA_DIR
// (read only: run it on a copy, or while the server is stopped, to see the latest writes).
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { KnowledgeFeedback } from '../src/knowledge/feedback.js';
import { ShardedFileStore } from '../src/storage/sharded-store.js';
import { PostgresStore, redactUrl } from '../src/storage/postgres/store.js';

async function main(): Promise<void> {
  const config = loadConfig();
  // The server keeps its store in DATA_DIR/store; read it without writing, even while the server runs.
  // With STORE=postgres, the database the server uses (reading it is safe while the server runs).
  const store =
    config.store.kind === 'postgres'
      ? await PostgresStore.open({ url: config.store.url })
      : new ShardedFileStore(path.join(config.dataDir, 'store'), { readOnly: true });
  const source = config.store.kind === 'postgres' ? redactUrl(config.store.url) : config.dataDir;
  try {
    const feedback = new KnowledgeFeedback(store);
    const limit = Number(process.argv[2] ?? 50) || 50;
    const questions = await feedback.questionsToCurate();
    console.log(`Questions à traiter (${questions.length}, données de ${source}) :`);
    if (questions.length === 0) console.log('  aucune');
    for (const q of questions.slice(0, limit)) {
      const kind = q.kind === 'unanswered' ? 'sans réponse' : 'réponse peu sûre';
      const best = q.bestGuide ? `meilleur guide ${q.bestGuide} (${q.bestConfidence})` : 'aucun guide proche';
      console.log(`  ${String(q.count).padStart(4)} × « ${q.query} » — ${kind}, ${best}, dernière fois le ${q.lastDay}`);
    }
    if (questions.length > limit) console.log(`  … et ${questions.length - limit} autres (npm run kb:report -- ${questions.length})`);
    const votes = await feedback.voteSummary();
    console.log(`\nAvis sur les réponses (${votes.length} sections notées) :`);
    if (votes.length === 0) console.log('  aucun');
    for (const v of votes)
      console.log(
        `  👎 ${String(v.down).padStart(3)}  👍 ${String(v.up).padStart(3)}  ${v.guideId}${v.sectionId ? `#${v.sectionId}` : ''}`,
      );
  } finally {
    await store.close();
  }
}

main().catch((err) => {
  console.error(`kb:report : ${(err as Error).message}`);
  process.exitCode = 1;
});
