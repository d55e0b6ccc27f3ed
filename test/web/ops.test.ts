// Pure graph operations of the canvas: merge keeps what is there, stubs, collapse, filters, undo/redo, CSV.
import { describe, expect, it } from 'vitest';
import type { GNode, Graph } from '../../web/src/api/types.ts';
import { collapse, countByType, emptyGraph, mergeGraph, record, redo, removeNodes, toCsv, undo, visibleGraph } from '../../web/src/graph/ops.ts';

const node = (id: string, props: Record<string, unknown> = {}): GNode => ({ id, type: id.split(':')[0] as GNode['type'], label: id, props });
const g1: Graph = {
  nodes: [node('author:a'), node('paper:p1', { month: '2024-10' })],
  edges: [{ id: 'AUTHORED:author:a->paper:p1', type: 'AUTHORED', source: 'author:a', target: 'paper:p1', props: {} }],
  truncated: false,
};
const g2: Graph = {
  nodes: [node('paper:p1', { month: 'changed' }), node('paper:p2', { month: '2024-12' }), node('author:a')],
  edges: [
    { id: 'AUTHORED:author:a->paper:p2', type: 'AUTHORED', source: 'author:a', target: 'paper:p2', props: {} },
    { id: 'X:author:a->paper:missing', type: 'X', source: 'author:a', target: 'paper:missing', props: {} },
  ],
  truncated: true,
};

describe('mergeGraph', () => {
  it('adds only new nodes and edges, keeps existing ones, records the origin and stubs', () => {
    const a = mergeGraph(emptyGraph(), g1);
    const b = mergeGraph(a, g2, 'author:a', { AUTHORED: 3, TAGGED: 0 });
    expect(b.nodes.map((n) => n.id)).toEqual(['author:a', 'paper:p1', 'paper:p2']);
    expect(b.nodes[1]!.props.month).toBe('2024-10');
    expect(b.edges.map((e) => e.id)).toEqual(['AUTHORED:author:a->paper:p1', 'AUTHORED:author:a->paper:p2']);
    expect(b.origin).toEqual({ 'paper:p2': 'author:a' });
    expect(b.stubs).toEqual([{ id: 'more:author:a:AUTHORED', parent: 'author:a', rel: 'AUTHORED', count: 3 }]);
    expect(b.truncated).toBe(true);
  });
});

describe('removeNodes and collapse', () => {
  const g = mergeGraph(mergeGraph(emptyGraph(), g1), g2, 'author:a', { AUTHORED: 2 });
  it('removes nodes with their edges and stubs', () => {
    const r = removeNodes(g, ['author:a']);
    expect(r.nodes.map((n) => n.id)).toEqual(['paper:p1', 'paper:p2']);
    expect(r.edges).toEqual([]);
    expect(r.stubs).toEqual([]);
  });
  it('collapses the leaves hanging on a node', () => {
    const c = collapse(g, 'author:a');
    expect(c.nodes.map((n) => n.id)).toEqual(['author:a']);
    expect(c.stubs).toEqual([]);
  });
});

describe('visibleGraph', () => {
  const g = mergeGraph(emptyGraph(), { ...g2, nodes: [...g2.nodes, node('paper:p3')] });
  it('hides types and papers outside the month range, keeping undated papers', () => {
    const v = visibleGraph(g, { hiddenTypes: ['author'], from: '2024-11', to: '2024-12' });
    expect(v.nodes.map((n) => n.id)).toEqual(['paper:p2', 'paper:p3']);
    expect(v.edges).toEqual([]);
    expect(countByType(g)).toEqual({ paper: 3, author: 1 });
  });

  it('keeps only the given papers when filtering by a tag or topic, other types untouched', () => {
    const v = visibleGraph(g, { hiddenTypes: [], onlyPapers: new Set(['paper:p2']) });
    expect(v.nodes.map((n) => n.id)).toEqual(['paper:p2', 'author:a']);
    expect(v.edges.map((e) => e.id)).toEqual(['AUTHORED:author:a->paper:p2']);
  });
});

describe('history', () => {
  it('undoes and redoes', () => {
    const a = mergeGraph(emptyGraph(), g1);
    const b = mergeGraph(a, g2);
    const h = record({ past: [], future: [] }, a);
    const u = undo(h, b)!;
    expect(u.graph).toBe(a);
    const r = redo(u.history, u.graph)!;
    expect(r.graph).toBe(b);
    expect(undo({ past: [], future: [] }, a)).toBeNull();
  });
});

describe('toCsv', () => {
  it('writes nodes then edges with quoting', () => {
    const csv = toCsv(mergeGraph(emptyGraph(), { nodes: [{ ...node('paper:p1'), label: 'A "quoted", title' }], edges: [], truncated: false }));
    expect(csv.split('\n')).toEqual(['kind,id,type,label,source,target', 'node,"paper:p1",paper,"A ""quoted"", title",,']);
  });
});
