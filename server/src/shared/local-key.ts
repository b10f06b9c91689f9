import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A 32-byte key written as 64 hex digits or base64; null when it is not one. */
export function decodeKey32(value: string): Buffer | null {
  const v = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : /^[A-Za-z0-9+/_-]+=*$/.test(v) ? Buffer.from(v, 'base64') : null;
  return key && key.length === 32 ? key : null;
}

export function parseKey32(value: string, variable: string): Buffer {
  const key = decodeKey32(value);
  if (!key) throw new Error(`${variable} must be 32 bytes, as 64 hex digits or base64`);
  return key;
}

/**
 * A 32-byte key from the environment variable `variable`; outside production, one generated once
 * under the data directory (`file`, mode 0600) so the local demo works with no setup. Production
 * without the variable: null (the caller says which variable to set).
 */
export function loadLocalKey(opts: {
  configured?: string;
  variable: string;
  file: string;
  dataDir: string;
  production: boolean;
}): Buffer | null {
  if (opts.configured) return parseKey32(opts.configured, opts.variable);
  if (opts.production) return null;
  const file = path.join(opts.dataDir, opts.file);
  if (existsSync(file)) return parseKey32(readFileSync(file, 'utf8'), `${opts.variable} (${file})`);
  mkdirSync(opts.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return parseKey32(readFileSync(file, 'utf8'), `${opts.variable} (${file})`); // another process wrote it first
  }
}
