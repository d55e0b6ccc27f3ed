// Node colours and shapes per type (Okabe–Ito palette: distinguishable with common colour-vision deficiencies),
// the same in every view, and the Cytoscape stylesheet: quiet edges until selected, labels that grow on hover.
import type { NodeType } from '../api/types.ts';

export const TYPE_STYLE: Record<NodeType, { color: string; shape: string; name: string }> = {
  paper: { color: '#0072B2', shape: 'ellipse', name: 'Papers' },
  author: { color: '#E69F00', shape: 'round-rectangle', name: 'Authors' },
  topic: { color: '#009E73', shape: 'hexagon', name: 'Topics' },
  tag: { color: '#CC79A7', shape: 'tag', name: 'Tags' },
  repo: { color: '#333333', shape: 'diamond', name: 'Repos' },
  resource: { color: '#D55E00', shape: 'triangle', name: 'Resources' },
  source: { color: '#999999', shape: 'rectangle', name: 'Sources' },
};

export const COMMUNITY_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#D55E00', '#CC79A7', '#44AA99', '#882255', '#117733', '#AA4499', '#DDCC77', '#999999', '#332288'];

export const REL_LABEL: Record<string, string> = {
  AUTHORED: 'wrote',
  COAUTHORED_WITH: 'co-authored',
  HAS_CODE: 'code',
  HAS_RESOURCE: 'artifact',
  TAGGED: 'tagged',
  IN_TOPIC: 'in topic',
  SUBTOPIC_OF: 'subtopic of',
  SIMILAR_TO: 'similar',
  FROM_SOURCE: 'from file',
  RELATED: 'related',
  PATH: 'step',
};

/** Topic labels wrap at this width (model px at label scale 1), with this line height (× the font size). */
export const TOPIC_LABEL_WIDTH = 200;
export const TOPIC_LINE_HEIGHT = 1.15;

/**
 * The stylesheet; `scale` enlarges node labels (fonts and widths) so they stay readable on a zoomed-out canvas
 * (the canvas picks it from the zoom, see canvas/labels.ts).
 */
export function stylesheet(scale = 1): unknown[] {
  const px = (n: number) => Math.round(n * scale * 10) / 10;
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: 'data(shape)',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(short)',
        'font-size': px(10),
        'font-family': 'system-ui, -apple-system, Segoe UI, sans-serif',
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': `${px(140)}px`,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'border-width': 1,
        'border-color': '#ffffff',
        'min-zoomed-font-size': 7,
      },
    },
    // Topics are few and are the map's landmarks: their labels stay readable at any zoom, and are drawn above other
    // nodes (a crowded topic's label may cover a paper, see graph/declutter.ts).
    // Their names are never cut: one that is wider than TOPIC_LABEL_WIDTH wraps onto a second line (canvas/labels.ts
    // measures the same wrapping).
    { selector: 'node[type = "topic"]', style: { 'font-size': px(16), 'font-weight': 600, 'text-wrap': 'wrap', 'text-max-width': `${px(TOPIC_LABEL_WIDTH)}px`, 'text-justification': 'center', 'line-height': TOPIC_LINE_HEIGHT, 'min-zoomed-font-size': 0, 'z-index': 5 } },
    { selector: 'node:parent', style: { 'background-opacity': 0.06, 'border-color': 'data(color)', 'border-width': 2, shape: 'round-rectangle', 'text-valign': 'top', 'font-size': 18, 'font-weight': 700, padding: '18px', 'text-wrap': 'wrap', 'text-max-width': '280px', 'min-zoomed-font-size': 0 } },
    // The topic map zoomed far out (canvas/labels.ts farTitles): box titles across the box, subtopics faded, unlabelled.
    { selector: 'node:parent.far', style: { 'text-valign': 'center', 'text-halign': 'center', 'font-size': 'data(farFont)', 'text-wrap': 'wrap', 'text-max-width': 'data(farWidth)', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-shape': 'roundrectangle', 'text-background-padding': '4px', 'z-index': 10 } },
    { selector: 'node:childless.far', style: { label: '', opacity: 0.45 } },
    // Related work (graph/radial.ts): labels point away from the paper in the middle.
    { selector: 'node[labelSide = "top"]', style: { 'text-valign': 'top', 'text-margin-y': -4 } },
    { selector: 'node[labelSide = "right"]', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 5, 'text-margin-y': 0 } },
    { selector: 'node[labelSide = "left"]', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': -5, 'text-margin-y': 0 } },
    // Their titles wrap over up to three lines (graph/radial.ts LABEL has the same geometry), each flush with its node.
    { selector: 'node.radial', style: { 'font-size': 11, 'text-wrap': 'wrap', 'text-max-width': '110px', 'text-justification': 'center', 'line-height': 14 / 11 } },
    { selector: 'node.radial[labelSide = "right"]', style: { 'text-justification': 'left' } },
    { selector: 'node.radial[labelSide = "left"]', style: { 'text-justification': 'right' } },
    // A label that does not fit (graph/declutter.ts) is hidden; hover (below) still shows it.
    { selector: 'node.quiet', style: { label: '' } },
    // A legend entry under the pointer (the co-author view's communities) fades everything else.
    { selector: 'node.dim', style: { opacity: 0.15, 'text-opacity': 0.15 } },
    { selector: 'edge.dim', style: { opacity: 0.06 } },
    // The full label of the node under the pointer sits on a white card, readable over a crowded canvas. A selected
    // node keeps its short label, in bold and above its neighbours' (its full title is in the details drawer): a
    // card that stayed while the pointer moved on covered the labels around it.
    { selector: 'node:selected', style: { 'font-weight': 700, color: '#111827', 'z-index': 15, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '2px', 'text-background-shape': 'roundrectangle', 'border-width': 3, 'border-color': '#111827' } },
    { selector: 'node.hover', style: { label: 'data(label)', 'font-size': px(12), 'text-max-width': `${px(260)}px`, 'z-index': 20, 'text-wrap': 'wrap', 'text-background-color': '#ffffff', 'text-background-opacity': 0.92, 'text-background-padding': '3px', 'text-background-shape': 'roundrectangle', 'text-border-color': '#d1d5db', 'text-border-width': 1, 'text-border-opacity': 1 } },
    { selector: 'node.centre', style: { 'border-width': 3, 'border-color': '#111827' } },
    { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#111827' } },
    { selector: 'node.stub', style: { 'background-color': '#f3f4f6', 'border-color': '#9ca3af', 'border-style': 'dashed', 'border-width': 1, shape: 'round-rectangle', width: 54, height: 20, label: 'data(short)', 'text-valign': 'center', 'text-margin-y': 0, 'font-size': 9, color: '#4b5563', 'text-background-opacity': 0 } },
    { selector: 'edge', style: { width: 'data(width)', 'line-color': '#cbd2d9', 'curve-style': 'bezier', opacity: 0.7, 'target-arrow-shape': 'none' } },
    { selector: 'edge.stub-edge', style: { 'line-style': 'dashed', width: 1 } },
    { selector: 'edge.hover, edge:selected', style: { 'line-color': '#1f2933', opacity: 1, label: 'data(reason)', 'font-size': 10, 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'z-index': 30 } },
    { selector: 'edge.path', style: { 'line-color': '#D55E00', width: 3, opacity: 1 } },
  ];
}
