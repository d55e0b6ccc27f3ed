// The co-author view's communities: which communities the authors on the canvas belong to, largest first, and the
// colour each gets. The largest ones get a colour of their own (the palette's distinct colours, in rank order); the
// rest share one grey, as VOSviewer greys its small clusters: cycling the palette would give two communities the
// same colour. Pure.
import type { GNode } from '../api/types.ts';
import { COMMUNITY_COLORS } from './style.ts';

/** The colour shared by communities beyond the palette (the palette's own grey is kept for them). */
export const OTHER_COMMUNITIES = '#b8bec6';
const PALETTE = COMMUNITY_COLORS.filter((c) => c !== '#999999');
/** How many communities get a colour of their own. */
export const COLOURED_COMMUNITIES = PALETTE.length;

export interface CommunityGroup {
  community: number;
  /** The community's readable name (its most central author · dominant topic), or "Community N". */
  name: string;
  color: string;
  /** Ids of its authors on the canvas. */
  members: string[];
}

/**
 * Communities of the authors among `nodes` (authors without one are left out), most members first, then by name
 * and id; the first COLOURED_COMMUNITIES coloured in palette order, the rest OTHER_COMMUNITIES.
 */
export function communityGroups(nodes: GNode[]): CommunityGroup[] {
  const byId = new Map<number, CommunityGroup>();
  for (const n of nodes) {
    const c = n.props.community;
    if (n.type !== 'author' || typeof c !== 'number') continue;
    let g = byId.get(c);
    if (!g) {
      const name = typeof n.props.communityName === 'string' && n.props.communityName.trim() ? n.props.communityName.trim() : `Community ${c}`;
      g = { community: c, name, color: OTHER_COMMUNITIES, members: [] };
      byId.set(c, g);
    }
    g.members.push(n.id);
  }
  const groups = [...byId.values()].sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name) || a.community - b.community);
  groups.forEach((g, i) => (g.color = PALETTE[i] ?? OTHER_COMMUNITIES));
  return groups;
}

/** Community → colour for the authors among `nodes` (what the canvas and the legend show). */
export function communityColors(nodes: GNode[]): Map<number, string> {
  return new Map(communityGroups(nodes).map((g) => [g.community, g.color]));
}
