// npm run advisor:add -- --cci <id> --login <login> --name "<Prénom Nom — fonction>" [--first-name <Prénom>] [--title <fonction>]
//   [--role conseiller|responsable]   (responsable: also sees the CCI's dashboard; kept when absent on an update)
// Adds an advisor (or changes their name and password) in the directory file ADVISORS_FILE
// (default DATA_DIR/conseillers.json, created from the example on first use). The password is read
// from ADVISOR_PASSWORD (for scripts) or typed twice, hidden; only its scrypt hash is written.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import {
  DirectoryError,
  EXAMPLE_DIRECTORY,
  loadDirectory,
  loadOrSeedDirectory,
  saveDirectory,
  upsertAdvisor,
} from '../src/handoff/directory.js';
import { hashPassword, passwordProblem } from '../src/handoff/passwords.js';
import { ADVISOR_ROLES, type AdvisorRole } from '../src/handoff/types.js';

export interface AddAdvisorInput {
  cci: string;
  login: string;
  name: string;
  firstName?: string;
  /** Shown to users: « Vous êtes en relation avec Claire, conseillère numérique de … ». */
  title?: string;
  /** Absent: kept as it is for an existing advisor, « conseiller » for a new one. */
  role?: AdvisorRole;
  password: string;
}

export function advisorsFile(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.ADVISORS_FILE?.trim() || path.join(env.DATA_DIR?.trim() || './data', 'conseillers.json'));
}

/** Adds or updates the advisor; returns a French line describing what was done. */
export async function addAdvisor(file: string, input: AddAdvisorInput): Promise<string> {
  const problem = passwordProblem(input.password);
  if (problem) throw new DirectoryError(file, [problem]);
  const login = input.login.trim().toLowerCase();
  const directory = loadOrSeedDirectory(file);
  const previous = directory.ccis.find((c) => c.id === input.cci)?.advisors.find((a) => a.login === login);
  const existed = previous !== undefined;
  const role = input.role ?? previous?.role;
  const firstName = input.firstName?.trim() || input.name.trim().split(/\s+/)[0]!;
  const title = input.title?.trim();
  const next = upsertAdvisor(directory, input.cci, {
    login,
    displayName: input.name.trim(),
    firstName,
    ...(title ? { title } : {}),
    passwordHash: await hashPassword(input.password),
    ...(role === 'responsable' ? { role } : {}),
  });
  saveDirectory(file, next);
  const what = role === 'responsable' ? 'responsable (console et tableau de bord)' : 'conseiller (console)';
  return `${existed ? 'Conseiller mis à jour' : 'Conseiller ajouté'} : ${login} (${input.cci}), rôle ${what}, dans ${file}`;
}

/**
 * When --cci is missing or unknown: a French message listing the CCI ids (with their names) of the
 * directory the server reads (the example when it does not exist yet). Undefined when the id is known.
 */
export function cciProblem(file: string, cci: string | undefined): string | undefined {
  const directory = loadDirectory(existsSync(file) ? file : EXAMPLE_DIRECTORY);
  if (cci && directory.ccis.some((c) => c.id === cci)) return undefined;
  const head = cci ? `Aucune CCI « ${cci} » dans ${file}.` : 'Indiquez la CCI du conseiller avec --cci <id>.';
  const lines = directory.ccis.map((c) => `  ${c.id}  (${c.name})`);
  return [head, 'CCI disponibles :', ...lines].join('\n');
}

export const USAGE =
  'Usage : npm run advisor:add -- --cci <id> --login <identifiant> --name "<Prénom Nom>" [--first-name <Prénom>] [--title "conseillère numérique"] [--role conseiller|responsable]\n';

/** What the command prints before exiting with code 2 (bad or missing arguments), or undefined. */
export function usageProblem(args: Record<string, string>, file: string): string | undefined {
  const cci = cciProblem(file, args.cci);
  const role =
    args.role !== undefined && !(ADVISOR_ROLES as readonly string[]).includes(args.role)
      ? `Rôle inconnu « ${args.role} » : indiquez --role conseiller ou --role responsable.\n`
      : '';
  if (!cci && !role && args.login && args.name) return undefined;
  return (cci ? cci + '\n' : '') + role + USAGE;
}

export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)$/.exec(argv[i]!);
    if (m && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) out[m[1]!] = argv[++i]!;
  }
  return out;
}

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    output._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const file = advisorsFile();
  let problem: string | undefined;
  try {
    problem = usageProblem(args, file);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
  if (problem) {
    process.stderr.write(problem);
    process.exit(2);
  }
  let password = process.env.ADVISOR_PASSWORD ?? '';
  if (!password) {
    if (!process.stdin.isTTY) {
      process.stderr.write('Mot de passe absent : définissez ADVISOR_PASSWORD ou lancez la commande dans un terminal.\n');
      process.exit(2);
    }
    password = await askHidden('Mot de passe (12 caractères au moins) : ');
    if ((await askHidden('Confirmez le mot de passe : ')) !== password) {
      process.stderr.write('Les deux mots de passe diffèrent : rien n’a été modifié.\n');
      process.exit(1);
    }
  }
  try {
    const line = await addAdvisor(file, {
      cci: args.cci!,
      login: args.login,
      name: args.name,
      firstName: args['first-name'],
      title: args.title,
      role: args.role as AdvisorRole | undefined,
      password,
    });
    process.stdout.write(line + '\n');
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
