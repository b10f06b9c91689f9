import { createHash, createHmac, timingSafeEqual, type Hash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import type { Config } from '../config.js';
import { loadLocalKey } from '../shared/local-key.js';

/**
 * A backup is trusted only as far as its signature: `manifest.sig` holds an HMAC-SHA256 of the
 * exact bytes of `manifest.json` under BACKUP_SIGNING_KEY, and the manifest holds the SHA-256 of
 * every data file. A restore checks both before it touches the database.
 */
export const SIGNATURE_FILE = 'manifest.sig';
const ALGORITHM = 'HMAC-SHA256';

export interface BackupSignature {
  algorithm: typeof ALGORITHM;
  /** Names the key without revealing it, so "signed with another key" can be told apart from tampering. */
  keyId: string;
  signature: string;
}

/** The backup signing key: BACKUP_SIGNING_KEY, else (outside production) one generated under DATA_DIR. */
export function loadBackupKey(config: Pick<Config, 'BACKUP_SIGNING_KEY' | 'dataDir' | 'isProduction'>): Buffer {
  const key = loadLocalKey({
    configured: config.BACKUP_SIGNING_KEY,
    variable: 'BACKUP_SIGNING_KEY',
    file: 'backup-signing.key',
    dataDir: config.dataDir,
    production: config.isProduction,
  });
  if (!key) throw new Error('BACKUP_SIGNING_KEY is required in production (32 bytes, hex or base64): backups are signed with it');
  return key;
}

export const keyIdOf = (key: Buffer) => createHash('sha256').update('creditmeter backup key id\0').update(key).digest('hex').slice(0, 16);

export function signManifest(manifestBytes: Buffer, key: Buffer): BackupSignature {
  return { algorithm: ALGORITHM, keyId: keyIdOf(key), signature: createHmac('sha256', key).update(manifestBytes).digest('hex') };
}

/** Reads `manifest.json` of `dir` and returns its bytes once its signature checks out; throws saying why not. */
export function verifiedManifestBytes(dir: string, key: Buffer): Buffer {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${dir} holds no finished backup (no manifest.json)`);
  const sigFile = path.join(dir, SIGNATURE_FILE);
  if (!existsSync(sigFile)) throw new Error(`backup refused: ${dir} has no ${SIGNATURE_FILE}; an unsigned backup cannot be trusted`);
  const bytes = readFileSync(manifestFile);
  let sig: Partial<BackupSignature>;
  try {
    sig = JSON.parse(readFileSync(sigFile, 'utf8')) as Partial<BackupSignature>;
  } catch {
    throw new Error(`backup refused: ${sigFile} is not readable JSON`);
  }
  if (sig.algorithm !== ALGORITHM || typeof sig.signature !== 'string')
    throw new Error(`backup refused: ${sigFile} is not an ${ALGORITHM} signature`);
  if (sig.keyId !== keyIdOf(key)) {
    throw new Error(
      `backup refused: it was signed with another key (key id ${String(sig.keyId)}; BACKUP_SIGNING_KEY has key id ${keyIdOf(key)}): set BACKUP_SIGNING_KEY to the key that signed it`,
    );
  }
  const expected = createHmac('sha256', key).update(bytes).digest();
  const given = Buffer.from(sig.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new Error('backup refused: manifest.json does not match its signature (it was changed after the backup was written)');
  }
  return bytes;
}

/** Passes bytes through while hashing them (SHA-256) and counting them. */
export function hashing(): Transform & { digest(): { sha256: string; bytes: number } } {
  const hash: Hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return Object.assign(tap, { digest: () => ({ sha256: hash.digest('hex'), bytes }) });
}

/** A data file named by the manifest must be a plain file name in the backup directory. */
export function dataFilePath(dir: string, file: string): string {
  if (path.basename(file) !== file || !file.endsWith('.copy.gz'))
    throw new Error(`backup refused: the manifest names an unexpected file ${JSON.stringify(file)}`);
  return path.join(dir, file);
}

/** Every data file's SHA-256 against the signed manifest's; throws naming the first that differs. */
export async function verifyDataFiles(dir: string, files: { file: string; sha256: string }[]): Promise<void> {
  for (const f of files) {
    const full = dataFilePath(dir, f.file);
    if (!existsSync(full)) throw new Error(`backup refused: ${f.file} is missing`);
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(full)) hash.update(chunk as Buffer);
    checkDigest(f.file, hash.digest('hex'), f.sha256);
  }
}

export function checkDigest(file: string, actual: string, expected: string): void {
  if (actual !== expected) {
    throw new Error(
      `backup refused: ${file} has SHA-256 ${actual}, the signed manifest says ${expected} (the file was changed after the backup was written)`,
    );
  }
}
