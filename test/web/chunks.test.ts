// Chunks of new canvas elements (web/src/graph/chunks.ts): boxes never split from their children, edges last.
import { describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import { chunkByBox } from '../../web/src/graph/chunks.ts';

const node = (id: string, parent?: string): ElementDefinition => ({ group: 'nodes', data: { id, ...(parent ? { parent } : {}) } });
const edge = (id: string, source: string, target: string): ElementDefinition => ({ group: 'edges', data: { id, source, target } });
const ids = (chunks: ElementDefinition[][]) => chunks.map((c) => c.map((el) => el.data.id));

describe('chunkByBox', () => {
  it('keeps each box with its children, fills chunks up to the size, and puts edges after every node', () => {
    const els = [node('a'), node('a1', 'a'), node('a2', 'a'), edge('e1', 'a1', 'b1'), node('b'), node('b1', 'b'), node('c'), node('d'), edge('e2', 'c', 'd'), edge('e3', 'a2', 'd')];
    expect(ids(chunkByBox(els, 4, 2))).toEqual([['a', 'a1', 'a2'], ['b', 'b1', 'c', 'd'], ['e1', 'e2'], ['e3']]);
  });

  it('gives a box larger than the size a chunk of its own rather than splitting it', () => {
    const els = [node('x'), node('big'), ...Array.from({ length: 5 }, (_, i) => node(`c${i}`, 'big')), node('y')];
    expect(ids(chunkByBox(els, 3))).toEqual([['x'], ['big', 'c0', 'c1', 'c2', 'c3', 'c4'], ['y']]);
  });

  it('returns every element exactly once', () => {
    const els: ElementDefinition[] = [];
    for (let b = 0; b < 30; b++) {
      els.push(node(`b${b}`));
      for (let i = 0; i < 7; i++) els.push(node(`b${b}-${i}`, `b${b}`));
      els.push(edge(`e${b}`, `b${b}-0`, `b${(b + 1) % 30}-0`));
    }
    const out = chunkByBox(els, 50, 10).flat();
    expect(out).toHaveLength(els.length);
    expect(new Set(out.map((el) => el.data.id)).size).toBe(els.length);
  });
});
