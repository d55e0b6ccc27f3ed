// Details drawer: the selected node (every property, links, authors in order, topics, tags, provenance, a topic's
// sparkline and papers) or edge (why it exists: shared terms, the papers behind a co-author edge, a path step).
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { GEdge, NodeDetails, Reason, TopicPage } from '../api/types.ts';
import { edgeReason } from '../canvas/elements.ts';
import { TYPE_STYLE } from '../graph/style.ts';
import { useApp } from '../store/index.ts';
import { expand, loadCoauthors, loadRelated, openNode } from '../views/actions.ts';
import { InlineMarkdown } from './InlineMarkdown.tsx';
import { Sparkline } from './Sparkline.tsx';

const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\//.test(v);

function Props({ props }: { props: Record<string, unknown> }) {
  const entries = Object.entries(props).filter(([k, v]) => v !== null && v !== '' && !['parentTopic', 'abstract', 'summary'].includes(k));
  return (
    <dl className="props">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{isUrl(v) ? <a href={v} target="_blank" rel="noreferrer">{v}</a> : Array.isArray(v) ? v.map(String).join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The papers behind a co-author edge, asked for when the edge is looked at (the network itself carries weights only). */
function usePairPapers(edge: GEdge): { papers: { id: string; title: string }[] | null; error: string | null } {
  const [state, setState] = useState<{ key: string; papers: { id: string; title: string }[] | null; error: string | null }>({ key: '', papers: null, error: null });
  const isPair = edge.type === 'COAUTHORED_WITH';
  useEffect(() => {
    if (!isPair) return;
    let cancelled = false;
    api
      .coauthorPair(edge.source, edge.target)
      .then((r) => !cancelled && setState({ key: edge.id, papers: r.papers, error: null }))
      .catch((e: Error) => !cancelled && setState({ key: edge.id, papers: null, error: e.message }));
    return () => {
      cancelled = true;
    };
  }, [edge.id, edge.source, edge.target, isPair]);
  return state.key === edge.id ? state : { papers: null, error: null };
}

function EdgeDetails({ edge }: { edge: GEdge }) {
  const pair = usePairPapers(edge);
  const listed = Array.isArray(edge.props.papers) ? (edge.props.papers as unknown[]).filter((p): p is { id: string; title: string } => typeof p === 'object' && p !== null && 'title' in p) : [];
  const papers = pair.papers ?? listed;
  const reasons = Array.isArray(edge.props.reasons) ? (edge.props.reasons as Reason[]) : [];
  return (
    <div data-testid="edge-details">
      <h2>{edge.type === 'RELATED' ? 'Why these are related' : edge.type.replace(/_/g, ' ').toLowerCase()}</h2>
      <p className="why">{edgeReason(edge)}</p>
      {reasons.length > 0 && (
        <ul className="reasons-list" data-testid="edge-reasons">
          {reasons.map((r, i) => <li key={i}><span className={`chip chip-${r.kind}`}>{r.kind}</span> {r.items.join(', ')} <small>({r.score})</small></li>)}
        </ul>
      )}
      {edge.type === 'COAUTHORED_WITH' && pair.papers === null && !pair.error && <p className="hint">Loading the papers behind this edge…</p>}
      {pair.error && <p className="error">Could not load the papers behind this edge: {pair.error}</p>}
      {papers.length > 0 && (
        <>
          <h3>Papers behind this edge{typeof edge.props.weight === 'number' && edge.props.weight > papers.length ? ` (${papers.length} of ${edge.props.weight})` : ''}</h3>
          <ul className="plain" data-testid="edge-papers">
            {papers.map((p) => <li key={p.id}><button className="linklike" onClick={() => void openNode(p.id)}>{p.title}</button></li>)}
          </ul>
        </>
      )}
      <Props props={Object.fromEntries(Object.entries(edge.props).filter(([k]) => !['papers', 'reasons'].includes(k)))} />
    </div>
  );
}

function topicPapers(t: TopicPage): TopicPage['papers'] {
  return t.topic.level === 0 ? t.papers : t.papers.filter((x) => x.primary);
}

function NodeView({ d, topic }: { d: NodeDetails; topic: TopicPage | null }) {
  const n = d.node;
  const p = n.props;
  return (
    <div data-testid="node-details">
      <div className="kind" style={{ color: TYPE_STYLE[n.type].color }}>{n.type}</div>
      <h2>{n.label}</h2>
      {n.type === 'paper' && (
        <>
          <ol className="authors" data-testid="drawer-authors">
            {(d.authors ?? []).map((a) => <li key={a.id}><button className="linklike" onClick={() => void openNode(a.id)}>{a.name}</button></li>)}
          </ol>
          <div className="links">
            {typeof p.url === 'string' && <a href={p.url} target="_blank" rel="noreferrer">{p.arxivId ? `arXiv ${p.arxivId}` : 'Paper'}</a>}
            {(d.repos ?? []).map((r) => <a key={r.id} href={r.url} target="_blank" rel="noreferrer">Code: {r.url.replace('https://github.com/', '')}</a>)}
            {(d.resources ?? []).map((r) => <a key={r.id} href={r.url} target="_blank" rel="noreferrer">{r.kind}: {r.url.replace(/^https?:\/\/(www\.)?/, '')}</a>)}
          </div>
          <div className="chips">
            {(d.topics ?? []).map((t) => <span key={t.id} className={t.primary ? 'chip chip-topic' : 'chip'}>{t.label}</span>)}
            {(d.tags ?? []).map((t) => <span key={t.id} className="chip chip-tags">{t.name}</span>)}
          </div>
          {typeof p.abstract === 'string' && <p className="abstract"><InlineMarkdown text={p.abstract} /></p>}
          {typeof p.summary === 'string' && <p className="abstract summary"><InlineMarkdown text={p.summary} /></p>}
          <div className="row">
            <button onClick={() => void loadRelated(n.id)}>Related work</button>
            <button onClick={() => void expand(n.id)}>Expand</button>
          </div>
        </>
      )}
      {n.type === 'author' && (
        <div className="row">
          <button onClick={() => void loadCoauthors(n.id)}>Co-author network</button>
          <button onClick={() => void expand(n.id)}>Expand</button>
        </div>
      )}
      {topic && (
        <>
          <p className="hint">{topic.topic.terms.slice(0, 8).join(' · ')}</p>
          <Sparkline points={topic.monthly} />
          {topic.topAuthors.length > 0 && <p className="hint">Top authors: {topic.topAuthors.slice(0, 5).map((a) => a.name).join(', ')}</p>}
          {topic.subtopics.length > 0 && (
            <>
              <h3>Subtopics ({topic.subtopics.length})</h3>
              <div className="chips" data-testid="topic-subtopics">
                {topic.subtopics.map((t) => <button key={t.id} className="chip chip-topic linklike" onClick={() => void openNode(t.id)}>{t.label} ({t.size})</button>)}
              </div>
            </>
          )}
          {/* A subtopic lists the papers it is the primary topic of; a top-level topic lists all of its papers. */}
          <h3>Papers ({topicPapers(topic).length})</h3>
          <ul className="plain" data-testid="topic-papers">
            {topicPapers(topic).slice(0, 40).map((x) => <li key={x.id}><button className="linklike" onClick={() => void openNode(x.id)}>{x.title}</button></li>)}
          </ul>
        </>
      )}
      {d.papers && d.papers.length > 0 && n.type !== 'topic' && (
        <>
          <h3>Papers ({d.papers.length})</h3>
          <ul className="plain">{d.papers.slice(0, 30).map((x) => <li key={x.id}><button className="linklike" onClick={() => void openNode(x.id)}>{x.title}</button></li>)}</ul>
        </>
      )}
      <h3>Properties</h3>
      <Props props={p} />
      <h3>Relationships</h3>
      <p className="hint">{Object.entries(d.degrees).map(([k, v]) => `${k.toLowerCase()} ${v}`).join(' · ') || 'none'}</p>
      {d.provenance.length > 0 && (
        <>
          <h3>Sources</h3>
          <ul className="plain mono" data-testid="provenance">{d.provenance.map((s) => <li key={`${s.source}:${s.line}`}>{s.source}:{s.line} <small>({s.format})</small></li>)}</ul>
        </>
      )}
    </div>
  );
}

export function Drawer() {
  const selection = useApp((s) => s.selection);
  const graph = useApp((s) => s.graph);
  const [details, setDetails] = useState<NodeDetails | null>(null);
  const [topic, setTopic] = useState<TopicPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDetails(null);
    setTopic(null);
    setError(null);
    if (selection?.kind !== 'node') return;
    let cancelled = false;
    api.node(selection.id).then((d) => !cancelled && setDetails(d)).catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : String(e)));
    if (selection.id.startsWith('topic:')) api.topic(selection.id).then((t) => !cancelled && setTopic(t)).catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [selection]);
  const edge = selection?.kind === 'edge' ? graph.edges.find((e) => e.id === selection.id) : undefined;
  return (
    <aside className="drawer" aria-label="Details" data-testid="drawer">
      {!selection && <p className="empty">Select a node or an edge to see its details. Double-click a node to expand it; right-click for more.</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {edge && <EdgeDetails edge={edge} />}
      {details && <NodeView d={details} topic={topic} />}
    </aside>
  );
}
