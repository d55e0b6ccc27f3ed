// The store's pure state creator (slices and actions) and the URL serialiser round trip.
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createAppState, type AppState } from '../../web/src/store/index.ts';
import { fromSearch, toSearch } from '../../web/src/url.ts';

const graph = { nodes: [{ id: 'author:a', type: 'author' as const, label: 'A', props: {} }], edges: [], truncated: false };

describe('app store', () => {
  it('adds, hides, undoes and redoes graph changes', () => {
    const s = createStore<AppState>()(createAppState);
    s.getState().setGraph(graph);
    expect(s.getState().graph.nodes).toHaveLength(1);
    s.getState().hide(['author:a']);
    expect(s.getState().graph.nodes).toHaveLength(0);
    s.getState().undo();
    expect(s.getState().graph.nodes).toHaveLength(1);
    s.getState().redo();
    expect(s.getState().graph.nodes).toHaveLength(0);
  });

  it('keeps view settings in range and toggles types', () => {
    const s = createStore<AppState>()(createAppState);
    s.getState().setDepth(9);
    expect(s.getState().depth).toBe(3);
    expect(s.getState().hiddenTypes).toEqual(['source']);
    s.getState().toggleType('source');
    s.getState().toggleType('tag');
    expect(s.getState().hiddenTypes).toEqual(['tag']);
    s.getState().busy(1);
    s.getState().busy(-1);
    s.getState().busy(-1);
    expect(s.getState().loading).toBe(0);
  });
});

describe('URL state', () => {
  it('round-trips an exploration', () => {
    const state = { view: 'explore', focus: 'paper:arxiv:2505.16056', only: 'tag:natural language processing', depth: 2, layout: 'fcose', colour: 'month', params: {}, expanded: ['author:a b', 'topic:t-1'] };
    expect(toSearch(state)).toContain('colour=month');
    expect(fromSearch(toSearch(state))).toEqual(state);
    // papers coloured by type (the default) leave the link alone
    expect(toSearch({ ...state, colour: 'type' })).not.toContain('colour');
  });

  it('keeps every saved-query parameter, even ones named like view settings', () => {
    const search = toSearch({ view: 'queries', query: 'coauthors-of', params: { author: 'eunho yang', depth: '1' }, expanded: [] });
    expect(search).toBe('?view=queries&query=coauthors-of&author=eunho+yang&depth=1');
    expect(fromSearch(search)).toEqual({ view: 'queries', query: 'coauthors-of', params: { author: 'eunho yang', depth: '1' }, expanded: [] });
  });
});
