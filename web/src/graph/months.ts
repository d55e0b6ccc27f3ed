// Papers and topics coloured by month, the way VOSviewer's overlay colours items by year: the earliest month on the
// canvas dark blue, the latest yellow (viridis, readable in greyscale and by colour-blind eyes), undated ones grey. A
// paper has its month; a topic the mean month of its papers (the loader's `meanMonth`): which topics are newer.
// Pure: the scale of what is on the canvas, and a colour per month.
import type { GNode } from '../api/types.ts';

/** Viridis at five stops, earliest to latest. */
export const MONTH_STOPS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;
/** Papers with no month. */
export const NO_MONTH = '#c3c9d1';

const MONTH = /^(\d{4})-(\d{2})$/;
/** A `YYYY-MM` month as a count of months (null for anything else). */
export function monthIndex(month: unknown): number | null {
  const m = typeof month === 'string' ? MONTH.exec(month) : null;
  if (!m) return null;
  const mm = Number(m[2]);
  return mm >= 1 && mm <= 12 ? Number(m[1]) * 12 + (mm - 1) : null;
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const toHex = (rgb: number[]) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** The viridis colour at t ∈ [0, 1] (linear between the stops). */
export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (MONTH_STOPS.length - 1);
  const i = Math.min(MONTH_STOPS.length - 2, Math.floor(x));
  const a = hex(MONTH_STOPS[i]!);
  const b = hex(MONTH_STOPS[i + 1]!);
  return toHex(a.map((v, k) => v + (b[k]! - v) * (x - i)));
}

/** The month a node is coloured by: a paper's month, a topic's mean month; other types have none. */
export function monthOf(n: GNode): unknown {
  if (n.type === 'paper') return n.props.month;
  if (n.type === 'topic') return n.props.meanMonth;
  return undefined;
}

/** Node types coloured by month. */
export const DATED_TYPES = new Set(['paper', 'topic']);

export interface MonthScale {
  /** Earliest and latest month of the papers and topics (`YYYY-MM`), null when none has one. */
  first: string | null;
  last: string | null;
  /** Papers and topics with a month, and without. */
  dated: number;
  undated: number;
  /** The colour of a paper's month (NO_MONTH without one; the middle colour when every paper has the same month). */
  colour: (month: unknown) => string;
}

/** The month scale of the papers and topics among `nodes`. */
export function monthScale(nodes: GNode[]): MonthScale {
  let lo = Infinity;
  let hi = -Infinity;
  let first: string | null = null;
  let last: string | null = null;
  let dated = 0;
  let undated = 0;
  for (const n of nodes) {
    if (!DATED_TYPES.has(n.type)) continue;
    const month = monthOf(n);
    const i = monthIndex(month);
    if (i === null) {
      undated++;
      continue;
    }
    dated++;
    if (i < lo) [lo, first] = [i, month as string];
    if (i > hi) [hi, last] = [i, month as string];
  }
  const colour = (month: unknown) => {
    const i = monthIndex(month);
    if (i === null) return NO_MONTH;
    return viridis(hi > lo ? (i - lo) / (hi - lo) : 0.5);
  };
  return { first, last, dated, undated, colour };
}
