// The analysis stage on the second core: the ingest sends a batch's texts here while its SQLite
// writer commits the previous batch. Built to dist/analysis-worker.cjs; same code as the in-process
// path (analyzeMention), so results do not depend on where they were computed.
import { parentPort } from 'node:worker_threads';
import { analyzeMention, type AnalyzableMention, type MentionAnalysis } from './mention-analysis';
import { duplicateKeysInto, SIGNATURE_SIZE } from './near-duplicates';
import type { ToxicityContext } from './toxicity';

export interface AnalysisRequest {
  id: number;
  items: AnalyzableMention[];
  context: ToxicityContext;
}

export type AnalysisReply =
  | {
      id: number;
      analyses: MentionAnalysis[];
      /** Near-duplicate keys: normalized texts, and signatures packed SIGNATURE_SIZE per post. */
      norms: string[];
      sigs: Uint32Array;
      /** 1 where the post has a signature (long enough). */
      signed: Uint8Array;
      seed: number;
      /** Time spent analyzing this batch (ms), for balancing the work between the two cores. */
      ms: number;
    }
  | { id: number; error: string };

const port = parentPort;
if (port) {
  // Matchers are compiled per context object: keep one while the context is unchanged.
  let lastKey = '';
  let lastContext: ToxicityContext = {};
  port.on('message', (req: AnalysisRequest) => {
    try {
      const started = performance.now();
      const key = JSON.stringify(req.context);
      if (key !== lastKey) {
        lastKey = key;
        lastContext = req.context;
      }
      const n = req.items.length;
      const analyses = req.items.map((m) => analyzeMention(m, { context: lastContext }));
      // The stateless half of near-duplicate clustering (normalizing, MinHash) is done here too.
      const norms = new Array<string>(n);
      const sigs = new Uint32Array(n * SIGNATURE_SIZE);
      const signed = new Uint8Array(n);
      const seed = duplicateKeysInto(
        req.items.map((m) => m.text),
        norms,
        sigs,
        signed,
      );
      const ms = performance.now() - started;
      const reply: AnalysisReply = { id: req.id, analyses, norms, sigs, signed, seed, ms };
      port.postMessage(reply, [sigs.buffer]);
    } catch (err) {
      port.postMessage({
        id: req.id,
        error: err instanceof Error ? err.message : String(err),
      } satisfies AnalysisReply);
    }
  });
}
