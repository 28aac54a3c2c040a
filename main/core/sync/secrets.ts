// Where a source's secret comes from. Secrets are never logged, exported, stored in cursors or sent to
// the renderer: only this module reads them, and only the engine passes them to an adapter.
import fs from 'node:fs';
import { VigieError } from '../errors';

export interface SecretSpec {
  /** Name of an environment variable holding the secret (CLI and web mode). */
  tokenEnv?: string;
  /** Path of a file holding the secret, readable by its owner only (mode 0600). */
  tokenFile?: string;
  /** Reference to a secret kept by the Electron shell (safeStorage), resolved through `vault`. */
  secretRef?: string;
}

export interface SecretResolver {
  resolve(spec: SecretSpec): string | null;
}

export class EnvAndFileSecrets implements SecretResolver {
  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly vault: (ref: string) => string | null = () => null,
  ) {}

  resolve(spec: SecretSpec): string | null {
    if (spec.tokenEnv) {
      const value = this.env[spec.tokenEnv];
      if (!value)
        throw new VigieError('secret_missing', `The environment variable ${spec.tokenEnv} is not set.`);
      return value.trim();
    }
    if (spec.tokenFile) return readSecretFile(spec.tokenFile);
    if (spec.secretRef) return this.vault(spec.secretRef);
    return null;
  }
}

function readSecretFile(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new VigieError('secret_missing', `The secret file ${file} does not exist.`);
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new VigieError(
      'secret_unsafe',
      `The secret file ${file} is readable by others: run chmod 600 on it.`,
    );
  }
  return fs.readFileSync(file, 'utf8').trim();
}
