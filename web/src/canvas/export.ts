// Export of the current graph: PNG (Cytoscape), SVG (drawn from node positions), JSON and CSV (from the store).
import { toCsv } from '../graph/ops.ts';
import { TYPE_STYLE } from '../graph/style.ts';
import { appStore } from '../store/index.ts';
import { getCy } from './cy.ts';

function download(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An SVG drawing of the canvas as laid out now. */
export function toSvg(): string {
  const cy = getCy();
  if (!cy) return '<svg xmlns="http://www.w3.org/2000/svg"/>';
  const bb = cy.elements().boundingBox();
  const pad = 40;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${bb.x1 - pad} ${bb.y1 - pad} ${bb.w + 2 * pad} ${bb.h + 2 * pad}" font-family="system-ui, sans-serif">`];
  cy.edges().forEach((e) => {
    const s = e.source().position();
    const t = e.target().position();
    parts.push(`<line x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke="#cbd2d9" stroke-width="${Number(e.data('width') ?? 1)}"/>`);
  });
  cy.nodes().forEach((n) => {
    const p = n.position();
    const type = String(n.data('type')) as keyof typeof TYPE_STYLE;
    const r = Number(n.data('size') ?? 20) / 2;
    parts.push(`<circle cx="${p.x}" cy="${p.y}" r="${r}" fill="${TYPE_STYLE[type]?.color ?? '#999'}"/>`);
    parts.push(`<text x="${p.x}" y="${p.y + r + 12}" font-size="10" text-anchor="middle">${esc(String(n.data('short') ?? ''))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

export function exportAs(kind: 'png' | 'svg' | 'json' | 'csv'): void {
  const g = appStore.getState().graph;
  if (kind === 'png') {
    const cy = getCy();
    if (cy) download('paper-graph.png', cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob);
  } else if (kind === 'svg') download('paper-graph.svg', new Blob([toSvg()], { type: 'image/svg+xml' }));
  else if (kind === 'json') download('paper-graph.json', new Blob([JSON.stringify({ nodes: g.nodes, edges: g.edges }, null, 2)], { type: 'application/json' }));
  else download('paper-graph.csv', new Blob([toCsv(g)], { type: 'text/csv' }));
}
