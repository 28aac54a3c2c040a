// The renderer imports only *types* from shared/: importing values would pull zod into the bundle, and
// zod probes `new Function` (blocked by our CSP). The Record below must list every platform, so the
// compiler catches a platform added to shared/model.ts and missing here.
import type { Platform } from '../../shared/model';

/** One stable colour per platform, everywhere (chart, legend, badges); tuned for a dark background. */
export const PLATFORM_COLORS: Record<Platform, string> = {
  x: '#d5dbe5',
  mastodon: '#a48bff',
  bluesky: '#3fb8ff',
  reddit: '#ff8142',
  youtube: '#ff4f6d',
  facebook: '#4f7cff',
  rss: '#f5c84c',
  reviews: '#3ad29f',
  file: '#8e9bb0',
};

/** Display order: the stacking order of the chart and the order of the legend and filters. */
export const PLATFORM_ORDER = Object.keys(PLATFORM_COLORS) as Platform[];

export function isPlatform(value: string): value is Platform {
  return Object.prototype.hasOwnProperty.call(PLATFORM_COLORS, value);
}
