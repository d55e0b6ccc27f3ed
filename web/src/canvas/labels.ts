// Node labels on the canvas: only those that fit are shown (graph/declutter.ts), enlarged on a zoomed-out canvas,
// and on a far zoomed-out topic map each box is named across its middle instead of its subtopics. Called by the
// canvas (canvas/cy.ts) after every layout, drag, zoom and selection.
import type cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
import { createStore } from 'zustand/vanilla';
import { declutter, farFont, type LabelItem } from '../graph/declutter.ts';
import type { Box } from '../graph/radial.ts';
import { stylesheet, TOPIC_LABEL_WIDTH, TOPIC_LINE_HEIGHT } from '../graph/style.ts';
import type { AppState } from '../store/index.ts';

/** How many node labels the canvas hides because they do not fit, read by the status line. */
export const labelStore = createStore<{ hidden: number }>()(() => ({ hidden: 0 }));

/**
 * Node labels are enlarged on a zoomed-out canvas so they read at about 9px or more on screen (at most 1.6 times
 * their size, and never shrunk): larger labels, fewer of them fit, and zooming in brings the hidden ones back —
 * the way VOSviewer keeps its labels readable. Not on the topic map or the related-work placement.
 */
let labelScale = 1;
export const LABEL_SCALE_MAX = 1.6;
/** A new canvas starts from the stylesheet at scale 1. */
export function resetLabelScale(): void {
  labelScale = 1;
}
function setLabelScale(c: Core, scale: number): void {
  if (Math.abs(scale - labelScale) < 0.02) return;
  labelScale = scale;
  c.style(stylesheet(scale) as cytoscape.StylesheetJson);
}
/** Above this many nodes labels keep their size: restyling every node costs ~0.2 s at 1 000, and few labels fit anyway. */
export const LABEL_SCALE_MAX_NODES = 400;
function labelScaleFor(c: Core): void {
  setLabelScale(c, c.nodes().length > LABEL_SCALE_MAX_NODES ? 1 : Math.min(LABEL_SCALE_MAX, Math.max(1, 0.9 / c.zoom())));
}

/** Below this on-screen size (px) the topic map's subtopic labels give way to their boxes' titles. */
export const FAR_SUBTOPIC_PX = 6;

/**
 * The topic map zoomed out so far that subtopic labels would be specks: each box shows its title across its middle,
 * as large as fits inside the box (up to 13px on screen, at least 6px), and its subtopics fade without labels —
 * a map of regions, the way a city map names districts before streets. Zooming in brings the subtopics back. A box
 * whose title cannot fit keeps the usual look.
 */
function farTitles(c: Core, topicMap: boolean): void {
  const parents = c.nodes(':parent');
  const far = topicMap && parents.nonempty() && 16 * c.zoom() < FAR_SUBTOPIC_PX;
  if (!far) {
    const marked = c.nodes('.far');
    if (marked.nonempty()) marked.removeClass('far');
    return;
  }
  const zoom = c.zoom();
  c.batch(() => {
    parents.forEach((p) => {
      // the area its subtopics span (the box's own size follows its title, which this changes)
      const area = p.children().boundingBox({ includeLabels: false, includeOverlays: false });
      const w = Math.max(area.w, 1);
      const font = farFont(String(p.data('short') ?? ''), w, area.h, zoom, (t) => textWidth(t, 100, 700) / 100);
      if (font === null) {
        p.removeClass('far');
        p.children().removeClass('far');
        return;
      }
      p.data({ farFont: font, farWidth: 0.9 * w });
      p.addClass('far');
      p.children().addClass('far');
    });
  });
}

let measureCtx: CanvasRenderingContext2D | null | undefined;
/** The last label placement (what each label was estimated to need, and its side): read by e2e diagnostics. */
let lastDeclutter: { items: LabelItem[]; sides: Record<string, string | null> } | null = null;
export const lastLabels = () => lastDeclutter;
/** Width of `text` in the canvas font (an estimate where no canvas can measure). */
export function textWidth(text: string, px: number, weight: number): number {
  if (measureCtx === undefined) measureCtx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measureCtx) return text.length * px * 0.6;
  measureCtx.font = `${weight} ${px}px system-ui, -apple-system, Segoe UI, sans-serif`;
  return measureCtx.measureText(text).width;
}

/**
 * The lines `text` wraps onto within `maxWidth`, as Cytoscape's 'text-wrap: wrap' breaks it (at spaces; a word wider
 * than the line keeps a line of its own): the widest line's width and the number of lines.
 */
