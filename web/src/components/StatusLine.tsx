// Status line: what is on the canvas (nodes, edges, truncated, labels hidden for room), the layout, undo/redo, errors in words.
import { useStore } from 'zustand';
import { labelStore } from '../canvas/labels.ts';
import { useApp } from '../store/index.ts';

export function StatusLine() {
  const graph = useApp((s) => s.graph);
  const layout = useApp((s) => s.layout);
  const view = useApp((s) => s.view);
  const canUndo = useApp((s) => s.history.past.length > 0);
  const canRedo = useApp((s) => s.history.future.length > 0);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const error = useApp((s) => s.error);
  const notice = useApp((s) => s.notice);
  const setError = useApp((s) => s.setError);
  const hiddenLabels = useStore(labelStore, (s) => s.hidden);
  const more = graph.stubs.reduce((n, s) => n + s.count, 0);
  return (
    <footer className="status" data-testid="status">
      <span data-testid="status-counts">{graph.nodes.length} nodes · {graph.edges.length} edges{more > 0 ? ` · truncated (${more} more not shown)` : graph.truncated ? ' · truncated at the size limit (more exist)' : ''}</span>
      {hiddenLabels > 0 && (
        <span data-testid="status-labels" title="Labels that would cover others are hidden: hover a node, select it, or zoom in to see more">
          {hiddenLabels} label{hiddenLabels === 1 ? '' : 's'} hidden (hover or zoom in)
        </span>
      )}
      <span data-testid="status-layout">layout: {view === 'related' && layout === 'auto' ? 'by relatedness, from the top clockwise (closer = more related)' : layout}</span>
      <span className="undo">
        <button disabled={!canUndo} onClick={undo} aria-label="Undo (Ctrl+Z)">↶ Undo</button>
        <button disabled={!canRedo} onClick={redo} aria-label="Redo (Ctrl+Shift+Z)">↷ Redo</button>
      </span>
      {notice && <span className="notice">{notice}</span>}
      {error && (
        <span className="error-banner" role="alert" data-testid="error-banner">
          {error} <button onClick={() => setError(null)} aria-label="Dismiss">×</button>
        </span>
      )}
    </footer>
  );
}
