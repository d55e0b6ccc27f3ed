// Layout options per layout name and graph size, shared by the canvas and the layout worker (no DOM here).
import type { EdgeSingular, LayoutOptions } from 'cytoscape';
import type { Layout } from '../store/index.ts';

/** The layout the automatic choice runs for `count` nodes (compound: the graph has boxes, as the topic map does). */
export function chosenLayout(name: Layout, count: number, compound: boolean): Layout {
  return name === 'auto' ? (count <= 150 && !compound ? 'cola' : 'fcose') : name;
}

export function layoutOptions(name: Layout, count: number, compound: boolean): LayoutOptions {
  // Automatic: cola (animated, constraint-based) for small graphs, fcose above; from 700 nodes fcose runs its
  // spectral 'draft' pass only (about 0.7 s at 1k and 0.8 s at 2k nodes in bench:web, against 2–3 s and 8 s+ for
  // the full pass, which the explicit "Force (fcose)" choice still runs up to 1 000 nodes).
  const chosen = chosenLayout(name, count, compound);
  const draft = count >= (name === 'auto' ? 700 : 1000);
  switch (chosen) {
    case 'cola':
      // cola only honours maxSimulationTime when it animates (unanimated it loops synchronously until converged,
      // which can block the page for seconds); larger graphs take more ticks per frame and redraw less often.
      return { name: 'cola', animate: true, refresh: count > 150 ? 8 : 2, randomize: false, maxSimulationTime: 1500, nodeSpacing: 12, edgeLength: 90, fit: true, padding: 40 } as LayoutOptions;
    case 'fcose':
      // fcose's draft quality needs randomize: true (it has no spectral result to refine otherwise).
      // With compound boxes (the topic map), links between different boxes are long and weak, so similar
      // topics sit near each other without their boxes being pulled on top of one another.
      if (compound) {
        const crossing = (e: EdgeSingular) => e.source().data('parent') !== e.target().data('parent');
        return { name: 'fcose', animate: false, randomize: true, quality: draft ? 'draft' : 'default', nodeRepulsion: 15000, idealEdgeLength: (e: EdgeSingular) => (crossing(e) ? 260 : 90), edgeElasticity: (e: EdgeSingular) => (crossing(e) ? 0.1 : 0.45), nodeSeparation: 120, nestingFactor: 0.1, gravity: 0.2, gravityCompound: 1.5, gravityRangeCompound: 1.2, tile: true, fit: true, padding: 30 } as LayoutOptions;
      }
      return { name: 'fcose', animate: false, randomize: draft, quality: draft ? 'draft' : 'default', nodeRepulsion: 6000, idealEdgeLength: 80, nestingFactor: 0.2, gravity: 0.3, tile: true, fit: true, padding: 30 } as LayoutOptions;
    case 'concentric':
      return { name: 'concentric', animate: false, fit: true, padding: 30, minNodeSpacing: 12 } as LayoutOptions;
    case 'breadthfirst':
      return { name: 'breadthfirst', animate: false, fit: true, padding: 30, directed: false, spacingFactor: 1.1 } as LayoutOptions;
    default:
      return { name: 'grid', animate: false, fit: true, padding: 30 } as LayoutOptions;
  }
}