export function wrapText(text: string, maxWidth: number, px: number, weight: number, measure = textWidth): { w: number; lines: number } {
  const words = text.split(/\s+/).filter(Boolean);
  let lines = 0;
  let widest = 0;
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, px, weight) > maxWidth) {
      widest = Math.max(widest, measure(line, px, weight));
      lines++;
      line = word;
    } else line = next;
  }
  if (line) {
    widest = Math.max(widest, measure(line, px, weight));
    lines++;
  }
  return { w: widest, lines: Math.max(1, lines) };
}

/**
 * Shows only the labels that fit (graph/declutter.ts): the selected node and its neighbours first, then the centre,
 * pinned nodes and nodes on a path, topics, and better connected nodes; a label that fits under none of its node's
 * sides is hidden (class `quiet`; hover still shows the full label). Not on the topic map (its subtopic labels are
 * separated with their boxes; zoomed far out its boxes are named instead) nor on the related-work placement
 * (`radial`: its labels point away from the centre).
 */
export function placeLabels(c: Core, s: AppState, radial: boolean): void {
  if (s.view === 'topics' || radial) {
    const quiet = c.nodes('.quiet');
    if (quiet.nonempty()) quiet.removeClass('quiet');
    setLabelScale(c, 1);
    labelStore.setState({ hidden: 0 });
    farTitles(c, s.view === 'topics');
    return;
  }
  farTitles(c, false);
  labelScaleFor(c);
  const selected = s.selection?.kind === 'node' ? s.selection.id : null;
  const near = new Set<string>();
  if (selected) c.getElementById(selected).neighborhood('node').forEach((n) => void near.add(n.id()));
  const onPath = new Set<string>();
  for (const id of s.pathEdges) {
    const e = c.getElementById(id);
    if (e.nonempty() && e.isEdge()) onPath.add(e.source().id()).add(e.target().id());
  }
  const pinned = new Set(s.pinned);
  const items: LabelItem[] = [];
  const obstacles: Box[] = [];
  c.nodes().forEach((n) => {
    if (n.isParent()) return;
    const p = n.position();
    if (n.hasClass('stub')) {
      obstacles.push({ x0: p.x - n.width() / 2, x1: p.x + n.width() / 2, y0: p.y - n.height() / 2, y1: p.y + n.height() / 2 });
      return;
    }
    const id = n.id();
    const topic = n.data('type') === 'topic';
    const px = (topic ? 16 : 10) * labelScale;
    const pad = id === selected ? 2 : 1;
    const text = String(n.data('short') ?? '');
    const weight = topic || id === selected ? 700 : 400;
    // a topic's name wraps (graph/style.ts); other labels are cut to one line
    const box = topic ? wrapText(text, TOPIC_LABEL_WIDTH * labelScale, px, weight) : { w: Math.min(140 * labelScale, textWidth(text, px, weight)), lines: 1 };
    // Cytoscape's label box is a few pixels wider than the text and its background padding (8 covers it at 10–16px)
    const w = box.w + 2 * pad + 8;
    const size = Number(n.data('size') ?? 20);
    const priority = (near.has(id) ? 1e7 : 0) + (id === s.focus || pinned.has(id) || onPath.has(id) ? 1e6 : 0) + (topic ? 1e5 : 0) + size;
    // label height as Cytoscape measures it (about 1.4 × the font size for one line, each further line its line
    // height, plus the background padding); the body's 1px border counts as part of the node
    const h = px * 1.4 + (box.lines - 1) * px * TOPIC_LINE_HEIGHT + 2 * pad;
    items.push({ id, x: p.x, y: p.y, size: size + 2, w, h, priority, keep: id === selected, overNodes: topic });
  });
  const sides = declutter(items, obstacles);
  lastDeclutter = { items, sides };
  const hidden = Object.values(sides).filter((side) => side === null).length;
  if (labelStore.getState().hidden !== hidden) labelStore.setState({ hidden });
  c.batch(() => {
    for (const [id, side] of Object.entries(sides)) {
      const n = c.getElementById(id);
      if (side === null) {
        n.addClass('quiet');
        continue;
      }
      n.removeClass('quiet');
      if (side === 'bottom') {
        if (n.data('labelSide')) n.removeData('labelSide');
      } else if (n.data('labelSide') !== side) n.data('labelSide', side);
    }
  });
}
