// The canvas region: mounts the Cytoscape module once, overlays zoom/fit controls, the context menu, the loading
// indicator and the empty state.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { fit, menuStore, mountCanvas, zoom } from '../canvas/cy.ts';
import { appStore, useApp } from '../store/index.ts';
import { expand, filterPapersBy, findPathOnCanvas, loadCoauthors, loadRelated, openNode, pathPick, pathStore } from '../views/actions.ts';
import { SearchBox } from './SearchBox.tsx';
import { useExternal } from './ViewControls.tsx';

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
      <button role="menuitem" data-testid="menu-path" onClick={act(() => pathPick.set({ from: menu.id, label: nodeLabel(menu.id) }))}>Find path to…</button>
      {/^(tag|topic|author|repo):/.test(menu.id) && <button role="menuitem" onClick={act(() => void filterPapersBy(menu.id, nodeLabel(menu.id)))}>Show only its papers</button>}
      <button role="menuitem" onClick={act(() => void openNode(menu.id))}>Details</button>
    </div>
  );
}

const VERBS: Record<string, [string, string]> = {
  AUTHORED: ['wrote', 'written by'],
  TAGGED: ['tagged', 'tags'],
  IN_TOPIC: ['in topic', 'holds'],
  SUBTOPIC_OF: ['subtopic of', 'has subtopic'],
  SIMILAR_TO: ['similar to', 'similar to'],
  COAUTHORED_WITH: ['co-author of', 'co-author of'],
  HAS_CODE: ['code at', 'code of'],
  HAS_RESOURCE: ['artifact', 'artifact of'],
  FROM_SOURCE: ['from', 'source of'],
};

/** A step's relationship read in the direction the path walks it. */
function verb(rel: string, direction: 'out' | 'in'): string {
  const v = VERBS[rel];
  return v ? v[direction === 'out' ? 0 : 1] : rel.toLowerCase().replace(/_/g, ' ');
}

const clip = (s: string, n = 46) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function nodeLabel(id: string): string {
  return appStore.getState().graph.nodes.find((n) => n.id === id)?.label ?? id;
}

/**
 * "Find path to…": asks where the path ends (search, or click a node on the canvas), then adds the shortest paths
 * to the canvas and lists their steps, each with its reason.
 */
function PathPanel() {
  const pick = useExternal(pathPick);
  const paths = useExternal(pathStore);
  const selection = useApp((s) => s.selection);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    // While picking, a click on another node of the canvas chooses it as the end of the path.
    if (pick && selection?.kind === 'node' && selection.id !== pick.from) {
      const from = pick.from;
      pathPick.set(null);
      setShown(from);
      void findPathOnCanvas(from, selection.id);
    }
  }, [pick, selection]);
  if (pick) {
    return (
      <div className="path-panel" role="dialog" aria-label="Find a path" data-testid="path-panel">
        <div className="path-head">Path from <b>{pick.label}</b> to… <button className="linklike" onClick={() => pathPick.set(null)} aria-label="Cancel">✕</button></div>
        <SearchBox placeholder="Search, or click a node on the canvas" testId="path-target" onPick={(r) => {
          const from = pick.from;
          pathPick.set(null);
          setShown(from);
          void findPathOnCanvas(from, r.id);
        }} />
      </div>
    );
  }
  if (!shown || !paths) return null;
  return (
    <div className="path-panel" role="region" aria-label="Paths found" data-testid="path-result">
      <div className="path-head">{paths.paths.length === 0 ? `No path within 4 steps (avoiding hubs of more than ${paths.maxDegree} links)` : `${paths.paths.length} shortest path${paths.paths.length > 1 ? 's' : ''}`} <button className="linklike" onClick={() => {
        setShown(null);
        appStore.getState().setPathEdges([]);
      }} aria-label="Close">✕</button></div>
      <ol className="chain" data-testid="path-chains">
        {paths.paths.map((p, i) => (
          <li key={i}>
            <b title={p.steps[0]?.from.label}>{clip(p.steps[0]?.from.label ?? '')}</b>
            {p.steps.map((s, j) => (
              <span key={j} className="step" title={s.why}> <i>{verb(s.rel, s.direction)}</i> <b title={s.to.label}>{clip(s.to.label)}</b></span>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function Canvas() {
  const ref = useRef<HTMLDivElement>(null);
  const loading = useApp((s) => s.loading);
  const empty = useApp((s) => s.graph.nodes.length === 0);
  const view = useApp((s) => s.view);
  const hasResult = useApp((s) => s.result !== null);
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
          {view === 'coauthors' ? 'Pick an author in the left panel to see their co-author network.' : view === 'related' ? 'Pick a paper in the left panel to see its related work, or trace a path between two things.' : view === 'queries' ? (hasResult ? 'This result has no nodes or relationships to draw: its rows are in the table.' : 'Pick a saved query and press Run, or write Cypher below.') : 'Search for a paper, author, topic, repo or tag to start exploring.'}
        </div>
      )}
      <ContextMenu />
      <PathPanel />
    </main>
  );
}
