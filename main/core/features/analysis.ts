// The analysis feature's contract handlers and hooks (see ./feature.ts): live spike alerts over the
// minute rollups (stored, on the focused incident's timeline, emitted as `analysis.alert`), the
// suggested level with accept / dismiss through the crisis levels, "what's rising" and the alerts list.
// The per-mention analysis itself runs inside the ingest (main/core/sync/ingest.ts).
import type { Suggestion } from '../../../shared/analysis-model';
import type { CallName } from '../../../shared/contract';
import type { Incident } from '../../../shared/model';
import { actorFor } from '../actor';
import { LiveSpikes } from '../analysis/live-spikes';
import { rememberDismissal, suggestionFor } from '../analysis/level-input';
import { rising } from '../analysis/rising';
import type { CoreContext, HandlerGroup } from '../context';
import { LevelsService } from '../crisis';
import { replayClock } from '../crisis/service/incident-clock';
import { loadScenario } from '../demo/scenario';
import { DEMO_SOURCE_ID } from '../demo/seed';
import { VigieError } from '../errors';
import type { Feature } from './feature';

type AnalysisCallName = Extract<CallName, `analysis.${string}`>;

const FOCUS_KEY = 'focus.incident';
/** The detector and the suggestion run at most this often (the tick comes every 250 ms). */
const ADVANCE_MS = 1_000;
const SUGGESTION_WINDOW_MINUTES = 30;

export function analysisFeature(ctx: CoreContext): Feature<AnalysisCallName> {
  addDemoPeople(ctx);

  /** The incident alerts land on: the focused one while it is not closed, else the newest active one. */
  const activeIncident = (): Incident | null => {
    const focused = ctx.meta.get(FOCUS_KEY);
    const f = focused ? ctx.incidents.get(focused) : null;
    if (f && f.status !== 'closed') return f;
    return ctx.incidents.list().find((i) => i.status !== 'closed') ?? null;
  };
  const spikes = new LiveSpikes(ctx.db, {
    incidentFor: () => activeIncident()?.id ?? null,
    now: ctx.now,
  });
  const incidentOf = (id: string): Incident => {
    const incident = ctx.incidents.get(id);
    if (!incident) throw new VigieError('not_found', `No incident with id ${id}.`);
    return incident;
  };
  // The demo incident lives on the replay's simulated time while it plays, as in the crisis feature.
  const levelsFor = (incident: Incident) =>
    new LevelsService(ctx.db, { now: incident.isDemo ? () => replayClock(ctx.db) ?? ctx.now() : ctx.now });
  const suggestion = (incidentId?: string, windowMinutes = SUGGESTION_WINDOW_MINUTES) => {
    const incident = incidentId ? incidentOf(incidentId) : activeIncident();
    if (!incident || incident.status === 'closed') return null;
    return suggestionFor(ctx.db, incident, windowMinutes);
  };
  /** Reasons as the crisis levels record them: sentences in the user's language. */
  const current = (incidentId: string, level: string, lang: 'fr' | 'en') => {
    const s = suggestion(incidentId);
    if (!s || s.view.level !== level) {
      throw new VigieError(
        'conflict',
        `The analysis no longer suggests ${level}; look at the new suggestion.`,
      );
    }
    return { level, reasons: s.result.reasonTexts(lang), suggestedAt: s.view.at, score: s.view.score };
  };

  let dirty = true;
  let lastRun = -Infinity;
  let lastSuggestion = '';
  const publishSuggestion = () => {
    const view: Suggestion | null = suggestion()?.view ?? null;
    const key = view ? `${view.incidentId}|${view.current}|${view.level}|${view.actionable}` : '';
    if (key === lastSuggestion) return;
    lastSuggestion = key;
    ctx.emit('analysis.suggestion', view);
  };
  const advance = () => {
    for (const alert of spikes.advance()) {
      // Alerts found while catching up on old minutes are kept, but not announced as news.
      const clock = ctx.mentions.latestAt() ?? alert.at;
      ctx.emit('analysis.alert', { ...alert, live: clock - alert.at <= 15 * 60_000 });
    }
    publishSuggestion();
  };

  const handlers: HandlerGroup<AnalysisCallName> = {
    'analysis.alerts': ({ incidentId, from, to, limit }) => ({
      items: spikes.list({ incidentId, from, to, limit }),
    }),
    'analysis.suggestion': ({ incidentId, windowMinutes }) =>
      suggestion(incidentId, windowMinutes)?.view ?? null,
    'analysis.acceptSuggestion': ({ incidentId, level, lang, actor }) => {
      const incident = incidentOf(incidentId);
      const accepted = current(incidentId, level, lang);
      levelsFor(incident).accept(incidentId, accepted, actorFor(ctx.db, actor));
      ctx.emit('crisis.changed', { incidentId, kinds: ['incident'] });
      ctx.emit('incidents.changed', { focusId: ctx.meta.get(FOCUS_KEY) });
      publishSuggestion();
      return incidentOf(incidentId);
    },
    'analysis.dismissSuggestion': ({ incidentId, level, reason, lang, actor }) => {
      const incident = incidentOf(incidentId);
      const s = current(incidentId, level, lang);
      levelsFor(incident).dismiss(incidentId, s, actorFor(ctx.db, actor), reason);
      rememberDismissal(ctx.db, incidentId, level);
      ctx.emit('crisis.changed', { incidentId, kinds: ['incident'] });
      publishSuggestion();
      return { dismissed: true };
    },
    'analysis.rising': ({ from, to, limit }) => rising(ctx.db, from, to, limit),
  };

  return {
    handlers,
    tick(now) {
      if (!dirty || now - lastRun < ADVANCE_MS) return;
      dirty = false;
      lastRun = now;
      advance();
    },
    onMentionsAdded() {
      dirty = true;
    },
  };
}

/** The demo's targeted person and brand, so abuse at her is flagged as aimed at a person. */
function addDemoPeople(ctx: CoreContext): void {
  if (!ctx.sources.get(DEMO_SOURCE_ID)) return;
  try {
    const { meta } = loadScenario(ctx.opts.resourcesDir);
    const person = meta.targetedPerson;
    ctx.ingestor.context.addExtra({
      people: person ? [{ name: person.name, handles: Object.values(person.handles) }] : [],
      brands: [{ name: meta.brand, handles: [meta.brand.toLowerCase()] }],
    });
  } catch {
    // A broken scenario is reported by the demo itself.
  }
}
