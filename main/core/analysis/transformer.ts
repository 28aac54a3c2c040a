// Optional stronger model: a multilingual transformer (sentiment, and toxicity if provided) run
// in-process from a LOCAL folder the user installs (VIGIE_MODEL_DIR or a configured path), with
// @huggingface/transformers (Apache-2.0), which is NOT a dependency of Vigie: with its ONNX
// runtime it weighs ~450 MB installed, so it is imported dynamically and only if the user added it
// (see README-model.md). Whatever goes wrong (no folder, a broken manifest, the library absent, a
// model that fails to load or to run), the built-in analyzer is used and the reason is said plainly.
// It is asynchronous and slower than the built-in analyzer: meant for re-scoring in the background,
// not for the ingest hot path.
import fs from 'node:fs';
import path from 'node:path';
import { analyzeText, type AnalyzeOptions, type Analysis } from './index';
import { labelScore } from './sentiment';

export const MANIFEST = 'vigie-model.json';
export const RUNTIME_PACKAGE = '@huggingface/transformers';

/** vigie-model.json: which sub-folders hold which model, and how their labels read. */
export interface ModelManifest {
  runtime?: 'transformers';
  sentiment?: {
    /** Folder (relative to the manifest) with config.json, tokenizer files and onnx/. */
    path: string;
    /** Model label → our label; star labels ("1 star".."5 stars") are understood without it. */
    labels?: Record<string, 'negative' | 'neutral' | 'positive'>;
    /** ONNX variant to load (transformers.js "dtype"): q8 by default. */
    dtype?: string;
  };
  toxicity?: {
    path: string;
    /** Labels that mean toxic (their probabilities are summed). */
    toxicLabels: string[];
    dtype?: string;
  };
  /** Weight of the transformer in the final sentiment (0..1). Default 0.6. */
  weight?: number;
}

export interface TransformerScores {
  /** p(positive) - p(negative), -1..1 */
  sentiment: number;
  toxicity: number | null;
}

export interface ExternalAnalyzer {
  dir: string;
  manifest: ModelManifest;
  score(texts: string[]): Promise<TransformerScores[]>;
}

export type FallbackReason =
  'not_configured' | 'missing_folder' | 'bad_manifest' | 'runtime_missing' | 'load_failed';

export type TransformerLoad =
  | { ok: true; analyzer: ExternalAnalyzer; message: string }
  | { ok: false; reason: FallbackReason; message: string };

/** What a text-classification pipeline returns per text with top_k: null. */
type LabelScores = { label: string; score: number }[];
type Pipeline = (texts: string[], opts?: Record<string, unknown>) => Promise<LabelScores[] | LabelScores>;

/** The part of @huggingface/transformers we use (also what a test's stand-in provides). */
export interface TransformersRuntime {
  env: { allowRemoteModels?: boolean; allowLocalModels?: boolean; localModelPath?: string };
  pipeline(task: string, model: string, options?: Record<string, unknown>): Promise<Pipeline>;
}

export interface TransformerOptions {
  /** Model folder; else VIGIE_MODEL_DIR. */
  dir?: string | null;
  env?: NodeJS.ProcessEnv;
  /** How the runtime is imported (tests pass a stand-in). */
  importRuntime?: () => Promise<TransformersRuntime>;
}

const defaultImport = async (): Promise<TransformersRuntime> => {
  // A variable specifier: bundlers leave it alone, and Node resolves it only if installed.
  const name = RUNTIME_PACKAGE;
  return (await import(name)) as TransformersRuntime;
};

function readManifest(dir: string): ModelManifest {
  const file = path.join(dir, MANIFEST);
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!raw || typeof raw !== 'object') throw new Error(`${MANIFEST} is not a JSON object`);
  const m = raw as ModelManifest;
  if (!m.sentiment || typeof m.sentiment.path !== 'string')
    throw new Error(`${MANIFEST} needs sentiment.path`);
  for (const part of [m.sentiment, m.toxicity]) {
    if (!part) continue;
    const folder = path.resolve(dir, part.path);
    if (!fs.existsSync(path.join(folder, 'config.json'))) throw new Error(`no config.json in ${folder}`);
  }
  if (m.toxicity && !Array.isArray(m.toxicity.toxicLabels))
    throw new Error(`${MANIFEST}: toxicity.toxicLabels must be a list`);
  if (m.weight !== undefined && !(m.weight >= 0 && m.weight <= 1))
    throw new Error(`${MANIFEST}: weight must be within 0..1`);
  return m;
}

const STAR = /^([1-5])\s*stars?$/i;

/** p(pos) - p(neg) from one text's label scores. */
export function sentimentFromLabels(scores: LabelScores, labels: Record<string, string> = {}): number {
  let pos = 0;
  let neg = 0;
  let stars = 0;
  let starMass = 0;
  for (const { label, score } of scores) {
    const mapped = labels[label] ?? label.toLowerCase();
    const star = STAR.exec(label);
    if (star) {
      stars += Number(star[1]) * score;
      starMass += score;
    } else if (mapped === 'positive' || mapped === 'pos') pos += score;
    else if (mapped === 'negative' || mapped === 'neg') neg += score;
  }
  if (starMass > 0) return Math.max(-1, Math.min(1, (stars / starMass - 3) / 2));
  return Math.max(-1, Math.min(1, pos - neg));
}

