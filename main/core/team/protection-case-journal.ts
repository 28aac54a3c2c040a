// Internals shared by the case operations: copying a case, finding a step, appending timeline events.
import { VigieError } from '../errors';
import { MINUTE, oneLine, type Bilingual } from './format';
import type { CaseStep, ProtectionCase, ProtectionEventKind } from './protection-case-model';

export const floorMinute = (t: number) => Math.floor(t / MINUTE) * MINUTE;

export function clone(c: ProtectionCase): ProtectionCase {
  return structuredClone(c);
}

export function findStep(c: ProtectionCase, id: string): CaseStep {
  const step = c.steps.find((s) => s.id === id);
  if (!step) throw new VigieError('unknown_step', `No step ${id} in this case.`);
  return step;
}

export function push(
  c: ProtectionCase,
  at: number,
  kind: ProtectionEventKind,
  actor: string | null,
  text: Bilingual,
  data: Record<string, unknown>,
): void {
  c.seq += 1;
  c.events.push({ seq: c.seq, at, kind, actor, text_fr: text.fr, text_en: text.en, data });
}

export function withNote(text: Bilingual, note: string | null | undefined): Bilingual {
  if (!note || !note.trim()) return text;
  const n = oneLine(note);
  return { fr: `${text.fr} Note : ${n}`, en: `${text.en} Note: ${n}` };
}

export function fmtRate(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}
