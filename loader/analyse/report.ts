// Text report of the topic tree for the load summary: label, size and top terms, coarse topics with their children.
import type { Analysis } from '../types.ts';

export function formatTopicTree(analysis: Pick<Analysis, 'topics'>): string {
  const lines: string[] = [];
  const top = analysis.topics.filter((t) => t.level === 0).sort((a, b) => b.size - a.size);
  for (const t of top) {
    lines.push(`● ${t.label} (${t.size}) — ${t.terms.slice(0, 6).join(', ')}`);
    for (const c of analysis.topics.filter((x) => x.parent === t.id).sort((a, b) => b.size - a.size)) {
      lines.push(`    ○ ${c.label} (${c.size})${c.pinned ? ' [pinned]' : ''} — ${c.terms.slice(0, 5).join(', ')}`);
    }
  }
  return lines.join('\n');
}
