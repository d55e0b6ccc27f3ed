// The format registry: detection by content (extension as a hint) and parsing by name.
// A new format is one new adapter file plus one line here.
import type { FormatAdapter, FormatName, ParseResult } from '../types.ts';
import { digestMarkdown } from './digest-md.ts';
import { jsonExport } from './json.ts';
import { listingText } from './listing-text.ts';

export const ADAPTERS: readonly FormatAdapter[] = [jsonExport, digestMarkdown, listingText];

/** The most likely format of `text`, or null when no adapter is reasonably confident. */
export function detectFormat(text: string, file: string): FormatName | null {
  let best: { name: FormatName; score: number } | null = null;
  for (const a of ADAPTERS) {
    const score = a.detect(text, file);
    if (score > (best?.score ?? 0)) best = { name: a.name, score };
  }
  return best && best.score >= 0.3 ? best.name : null;
}

/** Parses `text` with the named adapter. */
export function parseAs(format: FormatName, text: string, file: string): ParseResult {
  const adapter = ADAPTERS.find((a) => a.name === format);
  if (!adapter) throw new RangeError(`parseAs: unknown format ${format}`);
  return adapter.parse(text, file);
}
