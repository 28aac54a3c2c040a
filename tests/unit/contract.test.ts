import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, EVENT_NAMES, parseRequest } from '../../shared/contract';
import { CALL_NAME_LIST, EVENT_NAME_LIST } from '../../shared/names';
import { startCore, type CoreHost } from '../../main/core/host';
import { RESOURCES, WORKER_FILE, tempDir } from '../helpers/tmp';

describe('contract schemas', () => {
  it('lists the same call and event names the preload exposes', () => {
    expect([...CALL_NAME_LIST].sort()).toEqual([...CALL_NAMES].sort());
    expect([...EVENT_NAME_LIST].sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('rejects malformed requests with a message that names the field', () => {
    expect(() => parseRequest('mentions.list', { limit: 'ten' })).toThrow(/mentions\.list: limit:/);
    expect(() => parseRequest('mentions.list', { limit: 10_000 })).toThrow(/limit/);
    expect(() => parseRequest('mentions.list', { sql: 'DROP TABLE mentions' })).toThrow(/Unrecognized key/i);
    expect(() => parseRequest('timeline.volume', { from: 10, to: 5, bucketMinutes: 1 })).toThrow(
      /to must be after from/,
    );
    expect(() => parseRequest('timeline.volume', { from: 0, to: 1e12, bucketMinutes: 1 })).toThrow(
      /too many buckets/,
    );
    expect(() => parseRequest('incidents.focus', {})).toThrow(/id/);
  });

  it('fills defaults on valid requests', () => {
    expect(parseRequest('mentions.list', {})).toEqual({ limit: 100 });
    expect(parseRequest('app.info', undefined)).toEqual({});
  });
});

describe('core worker behind the contract', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: CoreHost;
  beforeEach(async () => {
    tmp = tempDir();
    core = await startCore({
      dbPath: tmp.file('v.db'),
      workerFile: WORKER_FILE,
      resourcesDir: RESOURCES,
      tickMs: 0,
    });
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('answers unknown calls and malformed payloads with {code, message} and keeps running', async () => {
    await expect(core.callRaw('mentions.drop', {})).rejects.toMatchObject({ code: 'unknown_call' });
    await expect(core.callRaw('mentions.list', { limit: -1 })).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/limit/),
    });
    await expect(core.callRaw('incidents.focus', { id: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const info = await core.call('app.info', {});
    expect(info).toMatchObject({ dbPath: tmp.file('v.db'), mode: 'cli' });
    expect(await core.call('mentions.list', { limit: 5 })).toEqual({ items: [] });
  });

  it('does not leak stack traces across the boundary', async () => {
    const err = (await core.callRaw('mentions.list', { limit: 'x' }).catch((e: unknown) => e)) as Error;
    expect(String(err.message)).not.toMatch(/at .*\.(ts|js|cjs):\d+/);
  });
});

describe('starting the core on a bad database', () => {
  it('fails with one clear error instead of starting', async () => {
    const tmp = tempDir();
    const fs = await import('node:fs');
    fs.writeFileSync(tmp.file('bad.db'), 'PK\u0003\u0004 a zip file');
    await expect(
      startCore({ dbPath: tmp.file('bad.db'), workerFile: WORKER_FILE, resourcesDir: RESOURCES, tickMs: 0 }),
    ).rejects.toMatchObject({ code: 'db_not_sqlite' });
    expect(fs.readFileSync(tmp.file('bad.db'), 'utf8')).toBe('PK\u0003\u0004 a zip file');
    tmp.cleanup();
  });
});
