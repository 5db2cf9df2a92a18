// One loader for everything under knowledge/ (guides, aid catalogue, diagnostic, understanding), called once
// at start. Each data file is checked against the schema beside it (<name>.schema.json in the same folder),
// then across files: plan rules name loaded guides and the aid schema's topics, urgent situations name
// existing guide sections, the aid catalogue's sectors and régions are those of knowledge/nlu/. Every
// problem of every file is collected into ONE French error naming the file and the field.
import path from 'node:path';
import { diagnosticFiles, readDiagnosticModel, type DiagnosticModel } from '../diagnostic/model.js';
import { AIDS_SCHEMA, aidVocabulary, readAids, type Aid, type AidVocabulary } from '../knowledge/aids.js';
import { SIZE_BANDS } from '../diagnostic/types.js';
import { profileLabelsOf, useProfileLabels } from '../diagnostic/report/labels.js';
import { readGuides, type Guide } from '../knowledge/guides.js';
import type { SynonymData } from '../knowledge/search/synonyms.js';
import type { KnowledgeOptions } from '../knowledge/search/knowledge-base.js';
import type { OffTopicData } from '../knowledge/search/off-topic.js';
import { SectionIntents, type SectionIntentData } from '../knowledge/search/section-intent.js';
import { UrgentDetector, type UrgentData } from '../knowledge/search/urgent.js';
import { KnowledgeError, displayPath, readChecked, type Problem } from '../knowledge/validation.js';
import { createNormalizer, type NluData } from '../nlu/index.js';
import { knowledgeDir } from '../paths.js';
import { readExamples } from './examples.js';
import { checkNluData } from './nlu-checks.js';

export { KnowledgeError, formatProblems, type Problem } from '../knowledge/validation.js';

/** Everything Virage reads from knowledge/, checked. */
export interface Content {
  /** The knowledge folder it was read from. */
  dir: string;
  guides: Guide[];
  aids: Aid[];
  /** Topics an aid (and a plan rule) may name: the aid schema's enum. */
  aidTopics: string[];
  /** Topics, size bands and statuses of the aid schema (findAids checks a query against them). */
  aidVocabulary: AidVocabulary;
  diagnostic: DiagnosticModel;
  nlu: NluData;
  synonyms: SynonymData;
  urgent: UrgentData;
  /** Out-of-domain vocabulary of the knowledge search (knowledge/nlu/hors-domaine.fr.json). */
  offTopic: OffTopicData;
  /** Kinds of question and the section headings that answer them (knowledge/nlu/sections-kb.fr.json). */
  sectionIntents: SectionIntentData;
}

const NLU_FILES = [
  'intents',
  'secteurs',
  'territoires',
  'phrases',
  'synonymes-kb',
  'urgences',
  'hors-domaine',
  'sections-kb',
  'formes-chat',
  'reponses',
] as const;
type NluFile = (typeof NLU_FILES)[number];

