// The real server's start with broken content (KNOWLEDGE_DIR pointing at a broken copy of knowledge/):
// one French message naming the file and the field on stderr, no stack trace, exit code 1.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { knowledgeDir } from '../../src/paths.js';
import { buildSources } from '../storage/child-build.js';

const temp: string[] = [];
let built: string;
beforeAll(async () => {
  built = await buildSources();
});
afterAll(() => {
  temp.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function brokenCopy(file: string, change: (data: Record<string, any>) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'virage-start-'));
  temp.push(dir);
  cpSync(knowledgeDir, path.join(dir, 'knowledge'), { recursive: true });
  const target = path.join(dir, 'knowledge', file);
  const data = JSON.parse(readFileSync(target, 'utf8'));
  change(data);
  writeFileSync(target, JSON.stringify(data));
  return dir;
}

function start(dir: string) {
  return spawnSync(process.execPath, ['--no-deprecation', path.join(built, 'src', 'index.js')], {
    env: {
      PATH: process.env.PATH,
      KNOWLEDGE_DIR: path.join(dir, 'knowledge'),
      DATA_DIR: path.join(dir, 'data'),
      PORT: '0',
      LOG_LEVEL: 'error',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('start with broken content', () => {
  test('a broken intents file stops the start: French message naming the file and the field, exit 1, no stack', () => {
    const run = start(brokenCopy('nlu/intents.fr.json', (d) => (d.intents.pause.examples = 'pause')));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Contenu invalide dans .+ : 1 problème\(s\)$/m);
    expect(run.stderr).toMatch(/^- .*knowledge\/nlu\/intents\.fr\.json : intents\.pause\.examples doit être une liste$/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  test('a broken off-topic vocabulary of the knowledge search stops the start', () => {
    const run = start(brokenCopy('nlu/hors-domaine.fr.json', (d) => delete d.themes));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/knowledge\/nlu\/hors-domaine\.fr\.json : champ obligatoire « themes » manquant/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  test('a broken aid catalogue stops the start (plans never silently lose their aids)', () => {
    const run = start(brokenCopy('aides/nationales.fr.json', (d) => (d.schemes[0].topics = 'site')));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/knowledge\/aides\/nationales\.fr\.json : aide « .+ » : topics doit être une liste/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);
});
