// The co-author view's colour key: each community on the canvas with its name and how many of its authors are shown;
// pointing at one fades the others on the canvas, clicking keeps it so.
import { useEffect, useState } from 'react';
import { emphasise } from '../canvas/cy.ts';
import { COLOURED_COMMUNITIES, communityGroups, OTHER_COMMUNITIES } from '../graph/communities.ts';
import { useApp } from '../store/index.ts';

/** Communities listed one by one (those with a colour of their own); the rest, grey on the canvas, share a line. */
const SHOWN = COLOURED_COMMUNITIES;

export function CommunityLegend() {
  const nodes = useApp((s) => s.graph.nodes);
  const groups = communityGroups(nodes);
  const [held, setHeld] = useState<number | null>(null);
  const key = groups.map((g) => `${g.community}:${g.members.length}`).join(',');
  // A new network drops the held community (its members changed).
  useEffect(() => {
    setHeld(null);
    emphasise(null);
  }, [key]);
  useEffect(() => () => emphasise(null), []);
  if (groups.length === 0) return null;
  const heldGroup = groups.find((g) => g.community === held) ?? null;
  const show = (members: string[] | null) => emphasise(members ?? heldGroup?.members ?? null);
  const rest = groups.slice(SHOWN);
  return (
    <section>
      <h3>Communities</h3>
      <ul className="legend" data-testid="community-legend">
        {groups.slice(0, SHOWN).map((g) => (
          <li key={g.community}>
            <button
              className={held === g.community ? 'legend-item held' : 'legend-item'}
              aria-pressed={held === g.community}
              title={held === g.community ? 'Show every community' : `Show only ${g.name}`}
              onMouseEnter={() => show(g.members)}
              onMouseLeave={() => show(null)}
              onFocus={() => show(g.members)}
              onBlur={() => show(null)}
              onClick={() => {
                const next = held === g.community ? null : g.community;
                setHeld(next);
                emphasise(next === null ? null : g.members);
              }}
            >
              <span className="swatch" style={{ background: g.color }} />
              <span className="legend-name">{g.name}</span>
              <span className="count">{g.members.length}</span>
            </button>
          </li>
        ))}
      </ul>
      {rest.length > 0 && (
        <ul className="legend">
          <li>
            <button
              className="legend-item"
              data-testid="community-rest"
              title="Show only the smaller communities (grey)"
              onMouseEnter={() => show(rest.flatMap((g) => g.members))}
              onMouseLeave={() => show(null)}
              onFocus={() => show(rest.flatMap((g) => g.members))}
              onBlur={() => show(null)}
            >
              <span className="swatch" style={{ background: OTHER_COMMUNITIES }} />
              <span className="legend-name">
                {rest.length} smaller {rest.length === 1 ? 'community' : 'communities'}
              </span>
              <span className="count">{rest.reduce((n, g) => n + g.members.length, 0)}</span>
            </button>
          </li>
        </ul>
      )}
    </section>
  );
}
