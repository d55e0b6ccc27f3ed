// The one page: top bar, left rail, canvas, details drawer, status line; keyboard shortcuts; the start picture.
import { useEffect } from 'react';
import { api } from './api/client.ts';
import { fit } from './canvas/cy.ts';
import { Canvas } from './components/Canvas.tsx';
import { Drawer } from './components/Drawer.tsx';
import { LeftRail } from './components/LeftRail.tsx';
import { ResultPanel } from './components/ResultTable.tsx';
import { StatusLine } from './components/StatusLine.tsx';
import { TopBar } from './components/TopBar.tsx';
import { appStore, useApp } from './store/index.ts';
import { loadTopics, restoreFromUrl } from './views/actions.ts';

function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes((e.target as HTMLElement).tagName) || (e.target as HTMLElement).isContentEditable;
      if (typing) return;
      const s = appStore.getState();
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
      } else if (e.key === 'f') fit();
      else if (e.key === 'Escape') s.select(null);
      else if ((e.key === 'Delete' || e.key === 'Backspace') && s.selection?.kind === 'node') s.hide([s.selection.id]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function App() {
  const view = useApp((s) => s.view);
  useShortcuts();
  useEffect(() => {
    void (async () => {
      const restored = await restoreFromUrl(window.location.search);
      if (!restored) {
        // Start picture: the topic map, so the field's shape is the first thing on screen.
        appStore.getState().setView('topics');
        await loadTopics();
        api.stats().then((s) => appStore.getState().setNotice(`${s.labels.Paper ?? 0} papers · ${s.labels.Author ?? 0} authors · ${s.labels.Topic ?? 0} topics loaded`)).catch(() => {});
      }
    })();
  }, []);
  return (
    <div className={`app view-${view}`}>
      <TopBar />
      <LeftRail />
      <div className="centre">
        <Canvas />
        {view === 'queries' && <ResultPanel />}
      </div>
      <Drawer />
      <StatusLine />
    </div>
  );
}
