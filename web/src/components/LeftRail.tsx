// Left rail: legend (types with counts, click to hide/show), date filter, layout choice, and the current
// view's own controls (author and depth, paper and path tracer, saved queries).
import { NODE_TYPES } from '../api/types.ts';
import { countByType } from '../graph/ops.ts';
import { MONTH_STOPS } from '../graph/months.ts';
import { TYPE_STYLE } from '../graph/style.ts';
import { useApp, type Layout } from '../store/index.ts';
import { CoauthorControls, RelatedControls, TopicsHelp } from './ViewControls.tsx';
import { CommunityLegend } from './CommunityLegend.tsx';
import { PaperColourControl } from './MonthLegend.tsx';
import { QueriesPanel } from './QueriesPanel.tsx';
import { SearchBox } from './SearchBox.tsx';
import { clearPaperFilter, filterPapersBy } from '../views/actions.ts';

const LAYOUTS: [Layout, string][] = [
  ['auto', 'Automatic'],
  ['cola', 'Force (cola)'],
  ['fcose', 'Force (fcose)'],
  ['concentric', 'Concentric'],
  ['breadthfirst', 'Tree'],
  ['grid', 'Grid'],
];

export function LeftRail() {
  const view = useApp((s) => s.view);
  const graph = useApp((s) => s.graph);
  const hidden = useApp((s) => s.hiddenTypes);
  const toggleType = useApp((s) => s.toggleType);
  const layout = useApp((s) => s.layout);
  const setLayout = useApp((s) => s.setLayout);
  const from = useApp((s) => s.dateFrom);
  const to = useApp((s) => s.dateTo);
  const setDates = useApp((s) => s.setDates);
  const only = useApp((s) => s.only);
  const paperColour = useApp((s) => s.paperColour);
  const counts = countByType(graph);
  return (
    <aside className="rail" aria-label="Legend, filters and layout">
      {view === 'coauthors' && <CoauthorControls />}
      {view === 'coauthors' && <CommunityLegend />}
      {view === 'related' && <RelatedControls />}
      {view === 'topics' && <TopicsHelp />}
      {view === 'queries' && <QueriesPanel />}
      <section>
        <h3>{view === 'coauthors' ? 'Node types' : 'Legend'}</h3>
        <ul className="legend" data-testid="legend">
          {NODE_TYPES.map((t) => (
            <li key={t}>
              <button className={hidden.includes(t) ? 'legend-item off' : 'legend-item'} aria-pressed={!hidden.includes(t)} onClick={() => toggleType(t)} title={hidden.includes(t) ? 'Show' : 'Hide'}>
                <span className={`swatch shape-${TYPE_STYLE[t].shape}`} style={{ background: (t === 'paper' || t === 'topic') && paperColour === 'month' ? `linear-gradient(135deg, ${MONTH_STOPS.join(', ')})` : TYPE_STYLE[t].color }} />
                {TYPE_STYLE[t].name}
                <span className="count">{counts[t] ?? 0}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {view !== 'coauthors' && (counts.paper ?? 0) + (counts.topic ?? 0) > 0 && <PaperColourControl />}
      <section>
        <h3>Filter papers by month</h3>
        <div className="row">
          <input aria-label="From month" type="month" value={from} onChange={(e) => setDates(e.target.value, to)} />
          <input aria-label="To month" type="month" value={to} onChange={(e) => setDates(from, e.target.value)} />
        </div>
      </section>
      <section>
        <h3>Only papers of…</h3>
        <SearchBox types={['tag', 'topic', 'author', 'repo']} placeholder="A tag, topic, author or repo" testId="only-picker" onPick={(r) => void filterPapersBy(r.id, r.label)} />
        {only && (
          <div className="filter-chip" data-testid="only-filter">
            <span className="chip chip-topic">{only.label} · {only.ids.length} papers</span>
            <button className="linklike" onClick={clearPaperFilter} aria-label={`Stop filtering by ${only.label}`}>clear</button>
          </div>
        )}
      </section>
      <section>
        <h3>Layout</h3>
        <select aria-label="Layout" data-testid="layout" value={layout} onChange={(e) => setLayout(e.target.value as Layout)}>
          {LAYOUTS.map(([id, label]) => (
            <option key={id} value={id}>{label}</option>
          ))}
        </select>
      </section>
    </aside>
  );
}
