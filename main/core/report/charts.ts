// Chart geometry from the model's sentiment curve: the same shapes are written as inline SVG (HTML)
// and drawn with PDFKit's vector commands (PDF), so both documents show the same picture.
import type { CurveBucket } from './metrics';

export const CHART_W = 640;
export const CHART_H = 180;
const PAD = { left: 44, right: 8, top: 10, bottom: 22 };

export interface Shape {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

export interface ChartGeometry {
  width: number;
  height: number;
  bars: Shape[];
  /** Horizontal grid lines with their value label. */
  grid: { y: number; label: string }[];
  /** A few time labels along the bottom. */
  ticks: { x: number; label: string }[];
  axis: { x1: number; y1: number; x2: number; y2: number };
}

export const COLORS = {
  volume: '#3b6ea8',
  neg: '#c0392b',
  neu: '#9aa5b1',
  pos: '#2e8b57',
  grid: '#d5dbe1',
  text: '#4a5560',
};

function niceMax(v: number): number {
  if (v <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

const hhmm = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
};

/** Bars per bucket: total volume, or negative / neutral / positive stacked. */
export function chartGeometry(buckets: CurveBucket[], kind: 'volume' | 'sentiment'): ChartGeometry {
  const innerW = CHART_W - PAD.left - PAD.right;
  const innerH = CHART_H - PAD.top - PAD.bottom;
  const total = (b: CurveBucket) => (kind === 'volume' ? b.count : b.neg + b.neu + b.pos);
  const max = niceMax(Math.max(0, ...buckets.map(total)));
  const n = Math.max(1, buckets.length);
  const slot = innerW / n;
  const barW = Math.max(1, slot * 0.8);
  const baseY = PAD.top + innerH;
  const scale = (v: number) => (v / max) * innerH;
  const round = (v: number) => Math.round(v * 100) / 100;
  const bars: Shape[] = [];
  buckets.forEach((b, i) => {
    const x = round(PAD.left + i * slot + (slot - barW) / 2);
    const parts: [number, string][] =
      kind === 'volume'
        ? [[b.count, COLORS.volume]]
        : [
            [b.neg, COLORS.neg],
            [b.neu, COLORS.neu],
            [b.pos, COLORS.pos],
          ];
    let y = baseY;
    for (const [v, color] of parts) {
      if (v <= 0) continue;
      const h = scale(v);
      y -= h;
      bars.push({ x, y: round(y), w: round(barW), h: round(h), color });
    }
  });
  // A middle line only when it falls on a whole number.
  const grid = (max % 2 === 0 ? [0, 0.5, 1] : [0, 1]).map((f) => ({
    y: round(baseY - f * innerH),
    label: String(f * max),
  }));
  const every = Math.max(1, Math.ceil(n / 6));
  const ticks = buckets
    .map((b, i) => ({ i, b }))
    .filter(({ i }) => i % every === 0)
    .map(({ i, b }) => ({ x: round(PAD.left + i * slot + slot / 2), label: hhmm(b.at) }));
  return {
    width: CHART_W,
    height: CHART_H,
    bars,
    grid,
    ticks,
    axis: { x1: PAD.left, y1: baseY, x2: CHART_W - PAD.right, y2: baseY },
  };
}

/** The geometry as a standalone inline SVG (no fonts or images loaded). */
export function chartSvg(g: ChartGeometry, title: string, escape: (s: string) => string): string {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" width="100%" role="img" aria-label="${escape(title)}">`,
  );
  out.push(`<title>${escape(title)}</title>`);
  for (const l of g.grid) {
    out.push(
      `<line x1="${g.axis.x1}" y1="${l.y}" x2="${g.axis.x2}" y2="${l.y}" stroke="${COLORS.grid}" stroke-width="1"/>`,
    );
    out.push(
      `<text x="${g.axis.x1 - 6}" y="${l.y + 4}" text-anchor="end" font-size="11" fill="${COLORS.text}">${escape(l.label)}</text>`,
    );
  }
  for (const b of g.bars)
    out.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="${b.color}"/>`);
  for (const t of g.ticks)
    out.push(
      `<text x="${t.x}" y="${g.height - 6}" text-anchor="middle" font-size="11" fill="${COLORS.text}">${escape(t.label)}</text>`,
    );
  out.push('</svg>');
  return out.join('\n');
}
