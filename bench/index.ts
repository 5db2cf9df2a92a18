// `npm run bench`: every benchmark section, each printing ratios against a baseline run in the same
// process. Figures are for this machine (2 cores); the load generator shares the cores with the server.
import type { BenchSection } from './types.js';
import { benchTurns } from './turns.js';
import { benchStore } from './store.js';
import { benchStorePostgres } from './store-postgres.js';
import { benchNlu } from './nlu.js';
import { benchKnowledge } from './knowledge.js';
import { benchRelay } from './relay.js';
import { benchDiagnostic } from './diagnostic.js';
import { benchReport } from './report.js';
import { benchInstances } from './instances.js';

type Section = { name: string; run: () => Promise<BenchSection> };

const sections: Section[] = [
  { name: 'turns', run: () => benchTurns() },
  { name: 'store', run: () => benchStore() },
  { name: 'store-postgres', run: () => benchStorePostgres() },
  { name: 'nlu', run: () => benchNlu() },
  { name: 'knowledge', run: () => benchKnowledge() },
  { name: 'relay', run: () => benchRelay() },
  { name: 'diagnostic', run: () => benchDiagnostic() },
  { name: 'report', run: () => benchReport() },
  { name: 'instances', run: () => benchInstances() },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`Virage benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
  for (const s of sections) {
    if (only.length && !only.includes(s.name)) continue;
    const t0 = performance.now();
    const section = await s.run();
    console.log(`\n## ${section.title}  [${((performance.now() - t0) / 1000).toFixed(1)} s]`);
    for (const line of section.lines) console.log(`   ${line}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
