// "Colour by": type, or time — the overlay VOSviewer draws by year: a paper by its date or month, a topic by the mean
// date of its papers. With time, a colour bar from the earliest to the latest month on the canvas (the 5th to 95th
// percentile from 20 dated nodes: "≤" / "≥" mark ends that others lie beyond), and how many have no date.
import { shownGraph } from '../canvas/cy.ts';
import { MONTH_STOPS, monthScale, NO_MONTH } from '../graph/months.ts';
import { useApp, type PaperColour } from '../store/index.ts';
import { syncUrl } from '../views/actions.ts';

export function PaperColourControl() {
  const colour = useApp((s) => s.paperColour);
  const setColour = useApp((s) => s.setPaperColour);
  const graph = useApp((s) => s.graph);
  const hiddenTypes = useApp((s) => s.hiddenTypes);
  const dateFrom = useApp((s) => s.dateFrom);
  const dateTo = useApp((s) => s.dateTo);
  const only = useApp((s) => s.only);
  const months = colour === 'month' ? monthScale(shownGraph({ graph, hiddenTypes, dateFrom, dateTo, only }).nodes) : null;
  return (
    <section>
      <h3>Colour by</h3>
      <select
        aria-label="Colour by"
        data-testid="paper-colour"
        value={colour}
        onChange={(e) => {
          setColour(e.target.value as PaperColour);
          syncUrl();
        }}
      >
        <option value="type">Type</option>
        <option value="month">Month (older → newer)</option>
      </select>
      {months && (
        <div className="month-legend" data-testid="month-legend">
          {months.first ? (
            <>
              <div className="month-bar" style={{ background: `linear-gradient(to right, ${MONTH_STOPS.join(', ')})` }} />
              <div className="month-ends">
                <span title={months.earlier ? 'Earlier ones take this colour too' : undefined}>{months.earlier ? '≤ ' : ''}{months.first}</span>
                <span title={months.later ? 'Later ones take this colour too' : undefined}>{months.later ? '≥ ' : ''}{months.last}</span>
              </div>
              <p className="hint">Papers by their date, topics by their papers' mean date.</p>
            </>
          ) : (
            <p className="hint">Nothing on the canvas has a month.</p>
          )}
          {months.undated > 0 && (
            <div className="month-none">
              <span className="swatch" style={{ background: NO_MONTH }} /> no month · {months.undated}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
