// What the canvas shows for the store's graph: Cytoscape element definitions (label, short label, colour, shape,
// size, classes) per node and edge, and the related-work view's preset placement. Pure functions of the store state.
import type { ElementDefinition } from 'cytoscape';
import type { GEdge, GNode } from '../api/types.ts';
import type { CanvasGraph } from '../graph/ops.ts';
import { communityColors } from '../graph/communities.ts';
import { DATED_TYPES, monthOf, monthScale, type MonthScale } from '../graph/months.ts';
import { RADIAL_LABEL_CHARS, radialPositions } from '../graph/radial.ts';
import { REL_LABEL, TYPE_STYLE } from '../graph/style.ts';
import type { AppState } from '../store/index.ts';

/** A topic's name (2–4 words and its size) is shown whole, wrapped (graph/style.ts); only a runaway one is cut. */
const TOPIC_LABEL_CHARS = 72;
const short = (s: string, n = 28) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function nodeSize(n: GNode): number {
  if (n.type === 'topic') return 24 + Math.min(60, Math.sqrt(Number(n.props.size ?? 1)) * 6);
  return Math.min(56, 16 + Math.sqrt(n.degree ?? 1) * 5);
}

/**
 * A node's colour: its community's in the co-author view (`communities`: community → colour), a paper's month or a
 * topic's mean month when coloured by month (`months`), else its type's.
 */
function nodeColor(n: GNode, communities: Map<number, string> | null, months: MonthScale | null): string {
  if (communities && n.type === 'author' && typeof n.props.community === 'number') return communities.get(n.props.community) ?? TYPE_STYLE.author.color;
  if (months && DATED_TYPES.has(n.type)) return months.colour(monthOf(n));
  return TYPE_STYLE[n.type]?.color ?? '#777';
}

export function edgeReason(e: GEdge): string {
  const p = e.props;
  if (e.type === 'COAUTHORED_WITH') return `co-authored ${p.weight} paper${p.weight === 1 ? '' : 's'}`;
  if (e.type === 'SIMILAR_TO' || e.type === 'RELATED') return Array.isArray(p.terms) ? `shares: ${(p.terms as string[]).slice(0, 3).join(', ')}` : String(p.reason ?? 'related');
  if (e.type === 'PATH') return String(p.why ?? 'step');
  if (e.type === 'AUTHORED') return `author #${Number(p.position ?? 0) + 1}`;
  return REL_LABEL[e.type] ?? e.type.toLowerCase();
}

function edgeWidth(e: GEdge): number {
  if (e.type === 'COAUTHORED_WITH') return Math.min(8, 1 + Number(e.props.weight ?? 1));
  if (e.type === 'SIMILAR_TO' || e.type === 'RELATED') return 1 + Math.min(4, Number(e.props.score ?? 0.2) * 6);
  if (typeof e.props.weight === 'number') return Math.min(8, 1 + Math.sqrt(e.props.weight));
  return 1.2;
}

export function elements(g: CanvasGraph, s: AppState): ElementDefinition[] {
  const ids = new Set(g.nodes.map((n) => n.id));
  // the related-work placement's papers (relatedPlacement) wrap their titles
  const radial = relatedPlacement(s) ? new Set([s.focus!, ...g.edges.filter((e) => e.type === 'RELATED' && e.source === s.focus).map((e) => e.target)]) : null;
  const colors = s.view === 'coauthors' ? communityColors(g.nodes) : null;
  const months = s.paperColour === 'month' ? monthScale(g.nodes) : null;
  const out: ElementDefinition[] = g.nodes.map((n) => {
    const parent = s.view === 'topics' && typeof n.props.parentTopic === 'string' && ids.has(n.props.parentTopic) ? n.props.parentTopic : undefined;
    return {
      group: 'nodes',
      data: { id: n.id, type: n.type, label: n.label, short: short(n.label, n.type === 'topic' ? TOPIC_LABEL_CHARS : s.view === 'related' ? RADIAL_LABEL_CHARS : 28), color: nodeColor(n, colors, months), shape: TYPE_STYLE[n.type]?.shape ?? 'ellipse', size: nodeSize(n), ...(parent ? { parent } : {}) },
      classes: [s.focus === n.id ? 'centre' : '', s.pinned.includes(n.id) ? 'pinned' : '', radial?.has(n.id) ? 'radial' : ''].join(' '),
    };
  });
  const onPath = new Set(s.pathEdges);
  for (const e of g.edges) out.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type, reason: edgeReason(e), width: edgeWidth(e) }, classes: onPath.has(e.id) ? 'path' : '' });
  for (const st of g.stubs) {
    out.push({ group: 'nodes', data: { id: st.id, type: 'stub', label: `${st.count} more`, short: `+${st.count} ${REL_LABEL[st.rel] ?? st.rel}`, parentNode: st.parent, rel: st.rel }, classes: 'stub' });
    out.push({ group: 'edges', data: { id: `${st.id}-edge`, source: st.parent, target: st.id, width: 1, reason: `${st.count} more` }, classes: 'stub-edge' });
  }
  return out;
}

/**
 * The related-work view on the automatic layout: a preset placement by relatedness (graph/radial.ts) — distance
 * from the paper in the middle says how related, not where a force simulation happened to settle.
 */
export function relatedPlacement(s: AppState): Record<string, { x: number; y: number }> | null {
  if (s.view !== 'related' || s.layout !== 'auto' || !s.focus) return null;
  const scores = s.graph.edges.filter((e) => e.source === s.focus && e.type === 'RELATED').map((e) => ({ id: e.target, score: Number(e.props.score ?? 0) }));
  return scores.length > 0 ? radialPositions(s.focus, scores) : null;
}
