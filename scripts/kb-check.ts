// npm run kb:check — checks everything under knowledge/ (or KNOWLEDGE_DIR) exactly as the server does at start:
// each file against the schema beside it, then across files; prints problems in French, exits 1 if any.
import path from 'node:path';
import { readContent, formatProblems } from '../src/content/index.js';
import { knowledgeDir } from '../src/paths.js';

const dir = process.env.KNOWLEDGE_DIR ? path.resolve(process.env.KNOWLEDGE_DIR) : knowledgeDir;
const { content, problems } = readContent(dir);
if (content) {
  console.log(
    `Contenu valide : ${content.guides.length} guides, ${content.aids.length} aides, ${content.diagnostic.questionnaire.questions.length} questions, ${Object.keys(content.nlu.intents.intents).length} intentions.`,
  );
} else {
  console.error(`Contenu : ${problems.length} problème(s)\n${formatProblems(problems)}`);
  process.exitCode = 1;
}
