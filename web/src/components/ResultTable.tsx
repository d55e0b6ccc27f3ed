// Query results as a table (when the query prefers it, or when switched), capped rows noted.
import { useApp } from '../store/index.ts';

export function ResultPanel() {
  const result = useApp((s) => s.result);
  const view = useApp((s) => s.resultView);
  const setView = useApp((s) => s.setResultView);
  const nothingDrawn = useApp((s) => s.graph.nodes.length === 0);
  if (!result) return null;
  // A result with nothing to draw (rows of values) gives the table most of the centre.
  return (
    <div className={view === 'table' ? (nothingDrawn ? 'result-panel fill' : 'result-panel full') : 'result-panel'} data-testid="result-panel">
      <div className="row">
        <span className="hint">{result.rows.length} rows{result.truncated ? ' (capped)' : ''} · {result.ms} ms</span>
        <button aria-pressed={view === 'graph'} onClick={() => setView('graph')}>Graph</button>
        <button aria-pressed={view === 'table'} onClick={() => setView('table')} data-testid="show-table">Table</button>
      </div>
      {view === 'table' && (
        <div className="table-wrap">
          <table data-testid="result-table">
            <thead><tr>{result.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
            <tbody>
              {result.rows.slice(0, 500).map((r, i) => (
                <tr key={i}>{r.map((v, j) => <td key={j}>{typeof v === 'object' && v !== null ? JSON.stringify(v).slice(0, 200) : String(v)}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
