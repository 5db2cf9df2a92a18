// `npm run eval:nlu`: accuracy of the NLU on our labelled corpus (test/nlu/corpus): intent
// precision/recall and confusions, accuracy per extractor, and every failure.
import path from 'node:path';
import { loadContent } from '../src/content/index.js';
import { createNlu } from '../src/nlu/index.js';
import { evaluate, formatReport, loadCorpus } from '../src/nlu/evaluate.js';
import { projectRoot } from '../src/paths.js';

const nlu = createNlu(loadContent().nlu);
const report = evaluate(nlu, loadCorpus(path.join(projectRoot, 'test', 'nlu', 'corpus')));
console.log(`Intent classifier trained in ${nlu.trainingMs.toFixed(1)} ms`);
for (const line of formatReport(report)) console.log(line);
