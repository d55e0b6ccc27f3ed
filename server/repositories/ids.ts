// The API's global node ids (`<type>:<key>`), the closed type ↔ label map, and node → GNode conversion.
// Labels only ever come from this map, never from user input.
import { BadParameterError } from '../errors.ts';
import type { Plain } from './plain.ts';

export const TYPE_LABEL = {
  paper: 'Paper',
  author: 'Author',
  topic: 'Topic',
  repo: 'Repo',
  resource: 'Resource',
  tag: 'Tag',
  source: 'Source',
} as const;

export type NodeType = keyof typeof TYPE_LABEL;
export type NodeLabel = (typeof TYPE_LABEL)[NodeType];
export const NODE_TYPES = Object.keys(TYPE_LABEL) as NodeType[];
const LABEL_TYPE = Object.fromEntries(Object.entries(TYPE_LABEL).map(([t, l]) => [l, t])) as Record<NodeLabel, NodeType>;

export const REL_TYPES = ['AUTHORED', 'COAUTHORED_WITH', 'HAS_CODE', 'HAS_RESOURCE', 'TAGGED', 'IN_TOPIC', 'SUBTOPIC_OF', 'SIMILAR_TO', 'FROM_SOURCE'] as const;
export type RelType = (typeof REL_TYPES)[number];

export interface GNode {
  id: string;
  type: NodeType;
  label: string;
  props: Record<string, Plain>;
  degree?: number;
}

export interface GEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, Plain>;
}

export interface Graph {
  nodes: GNode[];
  edges: GEdge[];
  truncated: boolean;
}

export interface ParsedId {
  type: NodeType;
  label: NodeLabel;
  key: string;
}

/** Parses `<type>:<key>`; throws BadParameterError naming `param` when malformed. */
export function parseId(id: string, param = 'id'): ParsedId {
  const i = id.indexOf(':');
  const type = i > 0 ? id.slice(0, i) : '';
  const key = i > 0 ? id.slice(i + 1) : '';
  if (!(type in TYPE_LABEL) || key.length === 0 || key.length > 2000) {
    throw new BadParameterError(param, `must be a node id like "paper:arxiv:2505.16056" or "author:eunho yang" (types: ${NODE_TYPES.join(', ')})`);
  }
  return { type: type as NodeType, label: TYPE_LABEL[type as NodeType], key };
}

export function typeOfLabels(labels: Plain): NodeType | null {
  const list = Array.isArray(labels) ? labels : [];
  for (const l of list) if (typeof l === 'string' && l in LABEL_TYPE) return LABEL_TYPE[l as NodeLabel];
  return null;
}

/** Short display text for a node. */
export function displayLabel(type: NodeType, props: Record<string, Plain>): string {
  const s = (k: string) => (typeof props[k] === 'string' ? (props[k] as string) : '');
  switch (type) {
    case 'paper':
      return s('title');
    case 'author':
      return s('name');
    case 'topic':
      return s('label');
    case 'repo':
      return `${s('owner')}/${s('name')}`;
    case 'tag':
      return s('name');
    default:
      return s('id');
  }
}

/** Builds a GNode from labels + properties (as returned by `labels(n) AS labels, properties(n) AS props`). */
export function toGNode(labels: Plain, props: Plain, degree?: Plain): GNode | null {
  const type = typeOfLabels(labels);
  if (!type || !props || typeof props !== 'object' || Array.isArray(props)) return null;
  const p = props as Record<string, Plain>;
  // bookkeeping the loader keeps for itself (change detection, identity, search text, related work's facets) is not shown
  const { hash: _hash, titleKey: _tk, termText: _tt, primaryTopic: _pt, tagIds: _ti, ...visible } = p;
  return { id: `${type}:${String(p.id)}`, type, label: displayLabel(type, p), props: visible, ...(typeof degree === 'number' ? { degree } : {}) };
}

export function edgeId(type: string, source: string, target: string): string {
  return `${type}:${source}->${target}`;
}

/** Cypher fragment returning a node map usable by toGNode: `{labels, props, degree}`. */
export const NODE_MAP = (v: string) => `{labels: labels(${v}), props: properties(${v}), degree: COUNT { (${v})--() }}`;

export function nodeFromMap(m: Plain): GNode | null {
  if (!m || typeof m !== 'object' || Array.isArray(m)) return null;
  const o = m as Record<string, Plain>;
  return toGNode(o.labels ?? null, o.props ?? null, o.degree ?? undefined);
}
