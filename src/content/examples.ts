// Reads the labelled example answers (knowledge/nlu/exemples-reponses/<questionId>.fr.json) and checks them
// against the questionnaire: the file names its question, the question is a yes/no or choice question, and every
// label is one of its answers (an option id, dontknow, or notconcerned where the question allows it).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { optionsOf } from '../diagnostic/answers.js';
import type { Questionnaire } from '../diagnostic/types.js';
import { displayPath, readChecked, type Problem } from '../knowledge/validation.js';
import type { ExampleAnswers } from '../nlu/index.js';

export const EXAMPLES_DIR = 'exemples-reponses';
const LEARNED_TYPES = new Set(['yesno', 'choice']);

/** The labels an example of `questionId` may carry, or undefined when the question cannot learn from examples. */
export function labelsOf(questionnaire: Questionnaire, questionId: string): string[] | undefined {
  const q = questionnaire.questions.find((x) => x.id === questionId);
  if (!q || !LEARNED_TYPES.has(q.type)) return undefined;
  // The options offered (a yes/no question may offer only « Oui » / « Non »), else the yes/no defaults.
  const options = (q.options?.length ? q.options : optionsOf(q)).map((o) => o.id);
  return [...options, 'dontknow', ...(q.notConcernedAllowed ? ['notconcerned'] : [])];
}

export function readExamples(
  nluDir: string,
  questionnaire: Questionnaire | undefined,
): { examples: ExampleAnswers[]; problems: Problem[] } {
  const dir = path.join(nluDir, EXAMPLES_DIR);
  const schema = path.join(nluDir, `${EXAMPLES_DIR}.schema.json`);
  if (!existsSync(dir)) return { examples: [], problems: [] };
  const problems: Problem[] = [];
  const examples: ExampleAnswers[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.fr.json'))
    .sort()) {
    const file = path.join(dir, name);
    const shown = displayPath(file);
    const r = readChecked(file, schema);
    problems.push(...r.problems);
    if (!r.data || r.problems.length) continue;
    const data = r.data as ExampleAnswers;
    if (`${data.questionId}.fr.json` !== name) {
      problems.push({ file: shown, message: `questionId « ${data.questionId} » : le fichier doit s'appeler ${data.questionId}.fr.json` });
      continue;
    }
    if (!questionnaire) continue;
    const labels = labelsOf(questionnaire, data.questionId);
    const q = questionnaire.questions.find((x) => x.id === data.questionId);
    if (!labels || !q) {
      problems.push({ file: shown, message: `questionId « ${data.questionId} » : pas une question oui/non ou à choix du questionnaire` });
      continue;
    }
    const seen = new Set<string>();
    data.examples.forEach((ex, i) => {
      if (!labels.includes(ex.answer))
        problems.push({ file: shown, message: `examples[${i}].answer « ${ex.answer} » : attendu l'un de ${labels.join(', ')}` });
      const key = ex.text.trim().toLowerCase();
      if (seen.has(key)) problems.push({ file: shown, message: `examples[${i}] : « ${ex.text} » figure deux fois` });
      seen.add(key);
    });
    examples.push({ questionId: data.questionId, type: q.type, labels, examples: data.examples });
  }
  return { examples, problems };
}
