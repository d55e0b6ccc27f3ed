// Related work drawn as a map of relatedness: the paper in the middle, every related paper at a distance that
// shrinks as its score grows (the most related closest), in rank order clockwise from the top, evenly spaced so no
// two papers (or their labels) land on each other. Pure: positions from ids and scores.

export interface Placed {
  x: number;
  y: number;
}

/** Inner and outer radius (model units, before the canvas fits the graph). */
export const RADIAL_MIN = 90;
export const RADIAL_MAX = 210;

/**
 * Positions for a centre paper and its related papers.
 * @param centre the paper the view is about (placed at 0, 0)
 * @param related related papers with their combined score (any order; ties keep input order)
 * @returns id → position; the best score sits at RADIAL_MIN straight above the centre, the worst at RADIAL_MAX
 */
export function radialPositions(centre: string, related: { id: string; score: number }[]): Record<string, Placed> {
  const out: Record<string, Placed> = { [centre]: { x: 0, y: 0 } };
  const ranked = related.filter((r) => r.id !== centre).map((r, i) => ({ ...r, i })).sort((a, b) => b.score - a.score || a.i - b.i);
  if (ranked.length === 0) return out;
  const best = ranked[0]!.score;
  const worst = ranked[ranked.length - 1]!.score;
  const spread = best - worst;
  ranked.forEach((r, rank) => {
    // Equal scores (or a single paper) sit at the middle distance.
    const t = spread > 0 ? (best - r.score) / spread : 0.5;
    const radius = RADIAL_MIN + t * (RADIAL_MAX - RADIAL_MIN);
    const angle = -Math.PI / 2 + (2 * Math.PI * rank) / ranked.length;
    out[r.id] = { x: Math.round(radius * Math.cos(angle) * 100) / 100, y: Math.round(radius * Math.sin(angle) * 100) / 100 };
  });
  return out;
}

export type LabelSide = 'top' | 'bottom' | 'left' | 'right';

/** Where a label goes so it points away from the centre (above near the top, beside on the flanks). */
export function labelSide(p: Placed): LabelSide | null {
  const r = Math.hypot(p.x, p.y);
  if (r === 0) return null;
  if (Math.abs(p.x) < 0.4 * r) return p.y < 0 ? 'top' : 'bottom';
  return p.x > 0 ? 'right' : 'left';
}
