// The HTTP contract as the web app sees it (mirrors server/API.md); the app never imports server code.
export type NodeType = 'paper' | 'author' | 'repo' | 'resource' | 'tag' | 'topic' | 'source';
export const NODE_TYPES: NodeType[] = ['paper', 'author', 'topic', 'tag', 'repo', 'resource', 'source'];

export interface GNode {
  id: string;
  type: NodeType;
  label: string;
  props: Record<string, unknown>;
  degree?: number;
}
export interface GEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
}
export interface Graph {
  nodes: GNode[];
  edges: GEdge[];
  truncated: boolean;
}
export interface SearchResult {
  id: string;
  type: NodeType;
  label: string;
  score: number;
  detail?: string;
}
export interface NodeDetails {
  node: GNode;
  degrees: Record<string, number>;
  provenance: { source: string; line: number; format: string }[];
  authors?: { id: string; name: string; position: number }[];
  topics?: { id: string; label: string; score: number; primary: boolean; level: number }[];
  tags?: { id: string; name: string }[];
  repos?: { id: string; url: string }[];
  resources?: { id: string; url: string; kind: string }[];
  papers?: { id: string; title: string; date: string | null }[];
}
export interface Topic {
  id: string;
  label: string;
  terms: string[];
  size: number;
  level: number;
  parent: string | null;
  pinned: boolean;
  /** `YYYY-MM-DD`: the mean date of its dated papers (each at the middle of its month), null when none is dated. */
  meanDate: string | null;
  /** Its dated papers. */
  dated: number;
}
export interface TopicMap {
  topics: Topic[];
  links: { source: string; target: string; weight: number; similar: number }[];
}
export interface TopicPage {
  topic: Topic;
  subtopics: Topic[];
  papers: { id: string; title: string; score: number; primary: boolean; date: string | null }[];
  topAuthors: { id: string; name: string; papers: number }[];
  monthly: { month: string; papers: number }[];
}
export interface Reason {
  kind: 'terms' | 'authors' | 'topic' | 'repo' | 'tags';
  score: number;
  items: string[];
}
export interface RelatedAnswer {
  /** The paper itself; `date` is its date, else its month, null when unknown. */
  paper: { id: string; title: string; date: string | null };
  related: { id: string; title: string; date: string | null; score: number; reasons: Reason[] }[];
}
export interface PathStep {
  from: GNode;
  rel: string;
  direction: 'out' | 'in';
  to: GNode;
  why: string;
}
/** The papers two authors wrote together (newest first) behind their co-author edge. */
export interface CoauthorPair {
  a: string;
  b: string;
  weight: number;
  papers: { id: string; title: string; date: string | null }[];
}
export interface PathsAnswer {
  paths: { length: number; steps: PathStep[] }[];
  graph: Graph;
  /** Interior nodes with more relationships than this are not crossed. */
  maxDegree: number;
}
export interface Stats {
  labels: Record<string, number>;
  relationships: Record<string, number>;
  topTags: { id: string; name: string; papers: number }[];
  topTopics: { id: string; label: string; size: number; level: number }[];
  propertyKeys: string[];
}
export type ParamType = 'string' | 'int' | 'float' | 'bool' | 'date' | 'node';
export interface QueryParam {
  name: string;
  type: ParamType;
  default?: string | number | boolean | null;
  description: string;
  label?: NodeType;
}
export interface SavedQuery {
  name: string;
  title: string;
  description: string;
  params: QueryParam[];
  view: 'graph' | 'table';
  layout?: string;
  query: string;
  user: boolean;
}
export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  graph: Graph;
  view: 'graph' | 'table';
  truncated: boolean;
  ms: number;
}
