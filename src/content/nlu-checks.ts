// Checks of knowledge/nlu/ that a schema cannot express: names the code acts on (intents, commands), links
// between files (a département's région, an urgent situation's guide section, the aid catalogue's sectors)
// and patterns that must compile. Problems in French, naming the file and the field.
import path from 'node:path';
import type { Aid } from '../knowledge/aids.js';
import type { Guide } from '../knowledge/guides.js';
import type { UrgentData } from '../knowledge/search/urgent.js';
import { unusedHeadingCues, type SectionIntentData } from '../knowledge/search/section-intent.js';
import { displayPath, type Problem } from '../knowledge/validation.js';
import { COMMANDS, INTENTS, compileAnswerWords, createNormalizer, createPhrases, type Normalize, type NluData } from '../nlu/index.js';

export interface NluParts {
  intents?: NluData['intents'];
  sectors?: NluData['sectors'];
  territories?: NluData['territories'];
  phrases?: NluData['phrases'];
  chatForms?: NluData['chatForms'];
  answers?: NluData['answers'];
  urgent?: UrgentData;
  sectionIntents?: SectionIntentData;
  guides: readonly Guide[];
  aids: readonly Aid[];
}

/** Problems across the understanding files of `nluDir` (parts that failed their schema are skipped). */
export function checkNluData(nluDir: string, parts: NluParts): Problem[] {
  const problems: Problem[] = [];
  const at = (name: string) => (message: string) => problems.push({ file: displayPath(path.join(nluDir, name)), message });

  if (parts.intents) {
    const add = at('intents.fr.json');
    const known = new Set<string>(INTENTS);
    for (const name of Object.keys(parts.intents.intents)) {
      if (!known.has(name)) add(`intents.${name} : intention inconnue (connues : ${INTENTS.join(', ')})`);
    }
    for (const name of INTENTS) if (!(name in parts.intents.intents)) add(`intents : intention « ${name} » manquante`);
  }

  // The chat forms' patterns must compile; the phrases are then checked through their normaliser.
  let normalize: Normalize = createNormalizer({ words: {}, phrases: [] });
  if (parts.chatForms) {
    const add = at('formes-chat.fr.json');
    let compiled = true;
    parts.chatForms.phrases.forEach((p, i) => {
      try {
        new RegExp(p.pattern, 'g');
      } catch (err) {
        compiled = false;
        add(`phrases[${i}].pattern : l'expression ne se compile pas (${(err as Error).message})`);
      }
    });
    if (compiled) normalize = createNormalizer(parts.chatForms);
  }

  if (parts.phrases) {
    const add = at('phrases.fr.json');
    const known = new Set<string>(COMMANDS);
    const unknown = Object.keys(parts.phrases.commands).filter((name) => !known.has(name));
    for (const name of unknown) add(`commands.${name} : commande inconnue (connues : ${COMMANDS.join(', ')})`);
    if (unknown.length === 0) {
      try {
        createPhrases(parts.phrases, normalize);
      } catch (err) {
        add(`une expression ne se compile pas (${(err as Error).message})`);
      }
    }
  }

  // The extractors' cues must compile (the error names the key: « yesNo.dropped »).
  if (parts.answers) {
    try {
      compileAnswerWords(parts.answers);
    } catch (err) {
      at('reponses.fr.json')(`une expression ne se compile pas (${(err as Error).message})`);
    }
  }

  if (parts.sectors) {
    const add = at('secteurs.fr.json');
    const ids = new Set<string>();
    parts.sectors.secteurs.forEach((s, i) => {
      if (ids.has(s.id)) add(`secteurs[${i}].id : identifiant « ${s.id} » en double`);
      ids.add(s.id);
      if (!(s.band in parts.sectors!.bands)) add(`secteurs[${i}].band : tranche « ${s.band} » absente de « bands »`);
    });
    const aidSectors = new Set(['*', ...parts.sectors.secteurs.map((s) => s.aidSector), ...Object.values(parts.sectors.aidSectorByStatus)]);
    for (const aid of parts.aids) {
      for (const sector of aid.eligibility.sectors) {
        if (!aidSectors.has(sector)) {
          problems.push({
            file: aid.file,
            message: `aide « ${aid.id} » : eligibility.sectors : secteur « ${sector} » inconnu (aidSector de knowledge/nlu/secteurs.fr.json : ${[...aidSectors].join(', ')})`,
          });
        }
      }
    }
  }

  if (parts.territories) {
    const add = at('territoires.fr.json');
    const regions = new Set<string>();
    parts.territories.regions.forEach((r, i) => {
      if (regions.has(r.code)) add(`regions[${i}].code : code « ${r.code} » en double`);
      regions.add(r.code);
    });
    const deps = new Set<string>();
    parts.territories.departements.forEach((d, i) => {
      if (deps.has(d.code)) add(`departements[${i}].code : code « ${d.code} » en double`);
      deps.add(d.code);
      if (!regions.has(d.region)) add(`departements[${i}].region : région « ${d.region} » absente de « regions »`);
    });
  }

  if (parts.urgent) {
    const add = at('urgences.fr.json');
    const guides = new Map(parts.guides.map((g) => [g.id, g]));
    parts.urgent.situations.forEach((s, i) => {
      const guide = guides.get(s.guide);
      if (!guide) add(`situations[${i}].guide : guide « ${s.guide} » introuvable dans knowledge/guides/`);
      else if (!guide.sections.some((x) => x.id === s.section))
        add(`situations[${i}].section : section « ${s.section} » absente du guide « ${s.guide} »`);
      s.patterns.forEach((p, k) => {
        try {
          new RegExp(p, 'u');
        } catch (err) {
          add(`situations[${i}].patterns[${k}] : expression régulière invalide (${(err as Error).message})`);
        }
      });
    });
  }

  if (parts.sectionIntents) {
    const add = at('sections-kb.fr.json');
    const headings = parts.guides.flatMap((g) => g.sections.map((x) => x.title));
    for (const u of unusedHeadingCues(parts.sectionIntents, headings)) {
      add(`kinds.${u.kind}.headings[${u.index}] : « ${u.cue} » ne figure dans aucun titre de section des guides`);
    }
  }
  return problems;
}
