import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { platformSchema } from '../../../shared/model';
import { VigieError } from '../errors';

const localized = z.object({ fr: z.string(), en: z.string() });

export const scenarioMetaSchema = z.object({
  version: z.literal(1),
  durationMs: z.number().int().positive(),
  onsetMs: z.number().int().nonnegative(),
  count: z.number().int().positive(),
  brand: z.string(),
  title: localized,
  targetedPerson: z
    .object({ name: z.string(), role: localized, handles: z.record(z.string(), z.string()) })
    .optional(),
  phases: z.array(z.object({ id: z.string(), fromMs: z.number(), toMs: z.number(), label: localized })),
});
export type ScenarioMeta = z.infer<typeof scenarioMetaSchema>;

export const scenarioItemSchema = z.object({
  offsetMs: z.number().int().nonnegative(),
  id: z.string().min(3),
  platform: platformSchema,
  externalId: z.string().min(1),
  url: z.string().nullable(),
  authorHandle: z.string().min(1),
  authorName: z.string().nullable(),
  authorFollowers: z.number().int().nonnegative().nullable(),
  text: z.string(),
  lang: z.string().nullable(),
  likes: z.number().int().nonnegative(),
  shares: z.number().int().nonnegative(),
  replies: z.number().int().nonnegative(),
  rating: z.number().int().min(1).max(5).nullable(),
});
export type ScenarioItem = z.infer<typeof scenarioItemSchema>;

export interface Scenario {
  meta: ScenarioMeta;
  items: ScenarioItem[];
}

const cache = new Map<string, Scenario>();

/** Loads resources/demo once per process; a broken scenario file is a packaging bug, said plainly. */
export function loadScenario(resourcesDir: string): Scenario {
  const dir = path.join(resourcesDir, 'demo');
  const cached = cache.get(dir);
  if (cached) return cached;
  const metaFile = path.join(dir, 'scenario.json');
  const streamFile = path.join(dir, 'storm.ndjson');
  if (!fs.existsSync(metaFile) || !fs.existsSync(streamFile)) {
    throw new VigieError('demo_missing', `The demo scenario is missing from ${dir}.`);
  }
  const meta = loadScenarioMeta(resourcesDir);
  const lines = fs.readFileSync(streamFile, 'utf8').split('\n');
  const items: ScenarioItem[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = scenarioItemSchema.safeParse(JSON.parse(line));
    if (!parsed.success) {
      throw new VigieError('demo_invalid', `storm.ndjson line ${i + 1}: ${parsed.error.issues[0]?.message}`);
    }
    items.push(parsed.data);
  });
  items.sort((a, b) => a.offsetMs - b.offsetMs);
  const scenario = { meta, items };
  cache.set(dir, scenario);
  return scenario;
}

/** The scenario's description alone (title, brand, times), without reading its stream. */
export function loadScenarioMeta(resourcesDir: string): ScenarioMeta {
  const metaFile = path.join(resourcesDir, 'demo', 'scenario.json');
  return scenarioMetaSchema.parse(JSON.parse(fs.readFileSync(metaFile, 'utf8')));
}
