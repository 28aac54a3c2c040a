import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { youtubeFormat } from '../../../main/core/sync/formats/youtube';
import { SyncError, type HttpResponse } from '../../../main/core/sync/http';
import { youtubeSource, type YouTubeConfig } from '../../../main/core/sync/sources/youtube';
import type { ParseResult } from '../../../main/core/sync/types';
import { fuzzSplicedText, fuzzTextAndJson } from '../../helpers/parser-fuzz';
import { fixtureText, KEY, NOW, P1, VIDEO } from './youtube-fixtures';

describe('youtube parser fuzzing', () => {
  const ctx = { now: NOW, fileName: 'fuzz.json' };
  const expectSane = (r: ParseResult) => {
    for (const m of r.mentions) {
      expect(m.id).toBe(`youtube:${m.externalId}`);
      expect(Number.isFinite(m.createdAt)).toBe(true);
      expect(typeof m.text).toBe('string');
      expect(m.authorHandle.length).toBeGreaterThan(0);
      if (m.url !== null) expect(m.url.startsWith('https://www.youtube.com/watch?v=')).toBe(true);
      expect(m.likes >= 0 && m.replies >= 0).toBe(true);
    }
    for (const q of r.quarantined) expect(q.reason).toMatch(/^YouTube: /);
  };
  const parse = (text: string) => youtubeFormat.parse(text, ctx);

  it('random text and random JSON: a result or a FormatError', () => {
    fuzzTextAndJson({ parse, check: expectSane, numRuns: 200 });
  });

  it('comments with a field replaced by a random value: each stored or quarantined', () => {
    const keys = [
      'id',
      'textOriginal',
      'textDisplay',
      'publishedAt',
      'authorDisplayName',
      'authorChannelId',
      'likeCount',
      'videoId',
    ];
    fc.assert(
      fc.property(fc.nat(P1.items.length - 1), fc.constantFrom(...keys), fc.jsonValue(), (i, key, value) => {
        const thread = structuredClone(P1.items[i]!) as unknown as {
          snippet: { topLevelComment: Record<string, unknown> & { snippet: Record<string, unknown> } };
        };
        const target = key === 'id' ? thread.snippet.topLevelComment : thread.snippet.topLevelComment.snippet;
        target[key] = value;
        const r = youtubeFormat.parse(
          JSON.stringify({ kind: 'youtube#commentThreadListResponse', items: [thread] }),
          ctx,
        );
        expectSane(r);
        expect(r.mentions.length + r.quarantined.length).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

  it('saved bodies cut or spliced at random: a result or a FormatError', () => {
    fuzzSplicedText({ text: fixtureText('threads-p1.json'), parse, check: expectSane, numRuns: 200 });
  });

  it('parsePage and classifyError on random bodies: a page or a SyncError, never the key', () => {
    const config = youtubeSource.configSchema.parse({ videoId: VIDEO }) as YouTubeConfig;
    const state = youtubeSource.initialState(config);
    const url = `https://www.googleapis.com/youtube/v3/commentThreads?videoId=${VIDEO}&key=${KEY}`;
    fc.assert(
      fc.property(
        fc.oneof(fc.json(), fc.string()),
        fc.constantFrom(400, 403, 404, 429, 500),
        (body, status) => {
          const res: HttpResponse = { status: 200, headers: new Headers(), body, url, rateLimit: null };
          try {
            const page = youtubeSource.parsePage(res, config, state, { now: NOW, secret: KEY });
            expectSane(page);
            expect(JSON.stringify(page.state)).not.toContain(KEY);
          } catch (err) {
            if (!(err instanceof SyncError)) throw err;
            expect(err.message).not.toContain(KEY);
          }
          const err = new SyncError('auth', 'refused', null, status, body);
          const reread = youtubeSource.classifyError!(err, { now: NOW, secret: KEY });
          if (reread) expect(reread.message).not.toContain(KEY);
        },
      ),
      { numRuns: 200 },
    );
  });
});
