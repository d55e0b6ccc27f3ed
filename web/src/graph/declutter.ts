// Label decluttering for crowded graphs (the way VOSviewer shows only the labels that fit): labels are placed in
// priority order — the selected node, then its neighbours, the centre and pinned nodes, topics, then larger (better
// connected) nodes — each under its node if that covers no label or node placed before it, else above, right or
// left of it; a landmark's (topic's) label that finds no such side may cover other nodes, never a label; a label
// that fits nowhere is hidden (its node shows it on hover). Pure: geometry in, sides out. Cytoscape
// scales labels with the zoom, so model units hold at any zoom and the result only changes with positions or
// priorities.
import type { Box, LabelSide } from './radial.ts';

export interface LabelItem {
  id: string;
  x: number;
  y: number;
  /** node diameter (model units) */
  size: number;
  /** label width and height (model units, padding included); 0 × 0 for a node without a label */
  w: number;
  h: number;
  /** higher first; ties by id */
  priority: number;
  /** never hidden (the selected node): placed first, under its node when nothing fits */
  keep?: boolean;
  /** a landmark (a topic): its label may cover other nodes' bodies, never another label */
  overNodes?: boolean;
}

/**
 * Space between a node's edge and its label (the stylesheet's text margins are 4–5). A label's box reaches from the
 * node's edge to the far side of the label, margin included: it then covers both where the label is drawn and the
 * box Cytoscape reports for it (which starts at the node's edge).
 */
export const LABEL_GAP = 5;
const SIDES: LabelSide[] = ['bottom', 'top', 'right', 'left'];

export function sideBox(it: Pick<LabelItem, 'x' | 'y' | 'size' | 'w' | 'h'>, side: LabelSide, gap = LABEL_GAP): Box {
  const r = it.size / 2;
  switch (side) {
    case 'bottom':
      return { x0: it.x - it.w / 2, x1: it.x + it.w / 2, y0: it.y + r, y1: it.y + r + gap + it.h };
    case 'top':
      return { x0: it.x - it.w / 2, x1: it.x + it.w / 2, y0: it.y - r - gap - it.h, y1: it.y - r };
    case 'right':
      return { x0: it.x + r, x1: it.x + r + gap + it.w, y0: it.y - it.h / 2, y1: it.y + it.h / 2 };
    case 'left':
      return { x0: it.x - r - gap - it.w, x1: it.x - r, y0: it.y - it.h / 2, y1: it.y + it.h / 2 };
  }
}

/** A uniform grid of boxes: overlap queries touch only the cells a box covers. */
class Grid {
  private readonly cells = new Map<string, { box: Box; owner: string; body: boolean }[]>();
  constructor(private readonly cell = 80) {}
  private keys(b: Box): string[] {
    const out: string[] = [];
    for (let i = Math.floor(b.x0 / this.cell); i <= Math.floor(b.x1 / this.cell); i++)
      for (let j = Math.floor(b.y0 / this.cell); j <= Math.floor(b.y1 / this.cell); j++) out.push(`${i},${j}`);
    return out;
  }
  add(box: Box, owner: string, body = false): void {
    for (const k of this.keys(box)) (this.cells.get(k) ?? this.cells.set(k, []).get(k)!).push({ box, owner, body });
  }
  /** True when `box` overlaps (by more than `slack`) a box of another owner than `self` (node bodies only when `bodies`). */
  hits(box: Box, self: string, slack: number, bodies = true): boolean {
    for (const k of this.keys(box))
      for (const o of this.cells.get(k) ?? [])
        if (o.owner !== self && (bodies || !o.body) && box.x0 + slack < o.box.x1 && o.box.x0 + slack < box.x1 && box.y0 + slack < o.box.y1 && o.box.y0 + slack < box.y1) return true;
    return false;
  }
}

/**
 * The side each label shows on, or null when it is hidden.
 * @param items every node on the canvas; all node bodies are obstacles, labels are placed by priority
 * @param obstacles further boxes no label may cover (e.g. the "+N more" stubs)
 */
export function declutter(items: LabelItem[], obstacles: Box[] = []): Record<string, LabelSide | null> {
  const grid = new Grid();
  for (const it of items) {
    const r = it.size / 2;
    grid.add({ x0: it.x - r, x1: it.x + r, y0: it.y - r, y1: it.y + r }, it.id, true);
  }
  obstacles.forEach((b, i) => grid.add(b, `\u0000obstacle${i}`));
  const order = [...items].sort((a, b) => Number(!!b.keep) - Number(!!a.keep) || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Record<string, LabelSide | null> = {};
  for (const it of order) {
    if (it.w <= 0 || it.h <= 0) {
      out[it.id] = 'bottom';
      continue;
    }
    // Labels may touch (a pixel of slack), not cover; the own node never counts against its label.
    const side = SIDES.find((s) => !grid.hits(sideBox(it, s), it.id, 0.5)) ?? (it.overNodes ? SIDES.find((s) => !grid.hits(sideBox(it, s), it.id, 0.5, false)) : undefined) ?? (it.keep ? 'bottom' : null);
    out[it.id] = side;
    if (side) grid.add(sideBox(it, side), it.id);
  }
  return out;
}

/**
 * The largest title font (model units) whose word-wrapped lines fit inside a w × h area, from 13 down to 6px on
 * screen; null when none does. `measure` gives a text's width at a 1-unit font.
 */
export function farFont(text: string, w: number, h: number, zoom: number, measure: (text: string) => number): number | null {
  const words = text.split(/\s+/).filter(Boolean);
  const widths = words.map(measure);
  const space = measure(' ');
  for (let f = 13 / zoom; f >= 6 / zoom; f *= 0.9) {
    // greedy wrap at the label's max width (0.9 w), as Cytoscape wraps
    const max = (0.9 * w) / f;
    let lines = 1;
    let line = 0;
    let fits = true;
    for (const ww of widths) {
      if (ww > max) fits = false;
      if (line === 0) line = ww;
      else if (line + space + ww <= max) line += space + ww;
      else {
        lines++;
        line = ww;
      }
    }
    if (fits && lines * f * 1.3 <= h) return Math.round(f * 10) / 10;
  }
  return null;
}
