// Guides of the knowledge base: knowledge/guides/<slug>.md = YAML front matter between two `---` lines,
// then a Markdown body cut into sections by its `## ` headings.
//
// Front matter keys: title, summary, keywords[], synonyms[] (optional), related[] (optional, guide slugs),
// aid (optional, true for a guide about public aid),
// updated (YYYY-MM-DD), sources[] ({ title, url (https), checked? }), id (optional; must equal the slug),
// questions (optional): { <section anchor>: [questions that section answers, in the dirigeants' words] }.
// Validated by knowledge/guides/guide.schema.json, plus cross-file checks (related ids exist).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { knowledgeDir } from '../paths.js';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ErrorObject } from 'ajv';
import {
  KnowledgeError,
  ajvProblems,
  displayPath,
  isHttpsUrl,
  schemaValidator,
  slugify,
  type Problem,
} from './validation.js';

export type { Problem } from './validation.js';

export const MIN_GUIDE_BODY_CHARS = 2000;

/** The guides' schema, beside them (a path: nothing is read until a guide is checked). */
export const GUIDE_SCHEMA = path.join(knowledgeDir, 'guides', 'guide.schema.json');

export interface GuideSource {
  title: string;
  url: string;
  checked?: string;
}

export interface GuideSection {
  /** Slug of the section title, unique within the guide (anchor for links and search hits). */
  id: string;
  title: string;
  /** Markdown text of the section, without its heading. */
  text: string;
  /** Questions this section answers (front matter « questions », by anchor); empty when none. */
  questions?: string[];
}

export interface Guide {
  id: string;
  title: string;
  summary: string;
  keywords: string[];
  synonyms: string[];
  related: string[];
  /** A guide about public aid (front matter `aid: true`). */
  aid?: boolean;
  /** Date of the last review, YYYY-MM-DD. */
  updated: string;
  sources: GuideSource[];
  /** Section anchor → the questions it answers (also copied onto each section). */
  questions?: Record<string, string[]>;
  sections: GuideSection[];
  /** Whole Markdown body (front matter removed). */
  body: string;
}

export interface ParsedGuide {
  guide: Guide | null;
  problems: Problem[];
  /** The `related` ids as written, even when the guide is invalid (for cross-guide checks). */
  related: string[];
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Parses and validates one guide file (checks that need the other guides are done by checkGuides). */
export function parseGuide(filePath: string, content: string, schema: string = GUIDE_SCHEMA): ParsedGuide {
  const file = displayPath(filePath);
  const slug = path.basename(filePath, '.md');
  const match = FRONT_MATTER.exec(content);
  if (!match) {
    return { guide: null, related: [], problems: [{ file, message: 'en-tête YAML absent : le fichier doit commencer par une ligne « --- », les champs, puis « --- »' }] };
  }
  let meta: unknown;
  try {
    meta = parseYaml(match[1] ?? '');
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` (ligne ${err.linePos[0].line + 1})` : '';
    return { guide: null, related: [], problems: [{ file, message: `en-tête YAML illisible${where} : ${(err as Error).message.split('\n')[0]}` }] };
  }
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    return { guide: null, related: [], problems: [{ file, message: 'en-tête YAML : une liste de champs « nom: valeur » est attendue' }] };
  }
  const fm = meta as Record<string, unknown>;
  const problems: Problem[] = [];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    problems.push({ file, message: `nom de fichier « ${slug}.md » : utilisez un slug en minuscules sans accents (ex. site-vitrine.md)` });
  }
  if (fm.id !== undefined && fm.id !== slug) {
    problems.push({ file, message: `champ « id » (« ${String(fm.id)} ») différent du nom du fichier (« ${slug} »)` });
  }
  const body = content.slice(match[0].length).replace(/\r\n/g, '\n').trim();
  const sections = splitSections(body);
  const candidate: Record<string, unknown> = {
    synonyms: [],
    related: [],
    questions: {},
    ...fm,
    id: slug,
    sections,
    body,
  };
  const asked = fm.questions;
  if (asked && typeof asked === 'object' && !Array.isArray(asked)) {
    for (const [anchor, list] of Object.entries(asked as Record<string, unknown>)) {
      const s = sections.find((x) => x.id === anchor);
      if (!s) problems.push({ file, message: `« questions » : section « ${anchor} » inexistante (ancres : ${sections.map((x) => x.id).join(', ')})` });
      else if (Array.isArray(list)) s.questions = list.filter((x): x is string => typeof x === 'string');
    }
  }
  const validate = schemaValidator(schema);
  if (!validate(candidate)) problems.push(...guideSchemaProblems(file, validate.errors, candidate));
  const sources = Array.isArray(fm.sources) ? (fm.sources as Array<Record<string, unknown>>) : [];
  sources.forEach((s, i) => {
    const already = problems.some((p) => p.message.startsWith(`source ${i + 1} :`));
    if (!already && s && typeof s.url === 'string' && !isHttpsUrl(s.url)) {
      problems.push({ file, message: `source ${i + 1} : adresse mal formée « ${s.url} »` });
    }
  });
  const related = Array.isArray(fm.related) ? fm.related.filter((r): r is string => typeof r === 'string') : [];
  return { guide: problems.length === 0 ? (candidate as unknown as Guide) : null, problems, related };
}

