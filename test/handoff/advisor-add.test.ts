import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { addAdvisor, advisorsFile, cciProblem, parseArgs, usageProblem } from '../../scripts/advisor-add.js';
import { EXAMPLE_DIRECTORY } from '../../src/handoff/directory.js';
import { loadDirectory } from '../../src/handoff/directory.js';
import { verifyPassword } from '../../src/handoff/passwords.js';
import { tempDataDir } from './harness.js';
import { buildSources } from '../storage/child-build.js';

describe('npm run advisor:add', () => {
  test('seeds the directory from the example, writes a scrypt hash, never the password', async () => {
    const dir = tempDataDir();
    const file = advisorsFile({ DATA_DIR: dir });
    expect(file).toBe(path.join(dir, 'conseillers.json'));
    expect(advisorsFile({ ADVISORS_FILE: '/tmp/x.json', DATA_DIR: dir })).toBe('/tmp/x.json');
    expect(parseArgs(['--cci', 'cci-exemple-gironde', '--login', 'demo', '--name', 'Camille Démo'])).toEqual({
      cci: 'cci-exemple-gironde',
      login: 'demo',
      name: 'Camille Démo',
    });

    expect(
      await addAdvisor(file, {
        cci: 'cci-exemple-gironde',
        login: 'claire.martin',
        name: 'Claire Martin',
        password: 'x' + 'x' + '0000000000',
      }),
    ).toMatch(/^Conseiller mis à jour : claire.martin/);
    expect(
      await addAdvisor(file, { cci: 'cci-exemple-gironde', login: 'demo', name: 'Camille Démo', password: 'demo-virage-2025!' }),
    ).toMatch(/^Conseiller ajouté : demo/);
    expect(
      await addAdvisor(file, { cci: 'cci-exemple-rhone', login: 'Nadia.Roux', name: 'Nadia Roux', password: 'un-autre-mot-de-passe' }),
    ).toMatch(/^Conseiller ajouté : nadia.roux/);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('demo-virage-2025!');
    expect(statSync(file).mode & 0o077).toBe(0);
    const directory = loadDirectory(file);
    const demo = directory.ccis.find((c) => c.id === 'cci-exemple-gironde')!.advisors.find((a) => a.login === 'demo')!;
    expect(demo).toMatchObject({ displayName: 'Camille Démo', firstName: 'Camille' });
    expect(await verifyPassword('demo-virage-2025!', demo.passwordHash)).toBe(true);
    expect(await verifyPassword('autre', demo.passwordHash)).toBe(false);

    await expect(addAdvisor(file, { cci: 'cci-inconnue', login: 'x1', name: 'X Y', password: 'assez-long-mot-de-passe' })).rejects.toThrow(
      /aucune CCI « cci-inconnue »/,
    );
    await expect(
      addAdvisor(file, { cci: 'cci-exemple-rhone', login: 'demo', name: 'X Y', password: 'assez-long-mot-de-passe' }),
    ).rejects.toThrow(/appartient déjà/);
    await expect(addAdvisor(file, { cci: 'cci-exemple-rhone', login: 'court', name: 'X Y', password: 'court' })).rejects.toThrow(
      /12 caractères/,
    );
  });

  test('the example directory has no « demo » account that cannot log in', () => {
    const example = loadDirectory(EXAMPLE_DIRECTORY);
    expect(example.ccis.flatMap((c) => c.advisors.map((a) => a.login))).not.toContain('demo');
  });

  test('a missing or unknown --cci lists the CCI ids with their names, in French', () => {
    const file = path.join(tempDataDir(), 'conseillers.json'); // not created yet: the example is listed
    const missing = usageProblem(parseArgs(['--login', 'nadia.roux', '--name', 'Nadia Roux']), file)!;
    expect(missing).toContain('Indiquez la CCI du conseiller avec --cci <id>.');
    expect(missing).toContain('CCI disponibles :');
    expect(missing).toMatch(/^ {2}cci-exemple-gironde {2}\(CCI Exemple Gironde\)$/m);
    expect(missing).toMatch(/^ {2}cci-exemple-rhone {2}\(CCI Exemple Rhône\)$/m);
    expect(missing).toMatch(/^ {2}national {2}\(/m);
    expect(missing).toMatch(/^Usage : npm run advisor:add/m);
    const wrong = cciProblem(file, 'gironde')!;
    expect(wrong).toMatch(/^Aucune CCI « gironde » dans .*conseillers\.json\.$/m);
    expect(wrong).toContain('cci-exemple-gironde  (CCI Exemple Gironde)');
    expect(cciProblem(file, 'cci-exemple-rhone')).toBeUndefined();
    expect(usageProblem(parseArgs(['--cci', 'cci-exemple-rhone', '--login', 'n.r', '--name', 'N R']), file)).toBeUndefined();
    expect(usageProblem(parseArgs(['--cci', 'cci-exemple-rhone']), file)).toMatch(/^Usage/);
  });

  test('--role responsable: written, kept by an update without --role, removed with --role conseiller; an unknown role is refused', async () => {
    const file = advisorsFile({ DATA_DIR: tempDataDir() });
    const role = () =>
      loadDirectory(file)
        .ccis.find((c) => c.id === 'cci-exemple-gironde')!
        .advisors.find((a) => a.login === 'sophie.leroy')!.role;
    const add = (r?: 'conseiller' | 'responsable') =>
      addAdvisor(file, {
        cci: 'cci-exemple-gironde',
        login: 'sophie.leroy',
        name: 'Sophie Leroy',
        password: 'un-mot-de-passe-long',
        ...(r ? { role: r } : {}),
      });
    expect(await add('responsable')).toMatch(
      /^Conseiller ajouté : sophie\.leroy \(cci-exemple-gironde\), rôle responsable \(console et tableau de bord\)/,
    );
    expect(role()).toBe('responsable');
    expect(await add()).toMatch(/rôle responsable/);
    expect(role()).toBe('responsable');
    expect(await add('conseiller')).toMatch(/rôle conseiller \(console\)/);
    expect(role()).toBeUndefined();
    const refused = usageProblem(parseArgs(['--cci', 'cci-exemple-gironde', '--login', 's.l', '--name', 'S L', '--role', 'chef']), file);
    expect(refused).toMatch(/^Rôle inconnu « chef » : indiquez --role conseiller ou --role responsable\.$/m);
    expect(refused).toMatch(/^Usage/m);
  });

  test('the command itself: exit code 2 and the CCI list on stderr, nothing written', async () => {
    const built = await buildSources();
    const dir = tempDataDir();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(built, 'scripts', 'advisor-add.js'), ...args], {
        env: { PATH: process.env.PATH, DATA_DIR: dir, ADVISOR_PASSWORD: 'assez-long-mot-de-passe' },
        encoding: 'utf8',
        timeout: 30_000,
      });
    for (const result of [
      run('--login', 'nadia.roux', '--name', 'Nadia Roux'),
      run('--cci', 'rhone', '--login', 'nadia.roux', '--name', 'Nadia Roux'),
    ]) {
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('CCI disponibles :');
      expect(result.stderr).toContain('  cci-exemple-rhone  (CCI Exemple Rhône)');
      expect(existsSync(path.join(dir, 'conseillers.json'))).toBe(false);
    }
    const ok = run('--cci', 'cci-exemple-rhone', '--login', 'nadia.roux', '--name', 'Nadia Roux');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^Conseiller ajouté : nadia\.roux \(cci-exemple-rhone\)/);
  });
});
