// Papers and topics coloured by time, the way VOSviewer's overlay colours items by year: the earliest on the canvas
// dark blue, the latest yellow (viridis, readable in greyscale and by colour-blind eyes), undated ones grey. A paper
// has its date (else its month, counted at the middle of the month); a topic the mean date of its papers (the
// loader's `meanDate`): which topics are newer. With 20 or more dated nodes the scale runs from the 5th to the 95th
// percentile, so one outlier cannot squeeze everything else into one colour. Pure.
import type { GNode } from '../api/types.ts';

/** Viridis at five stops, earliest to latest. */
export const MONTH_STOPS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;
/** Nodes with no date. */
export const NO_MONTH = '#c3c9d1';
/** From this many dated nodes up, the scale is clipped to the 5th–95th percentile. */
export const CLIP_FROM = 20;

const TIME = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
/**
 * A `YYYY-MM` month or `YYYY-MM-DD` date as months since year 0: a month at its middle, a date at its place in its
 * month (null for anything else).
 */
export function monthsOf(value: unknown): number | null {
  const m = typeof value === 'string' ? TIME.exec(value) : null;
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] === undefined ? null : Number(m[3]);
  if (day !== null && (day < 1 || day > days)) return null;
  return year * 12 + (month - 1) + (day === null ? 0.5 : (day - 0.5) / days);
}

/** `YYYY-MM` of a value from `monthsOf`. */
export const monthLabel = (x: number): string => `${Math.floor(Math.floor(x) / 12)}-${String((Math.floor(x) % 12) + 1).padStart(2, '0')}`;

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

/** The time a node is coloured by: a paper's date or month, a topic's mean date; other types have none. */
export function monthOf(n: GNode): unknown {
  if (n.type === 'paper') return n.props.date ?? n.props.month;
  if (n.type === 'topic') return n.props.meanDate;
  return undefined;
}

/** Node types coloured by time. */
export const DATED_TYPES = new Set(['paper', 'topic']);

export interface MonthScale {
  /** Months (`YYYY-MM`) at the two ends of the colour bar, null when nothing is dated. */
  first: string | null;
  last: string | null;
  /** Whether some nodes lie before the first / after the last end (they take the end's colour). */
  earlier: boolean;
  later: boolean;
  /** Papers and topics with a time, and without. */
  dated: number;
  undated: number;
  /** The colour of a time value (NO_MONTH without one; the middle colour when every node has the same time). */
  colour: (value: unknown) => string;
}

const quantile = (sorted: number[], q: number) => {
  const at = (sorted.length - 1) * q;
  const i = Math.floor(at);
  return sorted[i]! + (sorted[Math.min(sorted.length - 1, i + 1)]! - sorted[i]!) * (at - i);
};

/** The time scale of the papers and topics among `nodes`. */
export function monthScale(nodes: GNode[]): MonthScale {
  const times: number[] = [];
  let undated = 0;
  for (const n of nodes) {
    if (!DATED_TYPES.has(n.type)) continue;
    const x = monthsOf(monthOf(n));
    if (x === null) undated++;
    else times.push(x);
  }
  times.sort((a, b) => a - b);
  const clip = times.length >= CLIP_FROM;
  const lo = times.length === 0 ? 0 : clip ? quantile(times, 0.05) : times[0]!;
  const hi = times.length === 0 ? 0 : clip ? quantile(times, 0.95) : times[times.length - 1]!;
  const colour = (value: unknown) => {
    const x = monthsOf(value);
    if (x === null) return NO_MONTH;
    return viridis(hi > lo ? (x - lo) / (hi - lo) : 0.5);
  };
  return {
    first: times.length ? monthLabel(lo) : null,
    last: times.length ? monthLabel(hi) : null,
    earlier: times.length > 0 && times[0]! < lo,
    later: times.length > 0 && times[times.length - 1]! > hi,
    dated: times.length,
    undated,
    colour,
  };
}
