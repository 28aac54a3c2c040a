// Levels (veille → alerte → crise → crise_majeure, configurable) and status (active → stable →
// closed). Each change says who and why and is a timeline event; raising the level unlocks the
// checklist steps of the new level in the same transaction.
//   level.changed {from, to, reason, direction}      someone chose the level
//   level.accepted {from, to, reasons, suggestedAt}  a suggested level was accepted
//   level.suggestion_dismissed {level, reasons}      a suggestion was turned down, with why
//   incident.stable / incident.reactivated / incident.closed / incident.reopened {from, to}
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';
import { IncidentsRepo } from '../store/incidents-repo';
import { ChecklistRepo } from './checklist';
import { levelLabel, levelRank, type CrisisConfig } from './config';
import {
  optionalText,
  readIncident,
  requiredActor,
  requiredText,
  requireNotClosed,
  resolveOptions,
  type CrisisOptions,
  type IncidentState,
} from './internal';
import { levelHistory, levelReachedAt, type LevelChange } from './level-history';

/** What the analysis proposes (main/core/analysis): a level and the reasons behind it. */
export interface LevelSuggestion {
  level: string;
  reasons: string[];
  suggestedAt?: number;
  score?: number;
}

export type IncidentStatus = IncidentState['status'];

const STATUS_EVENT: Record<string, string> = {
  'active>stable': 'incident.stable',
  'stable>active': 'incident.reactivated',
  'active>closed': 'incident.closed',
  'stable>closed': 'incident.closed',
  'closed>active': 'incident.reopened',
};

export class LevelsService {
  private readonly now: () => number;
  private readonly config: CrisisConfig;
  private readonly incidents: IncidentsRepo;
  private readonly checklist: ChecklistRepo;

  constructor(
    private readonly db: Database,
    opts: CrisisOptions = {},
  ) {
    ({ now: this.now, config: this.config } = resolveOptions(opts));
    this.incidents = new IncidentsRepo(db);
    this.checklist = new ChecklistRepo(db, opts);
  }

  /** The configured scale, lowest first. */
  levels(): string[] {
    return this.config.levels.map((l) => l.id);
  }

  /** Sets the level; the reason is required. Unlocks the new level's steps. Event `level.changed`. */
  change(incidentId: string, to: string, reason: string, actor: string): IncidentState {
    requiredActor(actor);
    const why = requiredText(reason, 'The reason for changing the level');
    const incident = this.checkTarget(incidentId, to);
    const now = this.now();
    this.db.transaction(() => {
      this.write(incident, to);
      const text = `${levelLabel(this.config, incident.level, this.config.lang)} → ${levelLabel(this.config, to, this.config.lang)} : ${why}`;
      this.incidents.addEvent(incidentId, now, 'level.changed', actor, text, {
        from: incident.level,
        to,
        reason: why,
        direction: this.direction(incident.level, to),
      });
      this.checklist.unlockUpTo(incidentId, to, actor);
    })();
    return readIncident(this.db, incidentId);
  }

  /** Accepts a suggested level; its reasons are the why. Event `level.accepted`. */
  accept(incidentId: string, suggestion: LevelSuggestion, actor: string): IncidentState {
    requiredActor(actor);
    const reasons = suggestion.reasons.map((r) => r.trim()).filter(Boolean);
    if (reasons.length === 0)
      throw new VigieError('bad_request', 'A level suggestion comes with its reasons.');
    const incident = this.checkTarget(incidentId, suggestion.level);
    const now = this.now();
    this.db.transaction(() => {
      this.write(incident, suggestion.level);
      this.incidents.addEvent(
        incidentId,
        now,
        'level.accepted',
        actor,
        `${levelLabel(this.config, incident.level, this.config.lang)} → ${levelLabel(this.config, suggestion.level, this.config.lang)} : ${reasons.join(' ; ')}`,
        {
          from: incident.level,
          to: suggestion.level,
          reasons,
          suggestedAt: suggestion.suggestedAt ?? null,
          score: suggestion.score ?? null,
          direction: this.direction(incident.level, suggestion.level),
        },
      );
      this.checklist.unlockUpTo(incidentId, suggestion.level, actor);
    })();
    return readIncident(this.db, incidentId);
  }

  /** Turns a suggestion down, saying why (kept for the post-mortem). Event `level.suggestion_dismissed`. */
  dismiss(incidentId: string, suggestion: LevelSuggestion, actor: string, reason: string): void {
    requiredActor(actor);
    const why = requiredText(reason, 'The reason for dismissing the suggestion');
    const incident = readIncident(this.db, incidentId);
    this.incidents.addEvent(incidentId, this.now(), 'level.suggestion_dismissed', actor, why, {
      level: suggestion.level,
      current: incident.level,
      reasons: suggestion.reasons,
      suggestedAt: suggestion.suggestedAt ?? null,
      score: suggestion.score ?? null,
    });
  }

  /**
   * active → stable → closed, stable → active (it flares up again), closed → active (reopened, the
   * reason is then required). Times: stable_at / closed_at hold when the current status began; the
   * timeline keeps every transition.
   */
  setStatus(incidentId: string, to: IncidentStatus, actor: string, reason = ''): IncidentState {
    requiredActor(actor);
    const incident = readIncident(this.db, incidentId);
    const kind = STATUS_EVENT[`${incident.status}>${to}`];
    if (!kind) {
      throw new VigieError('bad_transition', `An incident cannot go from ${incident.status} to ${to}.`);
    }
    const why =
      to === 'active' && incident.status === 'closed'
        ? requiredText(reason, 'The reason for reopening')
        : optionalText(reason, 'Reason');
    const now = this.now();
    this.db.transaction(() => {
      if (to === 'active') {
        this.db
          .prepare(`UPDATE incidents SET status = 'active', stable_at = NULL, closed_at = NULL WHERE id = ?`)
          .run(incidentId);
      } else {
        this.db
          .prepare(`UPDATE incidents SET status = ?, ${to}_at = ? WHERE id = ?`)
          .run(to, now, incidentId);
      }
      this.incidents.addEvent(incidentId, now, kind, actor, why, { from: incident.status, to, reason: why });
    })();
    return readIncident(this.db, incidentId);
  }

  history(incidentId: string): LevelChange[] {
    readIncident(this.db, incidentId);
    return levelHistory(this.db, incidentId);
  }

  /** When the incident reached `level` or above (and stayed); null when it is below it now. */
  reachedAt(incidentId: string, level: string): number | null {
    return levelReachedAt(this.db, this.config, readIncident(this.db, incidentId), level);
  }

  private checkTarget(incidentId: string, to: string): IncidentState {
    const incident = readIncident(this.db, incidentId);
    requireNotClosed(incident, 'change its level');
    if (levelRank(this.config, to) < 0) {
      throw new VigieError(
        'bad_request',
        `Unknown level "${to}"; expected one of ${this.levels().join(', ')}.`,
      );
    }
    if (incident.level === to) throw new VigieError('bad_request', `The incident is already at level ${to}.`);
    return incident;
  }

  private write(incident: IncidentState, to: string): void {
    this.db.prepare('UPDATE incidents SET level = ? WHERE id = ?').run(to, incident.id);
  }

  private direction(from: string, to: string): 'up' | 'down' {
    return levelRank(this.config, to) > levelRank(this.config, from) ? 'up' : 'down';
  }
}
