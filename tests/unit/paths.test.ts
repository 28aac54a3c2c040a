import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDbPath } from '../../main/core/paths';

describe('where data lives', () => {
  it('matches Electron userData on each OS', () => {
    expect(defaultDataDir({}, 'linux')).toBe(path.join(os.homedir(), '.config', 'Vigie'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe('/xdg/Vigie');
    expect(defaultDataDir({}, 'darwin')).toBe(
      path.join(os.homedir(), 'Library', 'Application Support', 'Vigie'),
    );
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\cm\\AppData\\Roaming' }, 'win32')).toContain('Vigie');
  });

  it('prefers --db, then VIGIE_DB', () => {
    expect(resolveDbPath('/a/flag.db', { VIGIE_DB: '/b/env.db' })).toBe('/a/flag.db');
    expect(resolveDbPath(undefined, { VIGIE_DB: '/b/env.db' })).toBe('/b/env.db');
    expect(resolveDbPath(undefined, { XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/Vigie/vigie.db');
  });
});