/** Loads the model folder, or says why the built-in analyzer will be used. Never throws. */
export async function loadTransformer(opts: TransformerOptions = {}): Promise<TransformerLoad> {
  const env = opts.env ?? process.env;
  const dir = opts.dir ?? env.VIGIE_MODEL_DIR ?? null;
  if (!dir) {
    return {
      ok: false,
      reason: 'not_configured',
      message: 'No model folder configured (VIGIE_MODEL_DIR): the built-in analyzer is used.',
    };
  }
  const abs = path.resolve(dir);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
    return {
      ok: false,
      reason: 'missing_folder',
      message: `Model folder not found: ${abs}. The built-in analyzer is used.`,
    };
  }
  let manifest: ModelManifest;
  try {
    manifest = readManifest(abs);
  } catch (err) {
    return {
      ok: false,
      reason: 'bad_manifest',
      message: `The model folder ${abs} is not usable (${(err as Error).message}). The built-in analyzer is used.`,
    };
  }
  let runtime: TransformersRuntime;
  try {
    runtime = await (opts.importRuntime ?? defaultImport)();
  } catch {
    return {
      ok: false,
      reason: 'runtime_missing',
      message: `${RUNTIME_PACKAGE} is not installed, so the model in ${abs} cannot run (see main/core/analysis/README-model.md). The built-in analyzer is used.`,
    };
  }
  try {
    // Offline: local files only, never a download.
    runtime.env.allowRemoteModels = false;
    runtime.env.allowLocalModels = true;
    runtime.env.localModelPath = abs;
    // Model ids are resolved under localModelPath: pass the sub-folder, relative.
    const load = (part: { path: string; dtype?: string }) =>
      runtime.pipeline(
        'text-classification',
        path.relative(abs, path.resolve(abs, part.path)).split(path.sep).join('/'),
        {
          local_files_only: true,
          dtype: part.dtype ?? 'q8',
        },
      );
    const sentimentPipe = await load(manifest.sentiment!);
    const toxicityPipe = manifest.toxicity ? await load(manifest.toxicity) : null;
    const analyzer: ExternalAnalyzer = {
      dir: abs,
      manifest,
      async score(texts: string[]): Promise<TransformerScores[]> {
        if (texts.length === 0) return [];
        const s = normalizeBatch(await sentimentPipe(texts, { top_k: null }), texts.length);
        const t = toxicityPipe
          ? normalizeBatch(await toxicityPipe(texts, { top_k: null }), texts.length)
          : null;
        const toxic = new Set(manifest.toxicity?.toxicLabels ?? []);
        return s.map((scores, i) => ({
          sentiment: sentimentFromLabels(scores, manifest.sentiment!.labels),
          toxicity: t ? t[i]!.reduce((n, x) => (toxic.has(x.label) ? n + x.score : n), 0) : null,
        }));
      },
    };
    return { ok: true, analyzer, message: `Transformer model loaded from ${abs}.` };
  } catch (err) {
    return {
      ok: false,
      reason: 'load_failed',
      message: `The model in ${abs} failed to load (${(err as Error).message}). The built-in analyzer is used.`,
    };
  }
}

/** A batch of one text may come back unwrapped. */
function normalizeBatch(out: LabelScores[] | LabelScores, n: number): LabelScores[] {
  if (n === 1 && out.length > 0 && !Array.isArray(out[0])) return [out as LabelScores];
  return out as LabelScores[];
}

/**
 * Analyzes posts with the built-in analyzer, then, if a transformer is loaded, blends its
 * sentiment (and takes the higher toxicity). If the transformer fails at run time, the built-in
 * results stand and `fallback` says why.
 */
export async function analyzeWithTransformer(
  texts: string[],
  external: ExternalAnalyzer | null,
  opts: AnalyzeOptions = {},
): Promise<{ results: Analysis[]; fallback: string | null }> {
  const results = texts.map((t) => analyzeText(t, opts));
  if (!external) return { results, fallback: null };
  let scores: TransformerScores[];
  try {
    scores = await external.score(texts);
    if (scores.length !== texts.length) throw new Error(`${scores.length} results for ${texts.length} texts`);
  } catch (err) {
    return {
      results,
      fallback: `The transformer failed (${(err as Error).message}); built-in results kept.`,
    };
  }
  const w = external.manifest.weight ?? 0.6;
  return {
    fallback: null,
    results: results.map((a, i) => {
      const s = scores[i]!;
      // Back from the output scale to a raw score, blend, and label again.
      const raw = (1 - w) * a.sentiment + w * s.sentiment;
      const { score, label } = labelScore(raw, 0.2, 0.2);
      const toxicity =
        s.toxicity === null ? a.toxicity : Math.max(a.toxicity, Math.round(s.toxicity * 1000) / 1000);
      return { ...a, sentiment: score, label, toxicity };
    }),
  };
}
