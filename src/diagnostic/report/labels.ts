// French names the reports show for profile ids (sector, status, région), from the content loaded and
// checked at start by src/content (the questionnaire's profile options, secteurs.fr.json,
// territoires.fr.json), which installs them here; no file is read by this module. Before that, or for an
// unknown id, the ids show.
import type { Questionnaire } from '../types.js';

let labels: ReadonlyMap<string, string> = new Map();

/** The labels of the loaded content: « field:id » → label. */
export function profileLabelsOf(
  questionnaire: Questionnaire,
  sectors: readonly { id: string; label: string }[],
  regions: readonly { code: string; nom: string }[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const question of questionnaire.questions) {
    if (question.axis === 'profil') for (const o of question.options ?? []) out.set(`${question.profileField}:${o.id}`, o.label);
  }
  for (const s of sectors) out.set(`sector:${s.id}`, s.label);
  for (const r of regions) out.set(`region:${r.code}`, r.nom);
  return out;
}

/** Called by the content loader once the content is checked. */
export function useProfileLabels(loaded: ReadonlyMap<string, string>): void {
  labels = loaded;
}

/** The French label of a profile value, e.g. profileLabel('sector', 'commerce'); undefined when unknown. */
export function profileLabel(field: string, id: string): string | undefined {
  return labels.get(`${field}:${id}`);
}

/** « Auvergne-Rhône-Alpes » for "84"; undefined when unknown. */
export function regionName(code: string): string | undefined {
  return profileLabel('region', code);
}
