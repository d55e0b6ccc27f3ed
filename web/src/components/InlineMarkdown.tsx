// Inline Markdown in paper text (abstracts and digest summaries): **bold**, *italic*, `code` and [text](https://…)
// links become elements; everything else, including unmatched markers and any HTML, stays plain text.
import type { ReactNode } from 'react';

const TOKEN = /\*\*([^*\n]+?)\*\*|(?<![*\w])\*([^*\s](?:[^*\n]*?[^*\s])?)\*(?![*\w])|`([^`\n]+)`|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;

/** The text split into plain strings and elements for the inline Markdown it contains. */
export function inlineMarkdown(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index!;
    if (at > last) out.push(text.slice(last, at));
    const key = out.length;
    if (m[1] !== undefined) out.push(<strong key={key}>{m[1]}</strong>);
    else if (m[2] !== undefined) out.push(<em key={key}>{m[2]}</em>);
    else if (m[3] !== undefined) out.push(<code key={key}>{m[3]}</code>);
    else out.push(<a key={key} href={m[5]} target="_blank" rel="noreferrer">{m[4]}</a>);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function InlineMarkdown({ text }: { text: string }) {
  return <>{inlineMarkdown(text)}</>;
}
