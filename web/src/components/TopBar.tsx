// Top bar: product name, global search, view tabs, share (copy link) and export.
import { useState } from 'react';
import { exportAs } from '../canvas/export.ts';
import { useApp, type View } from '../store/index.ts';
import { openNode, switchView, loadCoauthors, loadRelated, selectOnCanvas } from '../views/actions.ts';
import { SearchBox } from './SearchBox.tsx';

const TABS: [View, string][] = [
  ['explore', 'Explore'],
  ['coauthors', 'Co-authors'],
  ['topics', 'Topics'],
  ['related', 'Related work'],
  ['queries', 'Queries'],
];

export function TopBar() {
  const view = useApp((s) => s.view);
  const [copied, setCopied] = useState(false);
  return (
    <header className="topbar">
      <div className="brand" aria-label="Paper Graph Explorer">
        <span className="logo" aria-hidden>◉</span> Paper Graph Explorer
      </div>
      <SearchBox
        autoFocusKey
        onPick={(r) => {
          if (r.type === 'author' && view === 'coauthors') void loadCoauthors(r.id);
          else if (r.type === 'paper' && view === 'related') void loadRelated(r.id);
          else if (r.type === 'topic' && view === 'topics') selectOnCanvas(r.id);
          else void openNode(r.id);
        }}
      />
      <nav className="tabs" role="tablist" aria-label="Views">
        {TABS.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={view === id} data-testid={`tab-${id}`} className={view === id ? 'tab active' : 'tab'} onClick={() => switchView(id)}>
            {label}
          </button>
        ))}
      </nav>
      <div className="actions">
        <button
          data-testid="copy-link"
          onClick={() => {
            void navigator.clipboard?.writeText(window.location.href).catch(() => {});
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          }}
          title="Copy a link to this exact view"
        >
          {copied ? 'Link copied' : 'Share'}
        </button>
        <select aria-label="Export" data-testid="export" value="" onChange={(e) => e.target.value && exportAs(e.target.value as 'png')}>
          <option value="">Export…</option>
          <option value="png">PNG image</option>
          <option value="svg">SVG drawing</option>
          <option value="json">JSON graph</option>
          <option value="csv">CSV table</option>
        </select>
      </div>
    </header>
  );
}
