// French names the reports show for profile ids (sector, status, région), read from the content
// (knowledge/diagnostic/questionnaire.fr.json, knowledge/nlu/secteurs.fr.json and territoires.fr.json) the
// first time a report needs them, then kept. Labels are a nicety: when a file cannot be read, ids show.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { knowledgeDir } from '../../paths.js';

let labels: Map<string, string> | undefined;

function read<T>(...parts: string[]): T | undefined {
  try {
    return JSON.parse(readFileSync(path.join(knowledgeDir, ...parts), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function all(): Map<string, string> {
  if (labels) return labels;
  labels = new Map();
  const q = read<{ questions?: Array<{ axis?: string; profileField?: string; options?: Array<{ id: string; label: string }> }> }>('diagnostic', 'questionnaire.fr.json');
  for (const question of q?.questions ?? []) {
    if (question.axis === 'profil') for (const o of question.options ?? []) labels.set(`${question.profileField}:${o.id}`, o.label);
  }
  for (const s of read<{ secteurs?: Array<{ id: string; label: string }> }>('nlu', 'secteurs.fr.json')?.secteurs ?? []) labels.set(`sector:${s.id}`, s.label);
  for (const r of read<{ regions?: Array<{ code: string; nom: string }> }>('nlu', 'territoires.fr.json')?.regions ?? []) labels.set(`region:${r.code}`, r.nom);
  return labels;
}

/** The French label of a profile value, e.g. profileLabel('sector', 'commerce'); undefined when unknown. */
export function profileLabel(field: string, id: string): string | undefined {
  return all().get(`${field}:${id}`);
}

/** « Auvergne-Rhône-Alpes » for "84"; undefined when unknown. */
export function regionName(code: string): string | undefined {
  return profileLabel('region', code);
}
