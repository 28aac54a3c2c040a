// The report feature's contract handlers and hooks (see ./feature.ts).
import type { CoreContext } from '../context';
import type { Feature } from './feature';

export function reportFeature(ctx: CoreContext): Feature<never> {
  void ctx;
  return { handlers: {} };
}
