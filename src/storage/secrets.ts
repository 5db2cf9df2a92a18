// Server secrets (signing keys) generated once and kept in DATA_DIR/secrets with mode 0600,
// unless given by configuration.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function loadOrCreateSecret(dataDir: string, name: string, bytes = 32): Buffer {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`[secrets] bad secret name "${name}"`);
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, `${name}.key`);
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{32,}$/.test(hex)) return Buffer.from(hex, 'hex');
    throw new Error(`[secrets] ${file} is not a hex key: fix or delete it`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(bytes);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
