// Overlap removal on the canvas after a force layout: nodes left on top of each other pushed a few pixels apart,
// and the topic map's boxes (compound nodes) separated and pulled together (the pure geometry is graph/separate.ts).
import type { Core, NodeSingular } from 'cytoscape';
import { compact, separate, shifted, type Rect } from '../graph/separate.ts';

/** Up to this many nodes a finished force layout's overlapping nodes are pushed apart (pairwise, so not above). */
export const SEPARATE_NODES_MAX = 300;

/**
 * Nodes a force layout left on top of each other (cola stops at its time cap before converging on a busy machine)
 * are pushed apart, a few pixels clear, with the same pure overlap removal as the topic map's boxes. Not on canvases
 * with boxes (their children move with the boxes) nor on large graphs.
 */
export function separateNodes(c: Core): void {
  if (c.nodes(':parent').nonempty()) return;
  const nodes = c.nodes(':childless');
  if (nodes.length < 2 || nodes.length > SEPARATE_NODES_MAX) return;
  const rects = nodes.map((n) => {
    const p = n.position();
    const r = n.outerWidth() / 2;
    return { id: n.id(), x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r };
  });
  const off = separate(rects, 4);
  c.batch(() => {
    nodes.forEach((n) => {
      const o = off[n.id()];
      if (o && (o.dx !== 0 || o.dy !== 0) && !n.locked()) n.shift({ x: o.dx, y: o.dy });
    });
  });
}

/**
 * Compound boxes (the topic map's broad topics) as the force layout leaves them can overlap, since it does not see
 * their titles, and sit far apart: subtopic labels that overlap inside a box are pushed apart, then overlapping
 * boxes are pushed apart with their subtopics; on the topic map the boxes are then pulled toward the centre as far
 * as each stays clear of the others (graph/separate.ts), and the view refitted — a compact map fits at a larger
 * zoom, so its labels are readable. (Spreading the boxes to the view's aspect first was tried: compaction then left
 * a cross-shaped map that fitted smaller.)
 */
export function separateBoxes(c: Core): void {
  const rectOf = (n: NodeSingular): Rect => {
    const b = n.boundingBox({ includeLabels: true, includeOverlays: false });
    return { id: n.id(), x0: b.x1, y0: b.y1, x1: b.x2, y1: b.y2 };
  };
  const parents = c.nodes(':parent');
  // Inside each box, subtopics whose labels overlap are pushed apart first (the box grows around them).
  c.batch(() => {
    parents.forEach((p) => {
      const kids = p.children();
      if (kids.length < 2) return;
      const inner = separate(kids.map(rectOf), 6);
      kids.forEach((k) => {
        const o = inner[k.id()]!;
        if (o.dx !== 0 || o.dy !== 0) k.shift({ x: o.dx, y: o.dy });
      });
    });
  });
  if (parents.length < 2) return;
  const rects = parents.map(rectOf);
  const off = separate(rects);
  // Only when every node sits in a box (the topic map): elsewhere a box pulled inward could land on loose nodes.
  if (c.nodes(':childless').every((n) => (n as NodeSingular).isChild())) {
    const together = compact(shifted(rects, off));
    for (const [id, o] of Object.entries(together)) {
      off[id]!.dx += o.dx;
      off[id]!.dy += o.dy;
    }
  }
  const moved = Object.entries(off).map(([id, o]) => ({ id, ...o })).filter((o) => o.dx !== 0 || o.dy !== 0);
  if (moved.length === 0) return;
  c.batch(() => {
    for (const o of moved) c.getElementById(o.id).children().shift({ x: o.dx, y: o.dy });
  });
  c.fit(undefined, 30);
}
