// The user's topic steering file (loader/topics.yaml): pinned topics by seed terms, and renames of generated ones.
// Missing file → no steering; a malformed file → a clear error naming it.
import fs from 'node:fs';
import { parse } from 'yaml';

export interface TopicPin {
  id: string;
  label: string;
  /** Seed terms (words or phrases) that pull papers into this topic. */
  terms: string[];
  /** Minimum number of distinct seed terms a paper must mention (default 2). */
  minMatches: number;
}

export interface TopicConfig {
  pins: TopicPin[];
  /** Generated topic id, or a generated label (case-insensitive), → new label. */
  rename: Record<string, string>;
}

export const EMPTY_CONFIG: TopicConfig = { pins: [], rename: {} };

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Parses the YAML text of a topics file. */
export function parseTopicConfig(text: string, file = 'topics.yaml'): TopicConfig {
  const doc = (parse(text) ?? {}) as { pins?: unknown; rename?: unknown };
  const pins: TopicPin[] = [];
  if (doc.pins !== undefined && !Array.isArray(doc.pins)) throw new Error(`${file}: "pins" must be a list`);
  for (const [i, raw] of ((doc.pins as unknown[]) ?? []).entries()) {
    const p = raw as { id?: unknown; label?: unknown; terms?: unknown; minMatches?: unknown };
    if (typeof p.label !== 'string' || !Array.isArray(p.terms) || p.terms.length === 0) {
      throw new Error(`${file}: pin ${i + 1} needs a "label" and a non-empty "terms" list`);
    }
    pins.push({
      id: typeof p.id === 'string' ? p.id : `t-${slug(p.label)}`,
      label: p.label,
      terms: p.terms.map(String),
      minMatches: typeof p.minMatches === 'number' ? p.minMatches : 2,
    });
  }
  const rename = (doc.rename ?? {}) as Record<string, unknown>;
  return { pins, rename: Object.fromEntries(Object.entries(rename).map(([k, v]) => [k.toLowerCase(), String(v)])) };
}

/** Reads a topics file; no file means no steering. */
export function readTopicConfig(file: string): TopicConfig {
  if (!fs.existsSync(file)) return EMPTY_CONFIG;
  return parseTopicConfig(fs.readFileSync(file, 'utf8'), file);
}
