// A small SVG sparkline of papers per month.
export function Sparkline({ points }: { points: { month: string; papers: number }[] }) {
  if (points.length === 0) return <p className="hint">No dated papers.</p>;
  const total = points.reduce((n, p) => n + p.papers, 0);
  const plural = (n: number) => `${n} dated paper${n === 1 ? '' : 's'}`;
  // One month is a point, not a trend: say it in words.
  if (points.length === 1) return <p className="hint" data-testid="sparkline">{plural(total)}, all from {points[0]!.month}.</p>;
  const peak = points.reduce((a, b) => (b.papers > a.papers ? b : a));
  const w = 240;
  const h = 40;
  const max = Math.max(...points.map((p) => p.papers), 1);
  const step = points.length > 1 ? w / (points.length - 1) : w;
  const coords = points.map((p, i) => `${points.length > 1 ? i * step : w / 2},${h - (p.papers / max) * (h - 4) - 2}`);
  return (
    <figure className="sparkline" data-testid="sparkline" aria-label={`Papers per month: ${points.map((p) => `${p.month} ${p.papers}`).join(', ')}`}>
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`}>
        <polyline points={coords.join(' ')} fill="none" stroke="#009E73" strokeWidth={2} />
        {coords.map((c, i) => <circle key={i} cx={c.split(',')[0]} cy={c.split(',')[1]} r={2.5} fill="#009E73" />)}
      </svg>
      <figcaption>{points[0]!.month} – {points[points.length - 1]!.month} · {plural(total)} · peak {peak.papers} in {peak.month}</figcaption>
    </figure>
  );
}
