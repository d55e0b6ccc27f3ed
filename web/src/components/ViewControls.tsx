// Controls of the Co-authors, Related work and Topics views: pickers, depth, related list with reasons, path tracer.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useApp } from '../store/index.ts';
import { loadCoauthors, loadRelated, pathStore, relatedStore, setPathTarget, tracePath } from '../views/actions.ts';
import { SearchBox } from './SearchBox.tsx';

export function useExternal<T>(store: { value: T; listeners: Set<() => void> }): T {
  return useSyncExternalStore(
    (cb) => {
      store.listeners.add(cb);
      return () => store.listeners.delete(cb);
    },
    () => store.value,
  );
}

export function CoauthorControls() {
  const focus = useApp((s) => s.focus);
  const depth = useApp((s) => s.depth);
  const setDepth = useApp((s) => s.setDepth);
  const graph = useApp((s) => s.graph);
  return (
    <section>
      <h3>Co-author network</h3>
      <SearchBox types={['author']} placeholder="Pick an author…" testId="author-picker" onPick={(r) => void loadCoauthors(r.id)} />
      <label className="row">
        Depth
        <input type="range" min={1} max={3} value={depth} aria-label="Depth" onChange={(e) => {
          setDepth(Number(e.target.value));
          if (focus?.startsWith('author:')) void loadCoauthors(focus, Number(e.target.value));
        }} />
        <b>{depth}</b>
      </label>
      {focus?.startsWith('author:') ? (
        <p className="hint">{graph.nodes.length} authors, {graph.edges.length} collaborations. Colour = community; edge width = shared papers. Click an edge to see its papers.</p>
      ) : (
        <p className="hint">Pick an author to see who they write with.</p>
      )}
    </section>
  );
}

export function RelatedControls() {
  const related = useExternal(relatedStore);
  const paths = useExternal(pathStore);
  const [from, setFrom] = useState<{ id: string; label: string } | null>(null);
  const [to, setTo] = useState<{ id: string; label: string } | null>(null);
  useEffect(() => {
    setPathTarget(to?.id);
  }, [to]);
  return (
    <>
      <section>
        <h3>Related work</h3>
        <SearchBox types={['paper']} placeholder="Pick a paper…" testId="paper-picker" onPick={(r) => void loadRelated(r.id)} />
        {related && (
          <ol className="related" data-testid="related-list">
            {related.related.map((r) => (
              <li key={r.id}>
                <button className="linklike" onClick={() => void loadRelated(r.id)} title={`Related work of ${r.title}`}>{r.title}</button>
                <span className="score" data-testid="related-meta">{r.date ? `${r.date.slice(0, 7)} · ` : ''}score {r.score.toFixed(2)}</span>
                <div className="reasons" data-testid="reasons">
                  {r.reasons.map((x, i) => (
                    <span key={i} className={`chip chip-${x.kind}`} title={`${x.kind} (${x.score})`}>
                      {x.kind === 'terms' ? 'shares ' : x.kind === 'authors' ? 'authors: ' : x.kind === 'topic' ? 'topic: ' : x.kind === 'repo' ? 'code: ' : 'tags: '}
                      {x.items.slice(0, 3).join(', ')}
                    </span>
                  ))}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h3>Trace a path</h3>
        <SearchBox placeholder={from ? `From: ${from.label}` : 'From…'} testId="path-from" onPick={(r) => setFrom(r)} />
        <SearchBox placeholder={to ? `To: ${to.label}` : 'To…'} testId="path-to" onPick={(r) => setTo(r)} />
        <button disabled={!from || !to} data-testid="trace" onClick={() => from && to && void tracePath(from.id, to.id)}>Trace</button>
        {paths && (
          <ol className="steps" data-testid="path-steps">
            {paths.paths.map((p, i) => (
              <li key={i}>
                {p.steps.map((s, j) => (
                  <div key={j} className="step"><b>{s.from.label}</b> → <i>{s.why}</i> → <b>{s.to.label}</b></div>
                ))}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

export function TopicsHelp() {
  return (
    <section>
      <h3>Topic map</h3>
      <p className="hint">Boxes are broad topics holding their subtopics; size = papers; links = similar papers across topics. Click a topic for its papers, authors and monthly trend.</p>
    </section>
  );
}
