// Regenerates the diagnostic result fixtures used by the report tests (test/fixtures/diagnostic/result-*.json)
// from the firm fixtures (entreprise-*.json) through the real buildResult, at fixed dates.
// Run after a change of the result's shape (from the project root):
//   npx tsc --outDir .tmp-report --rootDir . --module NodeNext --moduleResolution NodeNext --target ES2022 --skipLibCheck --types node scripts/report-fixtures.ts && node .tmp-report/scripts/report-fixtures.js
import path from 'node:path';
import { projectRoot } from '../src/paths.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadContent } from '../src/content/index.js';
import { buildResult } from '../src/diagnostic/result.js';
import { findAids as findAidsIn, type AidQuery } from '../src/knowledge/aids.js';
const content = loadContent();
const model = content.diagnostic;
const findAids = (query: AidQuery) => findAidsIn(query, content.aids, content.aidVocabulary);
const dir = path.join(projectRoot, 'test', 'fixtures', 'diagnostic');
const dates: Record<string, string> = {
  'artisan-sans-site': '2026-11-22T09:30:00.000Z',
  'boutique-facebook': '2026-12-01T16:05:00.000Z',
  'pme-ecommerce-sans-sauvegarde': '2026-11-30T08:00:00.000Z',
};
for (const [name, date] of Object.entries(dates)) {
  const { answers } = JSON.parse(readFileSync(`${dir}/entreprise-${name}.json`, 'utf8'));
  const r = buildResult(model.questionnaire, {}, answers, { model, findAids, now: new Date(date) });
  writeFileSync(`${dir}/result-${name}.json`, JSON.stringify(r, null, 1) + '\n');
  console.log(
    name,
    r.overall,
    r.level?.label,
    r.plan.priorities.length,
    r.redFlags.map((f) => f.id),
    r.badge.count,
  );
}