/** Reads and checks every file of `dir`; returns the content when there is no problem, and every problem. */
export function readContent(dir: string = knowledgeDir): { content?: Content; problems: Problem[] } {
  const problems: Problem[] = [];
  const nluDir = path.join(dir, 'nlu');
  const raw = {} as Partial<Record<NluFile, unknown>>;
  for (const name of NLU_FILES) {
    const r = readChecked(path.join(nluDir, `${name}.fr.json`), path.join(nluDir, `${name}.schema.json`));
    problems.push(...r.problems);
    if (r.data !== undefined && r.problems.length === 0) raw[name] = r.data;
  }
  const nlu = raw as Partial<{
    intents: NluData['intents'];
    secteurs: NluData['sectors'];
    territoires: NluData['territories'];
    phrases: NluData['phrases'];
    'synonymes-kb': SynonymData;
    urgences: UrgentData;
    'hors-domaine': OffTopicData;
    'sections-kb': SectionIntentData;
    'formes-chat': NluData['chatForms'];
    reponses: NluData['answers'];
  }>;

  const guidesDir = path.join(dir, 'guides');
  const { guides, problems: guideProblems } = readGuides(guidesDir, path.join(guidesDir, 'guide.schema.json'));
  problems.push(...guideProblems);

  const aidsDir = path.join(dir, 'aides');
  const aidsSchema = path.join(aidsDir, path.basename(AIDS_SCHEMA));
  const regions = nlu.territoires ? Object.fromEntries(nlu.territoires.regions.map((r) => [r.code, r.nom])) : undefined;
  const { aids, problems: aidProblems } = readAids(aidsDir, { schema: aidsSchema, ...(regions ? { regions } : {}) });
  problems.push(...aidProblems);
  let vocabulary: AidVocabulary = { topics: [], sizes: [], statuses: [] };
  try {
    vocabulary = aidVocabulary(aidsSchema);
  } catch (err) {
    problems.push({
      file: displayPath(aidsSchema),
      message: `thèmes, tranches ou statuts des aides illisibles (${(err as Error).message})`,
    });
  }
  const topics = vocabulary.topics;
  // The size bands are also the questionnaire's and the NLU's (src/diagnostic/types.ts): the schema must name the same.
  if (vocabulary.sizes.length > 0 && vocabulary.sizes.join('|') !== SIZE_BANDS.join('|')) {
    problems.push({
      file: displayPath(aidsSchema),
      message: `tranches d'effectif (eligibility.sizes) : ${vocabulary.sizes.join(', ')} au lieu de ${SIZE_BANDS.join(', ')}`,
    });
  }

  const diagnosticDir = path.join(dir, 'diagnostic');
  const diagnostic = readDiagnosticModel(diagnosticFiles(diagnosticDir), diagnosticDir, {
    guides: new Set(guides.map((g) => g.id)),
    aidTopics: new Set(topics),
  });
  problems.push(...diagnostic.problems);
  const examples = readExamples(nluDir, diagnostic.model?.questionnaire);
  problems.push(...examples.problems);

  problems.push(
    ...checkNluData(nluDir, {
      intents: nlu.intents,
      sectors: nlu.secteurs,
      territories: nlu.territoires,
      phrases: nlu.phrases,
      chatForms: nlu['formes-chat'],
      answers: nlu.reponses,
      urgent: nlu.urgences,
      sectionIntents: nlu['sections-kb'],
      guides,
      aids,
    }),
  );
  if (
    problems.length > 0 ||
    !diagnostic.model ||
    !nlu.intents ||
    !nlu.secteurs ||
    !nlu.territoires ||
    !nlu.phrases ||
    !nlu['hors-domaine'] ||
    !nlu['sections-kb'] ||
    !nlu['formes-chat'] ||
    !nlu.reponses
  ) {
    return { problems };
  }
  const sectors = nlu.secteurs;
  return {
    problems,
    content: {
      dir,
      guides: [...guides].sort((a, b) => a.id.localeCompare(b.id)),
      aids,
      aidTopics: topics,
      aidVocabulary: vocabulary,
      diagnostic: {
        ...diagnostic.model,
        aidSectors: {
          bySector: Object.fromEntries(sectors.secteurs.map((s) => [s.id, s.aidSector])),
          byStatus: sectors.aidSectorByStatus,
        },
      },
      nlu: {
        intents: nlu.intents,
        sectors,
        territories: nlu.territoires,
        phrases: nlu.phrases,
        chatForms: nlu['formes-chat'],
        answers: nlu.reponses,
        examples: examples.examples,
      },
      synonyms: nlu['synonymes-kb']!,
      urgent: nlu.urgences!,
      offTopic: nlu['hors-domaine'],
      sectionIntents: nlu['sections-kb'],
    },
  };
}

/** Options of the knowledge search from the checked content (what the server, eval:kb and the bench use). */
export function knowledgeOptions(content: Content): KnowledgeOptions {
  return {
    synonyms: content.synonyms,
    chatWords: content.nlu.chatForms.words,
    urgent: new UrgentDetector(content.urgent, createNormalizer(content.nlu.chatForms)),
    offTopic: content.offTopic,
    sectionIntents: new SectionIntents(content.sectionIntents),
    contextWords: [
      ...content.nlu.sectors.secteurs.flatMap((s) => s.keywords),
      ...content.nlu.territories.regions.flatMap((r) => [r.nom, ...(r.alias ?? [])]),
      ...content.nlu.territories.departements.flatMap((d) => [d.nom, d.prefecture, ...(d.villes ?? [])]),
    ],
  };
}

/** Every problem of the content of `dir` (for `npm run kb:check`); never throws. */
export function checkContent(dir: string = knowledgeDir): Problem[] {
  return readContent(dir).problems;
}

/**
 * The whole content of `dir`, checked. Throws ONE KnowledgeError listing every problem, e.g.
 * « - knowledge/nlu/intents.fr.json : intents.aide.examples doit être une liste ».
 */
export function loadContent(dir: string = knowledgeDir): Content {
  const { content, problems } = readContent(dir);
  if (!content) throw new KnowledgeError(`Contenu invalide dans ${displayPath(dir)}`, problems);
  // The reports' French names of profile ids (sector, status, région) come from this content.
  useProfileLabels(profileLabelsOf(content.diagnostic.questionnaire, content.nlu.sectors.secteurs, content.nlu.territories.regions));
  return content;
}
