import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkGuides, loadGuides, parseGuide, splitSections, MIN_GUIDE_BODY_CHARS } from '../../src/knowledge/guides.js';
import { KnowledgeError } from '../../src/knowledge/validation.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'kb');
const okDir = path.join(fixtures, 'guides-ok');
const badDir = path.join(fixtures, 'guides-bad');

function problemsOf(file: string): string[] {
  return checkGuides(badDir)
    .filter((p) => p.file.endsWith(`/${file}`))
    .map((p) => p.message);
}

describe('loadGuides on valid guides', () => {
  const guides = loadGuides(okDir);

  it('loads every guide but README.md, sorted by id = file slug', () => {
    expect(guides.map((g) => g.id)).toEqual(['alpha-guide', 'beta-guide']);
  });

  it('fills the front matter fields and defaults', () => {
    const [alpha, beta] = guides;
    expect(alpha?.title).toBe('Guide alpha');
    expect(alpha?.keywords).toEqual(['test', 'numérique']);
    expect(alpha?.synonyms).toEqual([]);
    expect(alpha?.related).toEqual(['beta-guide']);
    expect(alpha?.updated).toBe('2026-11-22');
    expect(alpha?.sources).toEqual([{ title: 'France Num', url: 'https://www.francenum.gouv.fr/faq' }]);
    expect(beta?.synonyms).toEqual(['guide b']);
    expect(alpha?.body.length).toBeGreaterThanOrEqual(MIN_GUIDE_BODY_CHARS);
    expect(alpha?.body.startsWith('# Titre de page')).toBe(true);
  });

  it('cuts the body into sections with unique ids, ignoring headings inside code fences', () => {
    const beta = guides[1];
    expect(beta?.sections.map((s) => s.id)).toEqual(['introduction', 'les-bases', 'les-bases-2', 'code']);
    expect(beta?.sections[3]?.text).toContain('## ceci n’est pas un intertitre');
    expect(beta?.sections.every((s) => s.text.length > 0)).toBe(true);
  });

  it('reports no problem', () => {
    expect(checkGuides(okDir)).toEqual([]);
  });
});

describe('checkGuides on bad fixtures', () => {
  it('flags a missing or empty source list', () => {
    expect(problemsOf('missing-source.md')).toEqual([expect.stringContaining('« sources »')]);
    expect(problemsOf('empty-sources.md')).toEqual([expect.stringContaining('au moins 1 élément')]);
  });

  it('flags non-https and malformed source URLs', () => {
    const msgs = problemsOf('bad-url.md');
    expect(msgs).toHaveLength(2);
    expect(msgs[0]).toMatch(/source 1 : adresse « http:\/\/www\.francenum\.gouv\.fr\/faq » invalide/);
    expect(msgs[1]).toMatch(/source 2 : adresse « https:\/\/pas une adresse » invalide/);
  });

  it('flags a related id that does not exist', () => {
    expect(problemsOf('unknown-related.md')).toEqual(['« related » : guide « guide-fantome » inexistant']);
  });

  it('flags a body under the minimum length, an empty section, a bad date', () => {
    expect(problemsOf('short-body.md')).toEqual([expect.stringMatching(/texte du guide trop court : \d+ caractères, 2000 au minimum/)]);
    expect(problemsOf('empty-section.md')).toEqual(['section « Comment faire » vide']);
    expect(problemsOf('bad-date.md')).toEqual(['updated : format « date » incorrect']);
  });

  it('flags an id that differs from the file name, and unknown fields', () => {
    expect(problemsOf('id-mismatch.md')).toEqual([expect.stringContaining('différent du nom du fichier')]);
    expect(problemsOf('unknown-field.md')).toEqual(['champ inconnu « auteur » (faute de frappe ?)']);
  });

  it('flags a missing front matter and unreadable YAML', () => {
    expect(problemsOf('no-front-matter.md')).toEqual([expect.stringContaining('en-tête YAML absent')]);
    expect(problemsOf('bad-yaml.md')).toEqual([expect.stringContaining('en-tête YAML illisible')]);
  });

  it('names the file relative to the project root', () => {
    expect(checkGuides(badDir)[0]?.file).toMatch(/^test\/fixtures\/kb\/guides-bad\/[a-z-]+\.md$/);
  });

  it('reports a missing folder instead of throwing', () => {
    expect(checkGuides(path.join(fixtures, 'nope'))).toEqual([expect.objectContaining({ message: 'dossier des guides introuvable' })]);
  });
});

describe('loadGuides on bad fixtures', () => {
  it('throws one KnowledgeError listing every problem', () => {
    let error: unknown;
    try {
      loadGuides(badDir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(KnowledgeError);
    const ke = error as KnowledgeError;
    expect(ke.problems.length).toBeGreaterThanOrEqual(12);
    expect(ke.message).toContain('bad-url.md');
    expect(ke.message).toContain('unknown-related.md');
  });
});

describe('parseGuide / splitSections', () => {
  it('accepts CRLF line endings and a BOM', () => {
    const text = '\uFEFF---\r\ntitle: Un titre\r\n---\r\n\r\n## A\r\n\r\ntexte\r\n';
    const parsed = parseGuide('/tmp/un-guide.md', text);
    expect(parsed.problems.some((p) => p.message.includes('en-tête YAML'))).toBe(false);
    expect(parsed.problems.some((p) => p.message.includes('« summary »'))).toBe(true);
  });

  it('keeps text before the first heading as an introduction', () => {
    expect(splitSections('Intro\n\n## Suite\n\nFin')).toEqual([
      { id: 'introduction', title: 'Introduction', text: 'Intro', questions: [] },
      { id: 'suite', title: 'Suite', text: 'Fin', questions: [] },
    ]);
  });
});

describe('section questions (front matter « questions »)', () => {
  const head = (questions: string) =>
    `---\ntitle: Un guide de test\nsummary: Un résumé assez long pour le schéma des guides.\nkeywords: [test]\nupdated: 2026-01-01\nsources:\n  - title: Source\n    url: https://example.org/\n${questions}---\n\n## Première partie\n\n${'Un texte de guide. '.repeat(120)}\n\n## Seconde partie\n\nSuite.\n`;

  it('attaches the questions to the section of that anchor', () => {
    const parsed = parseGuide('/tmp/un-guide.md', head('questions:\n  seconde-partie:\n    - "une question de dirigeant"\n'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.guide?.sections.map((s) => s.questions)).toEqual([[], ['une question de dirigeant']]);
  });

  it('flags an anchor that is not a section of the guide', () => {
    const parsed = parseGuide('/tmp/un-guide.md', head('questions:\n  troisieme-partie:\n    - "une question de dirigeant"\n'));
    expect(parsed.problems.map((p) => p.message)).toEqual([expect.stringMatching(/« questions » : section « troisieme-partie » inexistante/)]);
  });

  it('gives every content section of our guides at least two questions', () => {
    const generic = new Set(['a-retenir', 'quand-se-faire-accompagner']);
    const missing = loadGuides(path.join(fixtures, '..', '..', '..', 'knowledge', 'guides')).flatMap((g) =>
      g.sections.filter((s) => !generic.has(s.id) && (s.questions ?? []).length < 2).map((s) => `${g.id}#${s.id}`),
    );
    expect(missing).toEqual([]);
  });
});
