// Related work drawn as a map of relatedness: the paper in the middle, every related paper at a distance that
// shrinks as its score grows (the most related closest), in rank order clockwise from the top, evenly spaced so no
// two papers (or their labels) land on each other. Pure: positions from ids and scores.

export interface Placed {
  x: number;
  y: number;
}

/** Inner and outer radius (model units, before the canvas fits the graph) for a few related papers. */
export const RADIAL_MIN = 90;
export const RADIAL_MAX = 210;
/**
 * Least distance (model units) between two papers next to each other on the inner ring: a node (20) and room for a
 * label beside it. With many related papers the evenly spaced angles come closer than this at RADIAL_MIN, so the
 * whole band moves out (its width kept): the two most related papers never sit on each other's labels when their
 * scores are nearly equal.
 */
export const RADIAL_GAP = 60;

/** The inner and outer radius for `n` related papers (see RADIAL_GAP). */
export function radialBand(n: number): { min: number; max: number } {
  const min = n < 2 ? RADIAL_MIN : Math.max(RADIAL_MIN, RADIAL_GAP / (2 * Math.sin(Math.PI / n)));
  return { min, max: min + (RADIAL_MAX - RADIAL_MIN) };
}

/**
 * Positions for a centre paper and its related papers.
 * @param centre the paper the view is about (placed at 0, 0)
 * @param related related papers with their combined score (any order; ties keep input order)
 * @returns id → position; the best score sits at the band's inner radius straight above the centre, the worst at its
 *   outer one (RADIAL_MIN and RADIAL_MAX up to 9 papers, further out with more: `radialBand`)
 */
export function radialPositions(centre: string, related: { id: string; score: number }[]): Record<string, Placed> {
  const out: Record<string, Placed> = { [centre]: { x: 0, y: 0 } };
  const ranked = related.filter((r) => r.id !== centre).map((r, i) => ({ ...r, i })).sort((a, b) => b.score - a.score || a.i - b.i);
  if (ranked.length === 0) return out;
  const best = ranked[0]!.score;
  const worst = ranked[ranked.length - 1]!.score;
  const spread = best - worst;
  const band = radialBand(ranked.length);
  ranked.forEach((r, rank) => {
    // Equal scores (or a single paper) sit at the middle distance.
    const t = spread > 0 ? (best - r.score) / spread : 0.5;
    const radius = band.min + t * (band.max - band.min);
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

/** A label's box in model units (Cytoscape scales fonts with zoom, so model units hold at any zoom). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Label geometry of the related-work labels (graph/style.ts `node.radial`: font-size 11, wrapped at 110px, margins
 * 4–5): the average character width and line height of that font, in model units.
 */
export const LABEL = { charWidth: 6.1, maxWidth: 110, lineHeight: 14, gap: 5 } as const;
/** Characters of a related paper's title shown on the canvas (about three wrapped lines; the drawer has it all). */
export const RADIAL_LABEL_CHARS = 54;

/** A text's width in model units at the label font (the canvas measures it; `charWidth` per character otherwise). */
export type Measure = (text: string) => number;
const estimate: Measure = (t) => t.length * LABEL.charWidth;

/**
 * The lines a label wraps to at `maxWidth` (words kept whole and broken at spaces only, as the canvas wraps them; a
 * word longer than a line gets a line of its own): how many, and the widest line's width (at most `maxWidth`).
 */
export function wrapLabel(text: string, measure: Measure = estimate, maxWidth = LABEL.maxWidth): { lines: number; width: number } {
  let lines = 0;
  let widest = 0;
  let current: string | null = null;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined: string = current === null ? word : `${current} ${word}`;
    if (current !== null && measure(joined) <= maxWidth) current = joined;
    else {
      if (current !== null) widest = Math.max(widest, measure(current));
      lines++;
      current = word;
    }
  }
  if (current !== null) widest = Math.max(widest, measure(current));
  return { lines: Math.max(1, lines), width: Math.min(maxWidth, Math.max(LABEL.charWidth, widest)) };
}

export function labelBox(p: Placed, size: number, text: string, side: LabelSide, measure: Measure = estimate): Box {
  const { lines, width: w } = wrapLabel(text, measure);
  const h = lines * LABEL.lineHeight;
  const r = size / 2 + LABEL.gap;
  switch (side) {
    case 'top':
      return { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - r - h, y1: p.y - r };
    case 'bottom':
      return { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y + r, y1: p.y + r + h };
    case 'right':
      return { x0: p.x + r, x1: p.x + r + w, y0: p.y - h / 2, y1: p.y + h / 2 };
    case 'left':
      return { x0: p.x - r - w, x1: p.x - r, y0: p.y - h / 2, y1: p.y + h / 2 };
  }
}

const overlapArea = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/**
 * A side for every label of a radial placement such that no label covers another label or a node, where one
 * exists: nodes nearest the centre (the most related) choose first, each trying the side that points away from the
 * centre, then the two sides across that direction, then the side facing the centre. The centre's own label stays
 * under it. A label that fits nowhere keeps its outward side.
 * @param at positions from `radialPositions` (the centre at 0, 0)
 * @param labels the text each node shows (its short label); size: node diameters (default 20)
 */
export function labelSides(centre: string, at: Record<string, Placed>, labels: Record<string, string>, size: Record<string, number> = {}, measure: Measure = estimate): Record<string, LabelSide> {
  const sizeOf = (id: string) => size[id] ?? 20;
  const taken: Box[] = Object.entries(at).map(([id, p]) => {
    const r = sizeOf(id) / 2;
    return { x0: p.x - r, x1: p.x + r, y0: p.y - r, y1: p.y + r };
  });
  const out: Record<string, LabelSide> = { [centre]: 'bottom' };
  if (at[centre]) taken.push(labelBox(at[centre]!, sizeOf(centre), labels[centre] ?? '', 'bottom', measure));
  const order = Object.keys(at).filter((id) => id !== centre).sort((a, b) => Math.hypot(at[a]!.x, at[a]!.y) - Math.hypot(at[b]!.x, at[b]!.y) || (a < b ? -1 : 1));
  const covered = (box: Box) => taken.reduce((sum, b) => sum + overlapArea(b, box), 0);
  for (const id of order) {
    const p = at[id]!;
    const outward = labelSide(p) ?? 'bottom';
    const across: LabelSide[] = outward === 'top' || outward === 'bottom' ? (p.x >= 0 ? ['right', 'left'] : ['left', 'right']) : p.y <= 0 ? ['top', 'bottom'] : ['bottom', 'top'];
    const inward: LabelSide = ({ top: 'bottom', bottom: 'top', left: 'right', right: 'left' } as const)[outward];
    const text = labels[id] ?? '';
    // A label starts a gap away from its own node, so its node's box never counts against it. The first side in
    // order that covers nothing, else the one that covers least.
    const boxes = ([outward, ...across, inward] as LabelSide[]).map((side) => ({ side, box: labelBox(p, sizeOf(id), text, side, measure) }));
    const scored = boxes.map((b) => ({ ...b, area: covered(b.box) }));
    const best = scored.find((b) => b.area === 0) ?? scored.reduce((a, b) => (b.area < a.area ? b : a));
    out[id] = best.side;
    taken.push(best.box);
  }
  return out;
}
