// The project's content (knowledge/), loaded and checked once per test file, as the server does at start.
import { knowledgeOptions, loadContent, type Content } from '../../src/content/index.js';
import { findAids as findAidsIn, type AidQuery } from '../../src/knowledge/aids.js';
import type { KnowledgeOptions } from '../../src/knowledge/search/index.js';

let cached: Content | undefined;

export function content(): Content {
  cached ??= loadContent();
  return cached;
}

/** The aid look-up on the shipped catalogue (what src/index.ts wires). */
export const findAids = (query: AidQuery) => findAidsIn(query, content().aids, content().aidVocabulary);

/** Knowledge base options from the shipped content (synonyms, urgent situations, off-topic vocabulary, section intents). */
export function kbOptions(): KnowledgeOptions {
  return knowledgeOptions(content());
}
