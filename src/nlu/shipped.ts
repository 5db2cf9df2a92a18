// The normaliser of the shipped chat forms (knowledge/nlu/formes-chat.fr.json, checked by its schema), for
// the few callers that have no Nlu object at hand: src/diagnostic/answer-text.ts (`normalize`) and
// src/diagnostic/reading.ts (`phraseKey`). Everything else uses the normaliser the Nlu object carries
// (`nlu.normalize`, built from the content loaded by src/content). Read on first use, then kept.
import path from 'node:path';
import { readChecked, throwIfProblems } from '../knowledge/validation.js';
import { knowledgeDir } from '../paths.js';
import { createNormalizer, type ChatForms, type Normalize, type Normalized } from './normalize.js';

export const CHAT_FORMS_FILE = path.join(knowledgeDir, 'nlu', 'formes-chat.fr.json');

/** Reads and schema-checks a chat forms file (throws one error naming the file and the field). */
export function loadChatForms(file: string = CHAT_FORMS_FILE): ChatForms {
  const { data, problems } = readChecked(file, path.join(path.dirname(file), 'formes-chat.schema.json'));
  throwIfProblems('Formes de chat invalides', problems);
  return data as ChatForms;
}

let shipped: Normalize | undefined;

/**
 * Normalise with the shipped chat forms.
 * @deprecated for callers without an Nlu object at hand; prefer `nlu.normalize`.
 */
export function shippedNormalize(input: string): Normalized {
  shipped ??= createNormalizer(loadChatForms());
  return shipped(input);
}
