// The people sections of the review model: each member's duty and exposure, and protection cases.
import type { Aliaser } from './aliases';
import { TOXIC_THRESHOLD } from '../../../shared/thresholds';
import type { ProtectionItem, TeamItem } from './model-types';
import type { IncidentRecord } from './record';
import { jsonArray, num, str } from './row-values';

const TAKEN = new Set(['taken', 'cut_short', 'natural', 'imposed']);
const SKIPPED = new Set(['skipped', 'postponed']);
const HOUR = 3_600_000;

export function teamOf(record: IncidentRecord, end: number, a: Aliaser): TeamItem[] {
  const t = record.tables;
  const { from } = record.scope;
  return t.members
    .map((m) => {
      const id = str(m.id);
      const shifts = t.shifts.filter((s) => s.member_id === id);
      const dutyMs = shifts.reduce((sum, s) => {
        const start = Math.max(Number(s.started_at), from);
        const stop = Math.min(num(s.ended_at) ?? end, end);
        return sum + Math.max(0, stop - start);
      }, 0);
      const breaks = t.breaks.filter((b) => b.member_id === id);
      const exposures = t.exposures.filter((e) => e.member_id === id);
      const perHour = new Map<number, number>();
      for (const e of exposures) {
        const h = Math.floor(Number(e.at) / HOUR) * HOUR;
        perHour.set(h, (perHour.get(h) ?? 0) + 1);
      }
      let peakHour: TeamItem['peakHour'] = null;
      for (const [at, count] of [...perHour].sort((x, y) => x[0] - y[0]))
        if (!peakHour || count > peakHour.count) peakHour = { at, count };
      const tlx = t.tlx_reports
        .filter((r) => r.member_id === id)
        .map(
          (r) =>
            ['mental', 'physical', 'temporal', 'performance', 'effort', 'frustration']
              .map((k) => Number(r[k]))
              .reduce((x, y) => x + y, 0) / 6,
        );
      return {
        name: a.member(str(m.display_name)) ?? '',
        roles: [...new Set(shifts.map((s) => str(s.role)).filter(Boolean))].sort(),
        dutyMs,
        breaksTaken: breaks.filter((b) => TAKEN.has(str(b.outcome))).length,
        breaksSkipped: breaks.filter((b) => SKIPPED.has(str(b.outcome))).length,
        exposures: exposures.length,
        toxicExposures: exposures.filter((e) => (num(e.toxicity) ?? 0) >= TOXIC_THRESHOLD).length,
        aimedAtSelf: exposures.filter((e) => e.target === 'self').length,
        peakHour,
        maxTlx: tlx.length > 0 ? Math.max(...tlx) : null,
      };
    })
    .filter((m) => m.dutyMs > 0 || m.exposures > 0 || m.breaksTaken + m.breaksSkipped > 0)
    .sort((x, y) => x.name.localeCompare(y.name));
}

export function protectionOf(record: IncidentRecord, includePrivate: boolean, a: Aliaser): ProtectionItem[] {
  const t = record.tables;
  return t.protection_cases.map((c) => {
    const id = str(c.id);
    return {
      kind: str(c.person_kind),
      status: str(c.status),
      startedAt: Number(c.started_at),
      cooldownUntil: Number(c.cooldown_until),
      closedAt: num(c.closed_at),
      evidenceCount: t.evidence_items.filter((e) => e.case_id === id).length,
      eventCount: t.protection_events.filter((e) => e.case_id === id).length,
      person: includePrivate
        ? {
            name: a.active ? '[anon]' : str(c.person_name),
            handles: jsonArray(c.handles)
              .filter((h): h is string => typeof h === 'string')
              .map((h) => a.author(h)),
          }
        : null,
    };
  });
}
