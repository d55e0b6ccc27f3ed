// Table columns by meaning: header names (and their common variants) map to the fields a record needs.
// Also splits a raw Markdown row into cells, honouring escaped pipes.

export type Column = 'title' | 'authors' | 'summary' | 'abstract' | 'tags' | 'links' | 'url' | 'date';

const NAMES: [RegExp, Column][] = [
  [/^(title|paper|papers|paper title|name)$/, 'title'],
  [/^(authors?|author list|by)$/, 'authors'],
  [/^(summary|tldr|tl dr|highlights|key points)$/, 'summary'],
  [/^(abstract|description)$/, 'abstract'],
  [/^(classification|classifications|tags?|categories|category|labels?|topics?|keywords)$/, 'tags'],
  [/^(github urls?|github|code|repo|repos|repository|repositories|huggingface urls?|hugging face urls?|hf urls?|huggingface|hugging face|hf|artifacts|resources|models?|datasets?|project( page)?|links)$/, 'links'],
  [/^(link|url|arxiv|arxiv link|arxiv url|pdf|paper link|paper url|source)$/, 'url'],
  [/^(date|published|day)$/, 'date'],
];

/** The column a header cell names, or null for a column the loader does not use. */
export function columnOf(header: string): Column | null {
  const key = header.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  for (const [re, column] of NAMES) if (re.test(key)) return column;
  return null;
}

/** Splits `| a | b \| c |` into raw cell strings (escaped `\|` kept inside a cell). */
export function splitRow(row: string): string[] {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '|') {
      current += '\\|';
      i++;
    } else if (ch === '|') {
      cells.push(current.trim());
      current = '';
    } else current += ch;
  }
  cells.push(current.trim());
  return cells;
}
