import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getLexicons } from '../../../main/core/analysis/lexicons';
import { detectLanguage } from '../../../main/core/analysis/language';
import {
  CLASSES,
  DENSE,
  encodeWeights,
  extractFeatures,
  Features,
  loadModel,
  predict,
  type ModelFile,
} from '../../../main/core/analysis/model';
import { getModel, modelProblem } from '../../../main/core/analysis/sentiment';
import { ruleSentiment } from '../../../main/core/analysis/sentiment-rules';
import { prepare } from '../../../main/core/analysis/text';
import { RESOURCES } from '../../helpers/tmp';

const file = JSON.parse(
  fs.readFileSync(path.join(RESOURCES, 'models', 'sentiment.json'), 'utf8'),
) as ModelFile;

function probs(text: string): number[] {
  const lex = getLexicons();
  const m = getModel()!;
  const p = prepare(text, lex.vocabulary);
  const lang = detectLanguage(p, 'fr').lang;
  const f = new Features();
  extractFeatures(p, lang, ruleSentiment(p, lang, lex), m.dim, f);
  return Array.from(predict(m, f));
}

describe('the shipped sentiment model', () => {
  it('loads, with its training record', () => {
    expect(modelProblem()).toBeNull();
    const m = getModel()!;
    expect(m.dim).toBe(file.dim);
    expect(file.classes).toEqual([...CLASSES]);
    expect(file.training).toMatchObject({ seed: expect.any(Number), counts: expect.any(Object) });
    expect(m.blend.model).toBeGreaterThan(0);
    expect(m.blend.model).toBeLessThan(1);
  });

  it('is deterministic: the same text, the same probabilities, from a fresh decode too', () => {
    const a = probs('Service client au top, merci !');
    expect(probs('Service client au top, merci !')).toEqual(a);
    const again = loadModel(file);
    const lex = getLexicons();
    const p = prepare('Service client au top, merci !', lex.vocabulary);
    const f = new Features();
    extractFeatures(p, 'fr', ruleSentiment(p, 'fr', lex), again.dim, f);
    expect(Array.from(predict(again, f))).toEqual(a);
    expect(a[2]).toBeGreaterThan(a[0]!);
    expect(a.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 10);
  });

  it('rejects malformed files', () => {
    expect(() => loadModel({ ...file, format: 'other' as 'vigie-hashed-logreg' })).toThrow(/format/);
    expect(() => loadModel({ ...file, dim: 1000 })).toThrow(/power of two/);
    expect(() => loadModel({ ...file, weights: file.weights.slice(0, 100) })).toThrow(/weights/);
  });

  it('round-trips weights through the int16 encoding', () => {
    const dim = 8;
    const w = new Float64Array((DENSE + dim) * 3);
    w[3] = 0.5;
    w[(DENSE + 2) * 3 + 2] = -1.25;
    const enc = encodeWeights(w);
    const m = loadModel({ ...file, dim, ...enc, bias: [0, 0, 0] });
    const f = new Features();
    f.add(1, 1);
    f.add(DENSE + 2, 1);
    const p = predict(m, f);
    const logits = [0.5, 0, -1.25];
    const z = logits.map(Math.exp).reduce((a, b) => a + b, 0);
    logits.forEach((l, i) => expect(p[i]).toBeCloseTo(Math.exp(l) / z, 3));
  });
});