function guideSchemaProblems(file: string, errors: ErrorObject[] | null | undefined, g: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const generic: ErrorObject[] = [];
  for (const e of errors ?? []) {
    const section = /^\/sections\/(\d+)\/text$/.exec(e.instancePath);
    if (e.instancePath === '/body' && e.keyword === 'minLength') {
      const len = String(g.body ?? '').length;
      problems.push({ file, message: `texte du guide trop court : ${len} caractères, ${MIN_GUIDE_BODY_CHARS} au minimum` });
    } else if (section && e.keyword === 'minLength') {
      const s = (g.sections as GuideSection[])[Number(section[1])];
      problems.push({ file, message: `section « ${s?.title ?? section[1]} » vide` });
    } else if (e.instancePath === '/sections' && e.keyword === 'minItems') {
      problems.push({ file, message: 'aucune section : découpez le texte avec des intertitres « ## »' });
    } else if (/^\/sources\/\d+\/url$/.test(e.instancePath) && (e.keyword === 'pattern' || e.keyword === 'format')) {
      const i = Number(e.instancePath.split('/')[2]);
      const url = (g.sources as Array<{ url?: unknown }>)[i]?.url;
      const msg = `source ${i + 1} : adresse « ${String(url)} » invalide (une adresse https:// complète est attendue)`;
      if (!problems.some((p) => p.message === msg)) problems.push({ file, message: msg });
    } else {
      generic.push(e);
    }
  }
  return [...problems, ...ajvProblems(file, generic)];
}

/** Cuts a Markdown body at its level-2 headings (outside code fences). Text before the first one is « Introduction ». */
export function splitSections(body: string): GuideSection[] {
  const sections: GuideSection[] = [];
  let title = 'Introduction';
  let lines: string[] = [];
  let inFence = false;
  let sawHeading = false;
  const flush = () => {
    const text = lines.join('\n').trim();
    if (sawHeading || text) sections.push({ id: '', title, text, questions: [] });
  };
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const h2 = inFence ? null : /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (h2 && !line.startsWith('###')) {
      flush();
      title = h2[1] ?? '';
      lines = [];
      sawHeading = true;
    } else if (!inFence && !sawHeading && /^#\s+/.test(line) && lines.every((l) => !l.trim())) {
      continue; // the page title (# ...) is not a section
    } else {
      lines.push(line);
    }
  }
  flush();
  const seen = new Map<string, number>();
  for (const s of sections) {
    const base = slugify(s.title) || 'section';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    s.id = n === 1 ? base : `${base}-${n}`;
  }
  return sections;
}

function guideFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md' && !f.startsWith('_') && !f.startsWith('.'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Reads every guide of `dir`; returns the valid guides and all problems (also cross-guide ones). */
export function readGuides(dir: string, schema: string = GUIDE_SCHEMA): { guides: Guide[]; problems: Problem[] } {
  if (!existsSync(dir)) return { guides: [], problems: [{ file: displayPath(dir), message: 'dossier des guides introuvable' }] };
  const problems: Problem[] = [];
  const parsed: Array<{ file: string; related: string[]; guide: Guide | null }> = [];
  for (const filePath of guideFiles(dir)) {
    const result = parseGuide(filePath, readFileSync(filePath, 'utf8'), schema);
    problems.push(...result.problems);
    parsed.push({ file: displayPath(filePath), related: result.related, guide: result.guide });
  }
  const ids = new Set(parsed.map((p) => path.basename(p.file, '.md')));
  for (const p of parsed) {
    const self = path.basename(p.file, '.md');
    for (const r of p.related) {
      if (r === self) problems.push({ file: p.file, message: `« related » : le guide se cite lui-même (« ${r} »)` });
      else if (!ids.has(r)) problems.push({ file: p.file, message: `« related » : guide « ${r} » inexistant` });
    }
  }
  const guides = parsed.flatMap((p) => (p.guide ? [p.guide] : []));
  return { guides, problems };
}

/** Every problem of the guides of `dir`, in French with file names; never throws. */
export function checkGuides(dir: string): Problem[] {
  try {
    return readGuides(dir).problems;
  } catch (err) {
    return [{ file: displayPath(dir), message: `lecture impossible : ${(err as Error).message}` }];
  }
}

/** The guides of `dir`, sorted by id; throws a KnowledgeError listing every problem if any guide is invalid. */
export function loadGuides(dir: string): Guide[] {
  const { guides, problems } = readGuides(dir);
  if (problems.length > 0) throw new KnowledgeError(`Guides invalides dans ${displayPath(dir)}`, problems);
  return guides.sort((a, b) => a.id.localeCompare(b.id));
}
