// npm run kb:check — validates every guide and aid entry of knowledge/; prints problems in French, exits 1 if any.
import { knowledgeDir } from '../src/paths.js';
import { checkKnowledgeBase, REQUIRED_GUIDE_SLUGS } from '../src/knowledge/kb-check.js';
import { formatProblems } from '../src/knowledge/validation.js';

const problems = checkKnowledgeBase(knowledgeDir);
if (problems.length === 0) {
  console.log(`Base de connaissances valide (${REQUIRED_GUIDE_SLUGS.length} guides obligatoires présents, catalogue des aides conforme).`);
} else {
  console.error(`Base de connaissances : ${problems.length} problème(s)\n${formatProblems(problems)}`);
  process.exitCode = 1;
}
