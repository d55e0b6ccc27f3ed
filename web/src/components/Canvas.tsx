// The canvas region: mounts the Cytoscape module once, overlays zoom/fit controls, the context menu, the loading
// indicator and the empty state.
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { fit, menuStore, mountCanvas, zoom } from '../canvas/cy.ts';
import { useApp } from '../store/index.ts';
import { expand, loadCoauthors, loadRelated, openNode } from '../views/actions.ts';

const RELS = ['AUTHORED', 'COAUTHORED_WITH', 'SIMILAR_TO', 'IN_TOPIC', 'TAGGED', 'HAS_CODE', 'HAS_RESOURCE'];

function ContextMenu() {
  const menu = useStore(menuStore, (s) => s.menu);
  const hide = useApp((s) => s.hide);
  const collapseNode = useApp((s) => s.collapseNode);
  const togglePin = useApp((s) => s.togglePin);
  if (!menu) return null;
  const close = () => menuStore.setState({ menu: null });
  const act = (fn: () => void) => () => {
    fn();
    close();
  };
  return (
    <div className="context-menu" role="menu" style={{ left: menu.x, top: menu.y }} data-testid="context-menu">
      <button role="menuitem" onClick={act(() => void expand(menu.id))}>Expand all</button>
      {RELS.map((r) => <button key={r} role="menuitem" onClick={act(() => void expand(menu.id, [r], 50))}>Expand {r.toLowerCase().replace(/_/g, ' ')}</button>)}
      <hr />
      <button role="menuitem" onClick={act(() => collapseNode(menu.id))}>Collapse</button>
      <button role="menuitem" onClick={act(() => hide([menu.id]))}>Hide</button>
      <button role="menuitem" onClick={act(() => togglePin(menu.id))}>Pin / unpin</button>
      {menu.id.startsWith('paper:') && <button role="menuitem" onClick={act(() => void loadRelated(menu.id))}>Related work</button>}
      {menu.id.startsWith('author:') && <button role="menuitem" onClick={act(() => void loadCoauthors(menu.id))}>Co-author network</button>}
      <button role="menuitem" onClick={act(() => void openNode(menu.id))}>Details</button>
    </div>
  );
}

export function Canvas() {
  const ref = useRef<HTMLDivElement>(null);
  const loading = useApp((s) => s.loading);
  const empty = useApp((s) => s.graph.nodes.length === 0);
  const view = useApp((s) => s.view);
  useEffect(() => {
    if (!ref.current) return;
    return mountCanvas(ref.current, {
      onExpand: (id) => void expand(id),
      onStub: (parent, rel) => void expand(parent, [rel], 200),
    });
  }, []);
  return (
    <main className="canvas-wrap" aria-label="Graph canvas">
      <div ref={ref} className="canvas" data-testid="canvas" />
      <div className="zoom" aria-label="Zoom controls">
        <button onClick={() => zoom(1.25)} aria-label="Zoom in">+</button>
        <button onClick={() => zoom(0.8)} aria-label="Zoom out">−</button>
        <button onClick={fit} aria-label="Fit to screen (f)">⤢</button>
      </div>
      {loading > 0 && <div className="loading" role="status" data-testid="loading">Loading…</div>}
      {empty && loading === 0 && (
        <div className="empty-state">
          {view === 'coauthors' ? 'Pick an author in the left panel to see their co-author network.' : view === 'related' ? 'Pick a paper in the left panel to see its related work, or trace a path between two things.' : view === 'queries' ? 'Pick a saved query and press Run, or write Cypher below.' : 'Search for a paper, author, topic, repo or tag to start exploring.'}
        </div>
      )}
      <ContextMenu />
    </main>
  );
}
