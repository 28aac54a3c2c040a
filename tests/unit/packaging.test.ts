import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/tmp';

// app-builder-lib is electron-builder's own library (installed with it); its validator is the one
// `electron-builder` runs before building.
const quietLogger = { isEnabled: false, add: () => undefined } as never;

// Packaging itself downloads Electron and cannot run offline; its configuration can be checked.
describe('electron-builder configuration', () => {
  it('passes electron-builder schema validation', async () => {
    const { getConfig, validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    expect(config.appId).toBe('fr.vigie.cockpit');
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    // Security checklist item 19: the fuses an attacker could use to run code in the app's name are off.
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('rejects a configuration with an unknown key', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    await expect(
      validateConfiguration({ appId: 'x', notAnOption: true } as never, quietLogger),
    ).rejects.toThrow(/notAnOption|unknown property/i);
  });

  it('has a working electron-builder command', () => {
    const out = execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/electron-builder/cli.js'), '--help'],
      {
        encoding: 'utf8',
      },
    );
    expect(out).toMatch(/Building/);
  });

  it('packages what the app needs at run time', () => {
    const files = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(files).toContain('dist/**');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main.cjs');
  });
});
