// Saved queries: the list with descriptions, a form generated from the query's parameters (typeahead for node
// parameters), run, copy link; and an ad-hoc Cypher editor with "save as".
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { NodeType } from '../api/types.ts';
import { useApp } from '../store/index.ts';
import { loadQueries, runCypher, runSavedQuery } from '../views/actions.ts';
import { toSearch } from '../url.ts';
import { SearchBox } from './SearchBox.tsx';

const CypherEditor = lazy(() => import('./CypherEditor.tsx'));

/** "an author", "a paper": the node label with its article. */
const articled = (label: string) => `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;

export function QueriesPanel() {
  const queries = useApp((s) => s.queries);
  const name = useApp((s) => s.queryName);
  const params = useApp((s) => s.queryParams);
  const pick = useApp((s) => s.pickQuery);
  const setParam = useApp((s) => s.setParam);
  const [cypher, setCypher] = useState('MATCH (a:Author)-[r:COAUTHORED_WITH]-(b:Author)\nRETURN a, r, b LIMIT 50');
  const [saveName, setSaveName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (queries.length === 0) void loadQueries();
  }, [queries.length]);
  const current = queries.find((q) => q.name === name);
  const link = current ? `${window.location.origin}/${toSearch({ view: 'queries', query: current.name, params, expanded: [] })}` : '';
  return (
    <>
      <section>
        <h3>Saved queries</h3>
        <ul className="query-list" data-testid="query-list">
          {queries.map((q) => (
            <li key={q.name}>
              <button className={q.name === name ? 'query active' : 'query'} onClick={() => pick(q.name, Object.fromEntries(q.params.map((p) => [p.name, p.default === undefined || p.default === null ? '' : String(p.default)])))} title={q.description}>
                <b>{q.title}</b>
                <span>{q.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {current && (
        <section className="query-form" data-testid="query-form">
          <h3>{current.title}</h3>
          <p className="hint">{current.description}</p>
          {current.params.map((p) => (
            <label key={p.name} className="param">
              <span>{p.name} <small>({p.type}{p.label ? `: ${p.label}` : ''})</small></span>
              {p.type === 'node' ? (
                <>
                  {/* Find the node by name; the key it stands for is shown (and editable) once, under the search. */}
                  <SearchBox types={p.label ? [p.label as NodeType] : undefined} placeholder={`Find ${articled(p.label ?? 'node')}…`} testId={`param-${p.name}`} onPick={(r) => setParam(p.name, r.id.slice(r.id.indexOf(':') + 1))} />
                  <span className="param-key">
                    <small>key</small>
                    <input aria-label={`${p.name} key`} data-testid={`input-${p.name}`} value={params[p.name] ?? ''} onChange={(e) => setParam(p.name, e.target.value)} />
                  </span>
                </>
              ) : p.type === 'bool' ? (
                <select aria-label={p.name} value={params[p.name] ?? ''} onChange={(e) => setParam(p.name, e.target.value)}>
                  <option value="true">true</option>
                  <option value="false">false</option>
                </select>
              ) : (
                <input aria-label={p.name} data-testid={`input-${p.name}`} type={p.type === 'int' || p.type === 'float' ? 'number' : p.type === 'date' ? 'date' : 'text'} value={params[p.name] ?? ''} onChange={(e) => setParam(p.name, e.target.value)} />
              )}
              <small className="hint">{p.description}</small>
            </label>
          ))}
          <div className="row">
            <button className="primary" data-testid="run-query" onClick={() => void runSavedQuery(current.name, params)}>Run</button>
            <button data-testid="copy-query-link" onClick={() => void navigator.clipboard?.writeText(link).catch(() => {})} title={link}>Copy link</button>
          </div>
          <input className="link" readOnly value={link} data-testid="query-link" aria-label="Link to this query" />
        </section>
      )}
      <section>
        <h3>Ad-hoc Cypher (read-only)</h3>
        <Suspense fallback={<textarea aria-label="Cypher" value={cypher} onChange={(e) => setCypher(e.target.value)} rows={5} />}>
          <CypherEditor value={cypher} onChange={setCypher} />
        </Suspense>
        <div className="row">
          <button className="primary" data-testid="run-cypher" onClick={() => void runCypher(cypher)}>Run</button>
          <input aria-label="Save as name" placeholder="save-as-name" value={saveName} onChange={(e) => setSaveName(e.target.value)} />
          <button
            disabled={!saveName}
            onClick={() =>
              void api
                .saveQuery({ name: saveName, title: saveName, description: 'Saved from the editor', query: cypher, view: 'graph' })
                .then(() => {
                  setMessage(`Saved as cypher/queries/user/${saveName}.cypher`);
                  void loadQueries();
                })
                .catch((e: unknown) => setMessage(e instanceof ApiError ? e.message : String(e)))
            }
          >
            Save as
          </button>
        </div>
        {message && <p className="hint">{message}</p>}
      </section>
    </>
  );
}
