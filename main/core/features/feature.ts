// A feature plugs into the core service with its contract handlers and, if it needs them, a periodic
// tick (timers, alerts, reminders) and a hook after each batch of stored mentions.
import type { CallName } from '../../../shared/contract';
import type { CoreContext, HandlerGroup } from '../context';

export interface Feature<K extends CallName> {
  handlers: HandlerGroup<K>;
  /** Called about once a second by the worker with the core's clock. */
  tick?(now: number): void;
  /** Called after mentions were stored (sync, import, demo replay), with their ids. */
  onMentionsAdded?(ids: readonly string[]): void;
  /** Called once the core is ready, before the first screen asks: loads what its first call needs. */
  warmUp?(): void;
  dispose?(): void;
}

export type FeatureFactory<K extends CallName> = (ctx: CoreContext) => Feature<K>;
