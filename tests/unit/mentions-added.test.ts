// One path tells the pages about new mentions: whatever stores them (import, sync, demo replay), the
// core emits `mentions.added` once per throttle window, with the true count and a bounded id list.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Service } from '../../main/core/service';
import { openStore } from '../../main/core/store/open';
import { Throttle } from '../../main/core/throttle';
import { makeMentions } from '../helpers/mentions';
import { RESOURCES, tempDir } from '../helpers/tmp';

describe('Throttle', () => {
  it('keeps only the newest items but counts all of them', () => {
    const delivered: { items: number[]; count: number }[] = [];
    const t = new Throttle<number>(10_000, 3, (items, count) => delivered.push({ items, count }));
    t.push([1, 2]);
    t.push([3, 4, 5, 6]);
    t.push([7]);
    t.flush();
    expect(delivered).toEqual([{ items: [5, 6, 7], count: 7 }]);
    t.flush();
    expect(delivered).toHaveLength(1);
  });
});

describe('mentions.added', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Database.Database;
  let service: Service;
  let events: { event: string; payload: unknown }[];

  beforeEach(() => {
    tmp = tempDir('vigie-added-');
    db = openStore(tmp.file('v.db'));
    events = [];
    service = new Service(
      db,
      { dbPath: tmp.file('v.db'), resourcesDir: RESOURCES, mode: 'cli', version: 'test', seedDemo: false },
      (event, payload) => events.push({ event, payload }),
    );
  });
  afterEach(() => {
    service.dispose();
    db.close();
    tmp.cleanup();
  });

  it('is emitted once for what the ingestor stored, never for duplicates', () => {
    const batch = makeMentions(450);
    service.ctx.ingestor.ingest(batch.slice(0, 300));
    service.ctx.ingestor.ingest(batch.slice(250));
    service.ctx.ingestor.ingest(batch.slice(0, 10));
    service.dispose();
    const added = events.filter((e) => e.event === 'mentions.added');
    expect(added).toHaveLength(1);
    const payload = added[0]!.payload as { count: number; ids: string[]; latestAt: number };
    expect(payload.count).toBe(450);
    expect(payload.ids).toHaveLength(200);
    expect(payload.ids.at(-1)).toBe(batch[449]!.id);
    expect(payload.latestAt).toBe(batch[449]!.createdAt);
  });
});
