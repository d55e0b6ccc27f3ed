// Splitting a large set of new canvas elements into pieces that can join the canvas one animation frame at a time.
import type { ElementDefinition } from 'cytoscape';

/**
 * Splits elements into chunks that can each be added on their own: about `size` nodes (every box with all its
 * children, then the other nodes), then `edgeSize` edges at a time (both ends already there; an edge between boxed
 * nodes costs Cytoscape several times a node).
 */
export function chunkByBox(els: ElementDefinition[], size: number, edgeSize = size): ElementDefinition[][] {
  const nodes = els.filter((el) => el.group === 'nodes');
  const children = new Map<string, ElementDefinition[]>();
  for (const el of nodes) if (el.data.parent) (children.get(String(el.data.parent)) ?? children.set(String(el.data.parent), []).get(String(el.data.parent))!).push(el);
  const groups: ElementDefinition[][] = [];
  for (const el of nodes) {
    if (el.data.parent) continue;
    groups.push([el, ...(children.get(el.data.id!) ?? [])]);
  }
  const out: ElementDefinition[][] = [];
  let cur: ElementDefinition[] = [];
  const flush = () => {
    if (cur.length > 0) out.push(cur);
    cur = [];
  };
  for (const g of groups) {
    if (cur.length > 0 && cur.length + g.length > size) flush();
    cur.push(...g);
  }
  flush();
  const edges = els.filter((el) => el.group === 'edges');
  for (let i = 0; i < edges.length; i += edgeSize) out.push(edges.slice(i, i + edgeSize));
  return out;
}
