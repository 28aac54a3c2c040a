// Secrets typed into the Sources panel. CLI and web mode keep each one in a 0600 file beside the
// database; the Electron shell encrypts them with the OS keychain (safeStorage) itself and hands the
// core only the decrypted values, in memory.
import fs from 'node:fs';
import path from 'node:path';

export interface SecretVault {
  get(ref: string): string | null;
  set(ref: string, value: string): void;
  delete(ref: string): void;
}

const REF = /^[\w.-]{1,64}$/;

export class FileVault implements SecretVault {
  constructor(private readonly dir: string) {}

  private file(ref: string): string {
    if (!REF.test(ref)) throw new Error('Invalid secret reference.');
    return path.join(this.dir, `${ref}.secret`);
  }

  get(ref: string): string | null {
    try {
      return fs.readFileSync(this.file(ref), 'utf8');
    } catch {
      return null;
    }
  }

  set(ref: string, value: string): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = this.file(ref);
    fs.writeFileSync(file, value, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }

  delete(ref: string): void {
    // No file can exist under a reference that is not valid: nothing to delete.
    if (!REF.test(ref)) return;
    fs.rmSync(this.file(ref), { force: true });
  }
}

export class MemoryVault implements SecretVault {
  private readonly secrets: Map<string, string>;

  constructor(initial: Record<string, string> = {}) {
    this.secrets = new Map(Object.entries(initial));
  }

  get(ref: string): string | null {
    return this.secrets.get(ref) ?? null;
  }

  set(ref: string, value: string): void {
    this.secrets.set(ref, value);
  }

  delete(ref: string): void {
    this.secrets.delete(ref);
  }
}
