// Hole 9 of issue 11: a fresh clone failed its tests — the Teams manifest validation read Microsoft's
// schemas from the shared folder beside the project, that a clone does not have. This copies the
// project's files (tracked and new, not ignored) into an empty temporary folder with nothing beside it,
// links the installed node_modules, and runs the Teams tests there with jest.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';

describe('a fresh clone with nothing beside it (hole 9)', () => {
  let parent: string;
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('passes the Teams tests with no shared folder beside the project nor TEAMS_SCHEMA_DIR', () => {
    parent = mkdtempSync(path.join(tmpdir(), 'virage-clone-'));
    const clone = path.join(parent, 'virage');
    mkdirSync(clone);
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: projectRoot })
      .toString('utf8')
      .split('\0')
      .filter((f) => f && existsSync(path.join(projectRoot, f)));
    for (const file of files) cpSync(path.join(projectRoot, file), path.join(clone, file), { recursive: false });
    symlinkSync(path.join(projectRoot, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    expect(readdirSync(parent)).toEqual(['virage']);

    const env: Record<string, string | undefined> = { ...process.env, TEAMS_SCHEMA_DIR: '' };
    delete env.JEST_WORKER_ID;
    const run = spawnSync(
      process.execPath,
      ['node_modules/jest/bin/jest.js', '--config', 'jest.config.js', '--maxWorkers=1', '--ci', 'test/teams/package.test.ts'],
      {
        cwd: clone,
        env: { ...env, NODE_OPTIONS: '--experimental-vm-modules --no-deprecation --no-warnings=ExperimentalWarning' },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(run.status).toBe(0);
  });
});
