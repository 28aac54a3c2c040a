import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeText } from '../../../main/core/analysis/index';
import {
  analyzeWithTransformer,
  loadTransformer,
  MANIFEST,
  sentimentFromLabels,
  type TransformersRuntime,
} from '../../../main/core/analysis/transformer';
import { tempDir } from '../../helpers/tmp';

// A tiny model of our own, laid out like a real one (config.json + a weights file per task), and a
// stand-in runtime that reads it through the same folder resolution transformers.js uses.
interface TinyModel {
  labels: string[];
  weights: Record<string, number[]>;
}

function tinyRuntime(calls: string[] = []): TransformersRuntime {
  const rt: TransformersRuntime = {
    env: {},
    async pipeline(task, model, options) {
      calls.push(`${task}:${model}:${String(options?.local_files_only)}`);
      const dir = path.join(rt.env.localModelPath!, model);
      const tiny = JSON.parse(fs.readFileSync(path.join(dir, 'tiny.json'), 'utf8')) as TinyModel;
      return async (texts: string[]) =>
        texts.map((t) => {
          const logits = tiny.labels.map(() => 0);
          for (const w of t.toLowerCase().split(/\W+/)) tiny.weights[w]?.forEach((v, i) => (logits[i]! += v));
          const z = logits.reduce((a, b) => a + Math.exp(b), 0);
          return tiny.labels.map((label, i) => ({ label, score: Math.exp(logits[i]!) / z }));
        });
    },
  };
  return rt;
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('vigie-model-');
});
afterEach(() => tmp.cleanup());

function writeModel(dir: string, manifest: object = {}) {
  const write = (sub: string, tiny: TinyModel) => {
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
    fs.writeFileSync(path.join(dir, sub, 'config.json'), JSON.stringify({ model_type: 'tiny' }));
    fs.writeFileSync(path.join(dir, sub, 'tiny.json'), JSON.stringify(tiny));
  };
  write('sentiment', {
    labels: ['LABEL_0', 'LABEL_1', 'LABEL_2'],
    weights: { wonderful: [-3, 0, 4], dreadful: [4, 0, -3], table: [0, 3, 0] },
  });
  write('toxicity', { labels: ['neutral', 'toxic'], weights: { grumpkin: [0, 6] } });
  fs.writeFileSync(
    path.join(dir, MANIFEST),
    JSON.stringify({
      runtime: 'transformers',
      sentiment: {
        path: 'sentiment',
        labels: { LABEL_0: 'negative', LABEL_1: 'neutral', LABEL_2: 'positive' },
      },
      toxicity: { path: 'toxicity', toxicLabels: ['toxic'] },
      weight: 0.8,
      ...manifest,
    }),
  );
}

describe('optional transformer: fallbacks', () => {
  it('says so when no folder is configured', async () => {
    const r = await loadTransformer({ env: {} });
    expect(r).toMatchObject({ ok: false, reason: 'not_configured' });
  });

  it('falls back when the folder is missing', async () => {
    const r = await loadTransformer({ env: { VIGIE_MODEL_DIR: tmp.file('nope') } });
    expect(r).toMatchObject({ ok: false, reason: 'missing_folder' });
    expect(r.message).toMatch(/built-in analyzer is used/);
  });

  it('falls back on a corrupt manifest or a folder without config.json', async () => {
    fs.writeFileSync(tmp.file(MANIFEST), '{ not json');
    expect(await loadTransformer({ dir: tmp.dir, importRuntime: async () => tinyRuntime() })).toMatchObject({
      ok: false,
      reason: 'bad_manifest',
    });
    fs.writeFileSync(tmp.file(MANIFEST), JSON.stringify({ sentiment: { path: 'missing' } }));
    const r = await loadTransformer({ dir: tmp.dir, importRuntime: async () => tinyRuntime() });
    expect(r).toMatchObject({ ok: false, reason: 'bad_manifest' });
    expect(r.message).toMatch(/config\.json/);
  });

  it('falls back when @huggingface/transformers is not installed', async () => {
    writeModel(tmp.dir);
    const r = await loadTransformer({ dir: tmp.dir });
    expect(r).toMatchObject({ ok: false, reason: 'runtime_missing' });
    expect(r.message).toMatch(/README-model\.md/);
  });

  it('falls back when the model files are corrupt', async () => {
    writeModel(tmp.dir);
    fs.writeFileSync(path.join(tmp.dir, 'sentiment', 'tiny.json'), 'garbage');
    const r = await loadTransformer({ dir: tmp.dir, importRuntime: async () => tinyRuntime() });
    expect(r).toMatchObject({ ok: false, reason: 'load_failed' });
  });
});

describe('optional transformer: a tiny model', () => {
  it('loads offline from the local folder and scores through the manifest', async () => {
    writeModel(tmp.dir);
    const calls: string[] = [];
    const runtime = tinyRuntime(calls);
    const r = await loadTransformer({
      env: { VIGIE_MODEL_DIR: tmp.dir },
      importRuntime: async () => runtime,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(runtime.env).toMatchObject({ allowRemoteModels: false, localModelPath: tmp.dir });
    expect(calls).toEqual(['text-classification:sentiment:true', 'text-classification:toxicity:true']);
    const scores = await r.analyzer.score(['a wonderful table', 'dreadful grumpkin']);
    expect(scores[0]!.sentiment).toBeGreaterThan(0.5);
    expect(scores[1]!.sentiment).toBeLessThan(-0.5);
    expect(scores[1]!.toxicity).toBeGreaterThan(0.9);

    const texts = ['the wonderful table', 'what a grumpkin'];
    const { results, fallback } = await analyzeWithTransformer(texts, r.analyzer, { platformLang: 'en' });
    expect(fallback).toBeNull();
    expect(analyzeText(texts[0]!, { platformLang: 'en' }).label).not.toBe('negative');
    expect(results[0]!.label).toBe('positive');
    expect(results[1]!.toxicity).toBeGreaterThan(0.9);
    expect(Object.keys(results[0]!).slice(0, 6)).toEqual([
      'lang',
      'sentiment',
      'label',
      'toxicity',
      'reasons',
      'crisisTerms',
    ]);
  });

  it('keeps the built-in results when the model fails while scoring', async () => {
    writeModel(tmp.dir);
    const r = await loadTransformer({ dir: tmp.dir, importRuntime: async () => tinyRuntime() });
    if (!r.ok) throw new Error(r.message);
    const broken = { ...r.analyzer, score: async () => Promise.reject(new Error('session lost')) };
    const { results, fallback } = await analyzeWithTransformer(['Super service'], broken, {
      platformLang: 'fr',
    });
    expect(fallback).toMatch(/session lost/);
    expect(results).toEqual([analyzeText('Super service', { platformLang: 'fr' })]);
  });

  it('reads star-rating labels', () => {
    expect(sentimentFromLabels([{ label: '5 stars', score: 1 }])).toBe(1);
    expect(
      sentimentFromLabels([
        { label: '1 star', score: 0.5 },
        { label: '3 stars', score: 0.5 },
      ]),
    ).toBe(-0.5);
  });
});
