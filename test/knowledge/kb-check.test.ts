import path from 'node:path';
import { knowledgeDir } from '../../src/paths.js';
import { checkKnowledgeBase, REQUIRED_GUIDE_SLUGS } from '../../src/knowledge/kb-check.js';
import { formatProblems } from '../../src/knowledge/validation.js';
import { fileURLToPath } from 'node:url';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'kb');

describe('kb:check', () => {
  it('lists 30 distinct required guides', () => {
    expect(new Set(REQUIRED_GUIDE_SLUGS).size).toBe(30);
  });

  it('reports missing required guides', () => {
    const problems = checkKnowledgeBase(fixtures, ['alpha-guide', 'guide-absent']);
    expect(problems).toContainEqual({ file: 'test/fixtures/kb/guides/guide-absent.md', message: 'guide obligatoire manquant' });
  });

  it('finds no problem in the real knowledge base (guides and aid catalogue)', () => {
    const problems = checkKnowledgeBase(knowledgeDir);
    if (problems.length > 0) throw new Error(`kb:check :\n${formatProblems(problems)}`);
  });
});
