// A server in a child process (tests of crashes and of several instances, the instances bench): spawns
// Node on a script that prints « port N » once listening; resolves the URL, or rejects with its stderr
// when it exits first.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildServer {
  child: ChildProcess;
  /** The signal the child ended with (null on a normal exit). */
  exited: Promise<NodeJS.Signals | null>;
  /** http://127.0.0.1:<port> once the child said it listens. */
  url: Promise<string>;
}

export function spawnServer(args: readonly string[], env: NodeJS.ProcessEnv = process.env): ChildServer {
  const child = spawn(process.execPath, ['--no-deprecation', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += String(d)));
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /port (\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.on('exit', (code, signal) => reject(new Error(`server exited before listening (${code ?? signal}): ${err}`)));
  });
  return { child, exited, url };
}
