// npm run playground — opens Microsoft 365 Agents Playground (Microsoft's Teams-like test client)
// against the Virage running locally (npm start, local mode). Fetched on demand through npx and NOT a
// project dependency: its licence is Microsoft's own, not open source (see its LICENSE file).
// Telemetry off (--dt); its log goes to the temp folder, not into the project.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';

const port = process.env.PORT || '3978';
const endpoint = process.env.PLAYGROUND_ENDPOINT || `http://127.0.0.1:${port}/api/messages`;
const env = { ...process.env, M365_AGENTS_PLAYGROUND_LOGFILE: path.join(tmpdir(), 'virage-agents-playground.log') };
// Without a desktop, its attempt to open a browser (xdg-open) makes it stop: print the address instead.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) env.TEAMSAPPTESTER_BROWSER = 'none';

const args = ['--yes', '@microsoft/m365agentsplayground@0.2.28', '-e', endpoint, '-c', 'msteams', '--dt', ...process.argv.slice(2)];
process.stdout.write(`Agents Playground → ${endpoint} (démarrez Virage d’abord : npm start)\n`);
const child = spawn(process.platform === 'win32' ? 'npx.cmd' : 'npx', args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
child.on('exit', (code) => process.exit(code ?? 0));
