// Typeahead search across papers, authors, topics, repos and tags: `/` focuses it, arrows move, Enter picks.
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { NodeType, SearchResult } from '../api/types.ts';
import { TYPE_STYLE } from '../graph/style.ts';

interface Props {
  onPick: (r: SearchResult) => void;
  types?: NodeType[];
  placeholder?: string;
  testId?: string;
  autoFocusKey?: boolean;
}

export function SearchBox({ onPick, types, placeholder = 'Search papers, authors, topics, repos, tags…  ( / )', testId = 'search-input', autoFocusKey = false }: Props) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!autoFocusKey) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && document.activeElement?.tagName !== 'INPUT' && document.activeElement?.tagName !== 'TEXTAREA') {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [autoFocusKey]);

  useEffect(() => {
    if (q.trim().length < 2) {
      setResults([]);
      return;
    }
    let cancelled = false;
    const t = setTimeout(() => {
      api
        .search(q, types, 10)
        .then((r) => {
          if (cancelled) return;
          setResults(r.results);
          setActive(0);
          setError(null);
          setOpen(true);
        })
        .catch((e: Error) => !cancelled && setError(e.message));
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [q, types]);

  const pick = (r: SearchResult | undefined) => {
    if (!r) return;
    onPick(r);
    setOpen(false);
    setQ('');
    input.current?.blur();
  };

  return (
    <div className="search" role="combobox" aria-expanded={open} aria-haspopup="listbox">
      <input
        ref={input}
        data-testid={testId}
        aria-label={placeholder}
        placeholder={placeholder}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onFocus={() => results.length && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter') pick(results[active]);
          else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {error && <div className="search-error" role="alert">{error}</div>}
      {open && results.length > 0 && (
        <ul className="search-results" role="listbox" data-testid="search-results">
          {results.map((r, i) => (
            <li key={r.id} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseDown={() => pick(r)} onMouseEnter={() => setActive(i)}>
              <span className="dot" style={{ background: TYPE_STYLE[r.type]?.color }} />
              <span className="result-label">{r.label}</span>
              <span className="result-detail">{r.type}{r.detail ? ` · ${r.detail}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
      {open && q.trim().length >= 2 && results.length === 0 && !error && <div className="search-results empty">No match for “{q}”.</div>}
    </div>
  );
}
