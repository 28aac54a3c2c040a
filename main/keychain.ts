// Electron only: source secrets encrypted with the OS keychain (safeStorage), one file per source.
// The core worker receives the decrypted values in memory and never writes them to disk itself.
import { safeStorage } from 'electron';
import fs from 'node:fs';
import path from 'node:path';

const REF = /^[\w.-]{1,64}$/;

export class Keychain {
  constructor(private readonly dir: string) {}

  available(): boolean {
    return safeStorage.isEncryptionAvailable();
  }

  /** Every stored secret, decrypted, for the core's memory vault. Unreadable entries are skipped. */
  loadAll(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!this.available() || !fs.existsSync(this.dir)) return out;
    for (const name of fs.readdirSync(this.dir)) {
      const ref = name.replace(/\.bin$/, '');
      if (!name.endsWith('.bin') || !REF.test(ref)) continue;
      try {
        out[ref] = safeStorage.decryptString(fs.readFileSync(path.join(this.dir, name)));
      } catch {
        // A secret encrypted under another OS account cannot be read: the source will ask again.
      }
    }
    return out;
  }

  store(ref: string, secret: string): void {
    if (!REF.test(ref)) throw new Error('Invalid secret reference.');
    if (!this.available())
      throw new Error('The system keychain is not available: use tokenEnv or tokenFile.');
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(this.dir, `${ref}.bin`), safeStorage.encryptString(secret), { mode: 0o600 });
  }

  remove(ref: string): void {
    if (REF.test(ref)) fs.rmSync(path.join(this.dir, `${ref}.bin`), { force: true });
  }
}
