import { describe, expect, it } from 'vitest';
import type { GNode } from '../../web/src/api/types.ts';
import { COLOURED_COMMUNITIES, communityColors, communityGroups, OTHER_COMMUNITIES } from '../../web/src/graph/communities.ts';
import { COMMUNITY_COLORS } from '../../web/src/graph/style.ts';

const author = (id: string, community?: number, communityName?: string): GNode => ({
  id: `author:${id}`,
  type: 'author',
  label: id,
  props: { ...(community === undefined ? {} : { community }), ...(communityName === undefined ? {} : { communityName }) },
});

describe('communityGroups', () => {
  it('groups authors by community, largest first, named as stored, coloured in rank order', () => {
    const nodes = [
      author('a', 4, 'Chanjae Park · Agent & medical'),
      author('b', 4, 'Chanjae Park · Agent & medical'),
      author('c', 13, 'Eunho Yang · Reasoning'),
      author('d', 2, ''),
      author('e'), // no community: left out
      { id: 'paper:x', type: 'paper', label: 'x', props: { community: 4 } } as GNode, // not an author: left out
      author('f', 13, 'Eunho Yang · Reasoning'),
      author('g', 13, 'Eunho Yang · Reasoning'),
    ];
    expect(communityGroups(nodes)).toEqual([
      { community: 13, name: 'Eunho Yang · Reasoning', color: COMMUNITY_COLORS[0], members: ['author:c', 'author:f', 'author:g'] },
      { community: 4, name: 'Chanjae Park · Agent & medical', color: COMMUNITY_COLORS[1], members: ['author:a', 'author:b'] },
      { community: 2, name: 'Community 2', color: COMMUNITY_COLORS[2], members: ['author:d'] },
    ]);
  });

  it('orders equal sizes by name, and has nothing for a graph without communities', () => {
    expect(communityGroups([author('a', 1, 'Zed'), author('b', 0, 'Ann')]).map((g) => g.name)).toEqual(['Ann', 'Zed']);
    expect(communityGroups([author('a'), author('b')])).toEqual([]);
  });

  it('gives the largest communities distinct colours and the rest one grey, never a colour twice', () => {
    // community i has 30 − i authors: ranks follow i
    const nodes = Array.from({ length: 20 }, (_, i) => Array.from({ length: 30 - i }, (_, j) => author(`c${i}-${j}`, i, `C${String(i).padStart(2, '0')}`))).flat();
    const groups = communityGroups(nodes);
    expect(COLOURED_COMMUNITIES).toBe(11);
    const coloured = groups.slice(0, COLOURED_COMMUNITIES).map((g) => g.color);
    expect(new Set(coloured).size).toBe(COLOURED_COMMUNITIES);
    expect(coloured).not.toContain(OTHER_COMMUNITIES);
    expect(groups.slice(COLOURED_COMMUNITIES).every((g) => g.color === OTHER_COMMUNITIES)).toBe(true);
    expect(communityColors(nodes).get(0)).toBe(COMMUNITY_COLORS[0]);
    expect(communityColors(nodes).get(19)).toBe(OTHER_COMMUNITIES);
  });
});
