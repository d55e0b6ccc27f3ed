// Typed boundaries between the loader's stages: formats → resolve → analyse → write.
// Adapters produce PaperRecords; resolve produces a ResolvedCorpus; analyse produces an Analysis. None import neo4j-driver.

/** The input formats the loader understands. */
export type FormatName = 'digest-md' | 'listing-text' | 'json';

/** Where a record came from: the file as given to the loader and the 1-based line its row starts on. */
export interface SourceRef {
  file: string;
  line: number;
}

/** One paper as one source describes it, before identities are resolved. */
export interface PaperRecord {
  /** Display title: lines joined, page chrome and markdown removed, whitespace collapsed. Never empty. */
  title: string;
  /** arXiv id without version (`2505.16056`, `hep-th/9901001`), when the source gives one. */
  arxivId?: string;
  /** The paper's own link (arXiv abs page, HF papers page, …), when given. */
  url?: string;
  /** Abstract paragraph (listing pages, JSON `abstract`). */
  abstract?: string;
  /** Digest summary (bullet text), when given. */
  summary?: string;
  /** `YYYY-MM-DD` when the source gives a full date. */
  date?: string;
  /** `YYYY-MM` when the year is known. */
  month?: string;
  /** `MM-DD` when only a month and day are known (listing pages' `Sep 10`): no year is invented. */
  monthDay?: string;
  /** Author display names in the source's order (names or Hugging Face handles). */
  authors: string[];
  /** Classification labels as written. */
  tags: string[];
  /** Every code / artifact / project link given for the paper (GitHub, Hugging Face, project pages). */
  links: string[];
  source: SourceRef;
}

export type IssueSeverity = 'error' | 'warning';

/** A problem found in input: reported as `file:line: reason`. */
export interface LoadIssue {
  file: string;
  line: number;
  reason: string;
  severity: IssueSeverity;
}

/** What one adapter returns for one file. */
export interface ParseResult {
  format: FormatName;
  records: PaperRecord[];
  issues: LoadIssue[];
  /** Rows the file held (good and bad). */
  rows: number;
}

/** A format adapter: pure, knows nothing of Neo4j. */
export interface FormatAdapter {
  name: FormatName;
  /** Confidence 0..1 that `text` (from file `file`) is in this format. */
  detect(text: string, file: string): number;
  parse(text: string, file: string): ParseResult;
}

// ---- Resolved graph (node/relationship rows ready for the writer) ----

export interface PaperNode {
  /** `arxiv:<id>` when any source gives one, else `title:<normalised title>`. */
  id: string;
  title: string;
  abstract: string | null;
  summary: string | null;
  arxivId: string | null;
  url: string | null;
  /** `YYYY-MM-DD` or null. */
  date: string | null;
  /** `YYYY-MM` or null. */
  month: string | null;
  /** `MM-DD` when only month/day are known, else null. */
  monthDay: string | null;
  /** Source ids (file paths) that describe this paper, sorted. */
  sources: string[];
}

export interface AuthorNode {
  /** Normalised name: NFKD, marks removed, lower case, single spaces. */
  id: string;
  /** Display name as first seen (most frequent spelling wins when several). */
  name: string;
  /** A Hugging Face user name rather than a person's name. */
  isHandle: boolean;
}

export interface RepoNode {
  /** Canonical `https://github.com/owner/name` (lower case). */
  id: string;
  url: string;
  host: string;
  owner: string;
  name: string;
}

export type ResourceKind = 'model' | 'dataset' | 'space' | 'collection' | 'org' | 'page' | 'other';

export interface ResourceNode {
  /** Canonical URL. */
  id: string;
  url: string;
  kind: ResourceKind;
}

export interface TagNode {
  /** Lower-case name. */
  id: string;
  name: string;
}

export interface SourceNode {
  /** The file path as loaded (relative to cwd when inside it). */
  id: string;
  format: FormatName;
  sha256: string;
  rows: number;
  errors: number;
}

export interface AuthoredRel {
  author: string;
  paper: string;
  /** 0-based author position. */
  position: number;
}

export interface PaperLinkRel {
  paper: string;
  target: string;
}

export interface FromSourceRel {
  paper: string;
  source: string;
  line: number;
}

/** Everything the writer needs for the entity part of the graph. */
export interface ResolvedCorpus {
  papers: PaperNode[];
  authors: AuthorNode[];
  repos: RepoNode[];
  resources: ResourceNode[];
  tags: TagNode[];
  sources: SourceNode[];
  authored: AuthoredRel[];
  hasCode: PaperLinkRel[];
  hasResource: PaperLinkRel[];
  tagged: PaperLinkRel[];
  fromSource: FromSourceRel[];
  issues: LoadIssue[];
}

// ---- Analysis (derived from the whole graph's papers) ----

/** The per-paper input of analytics, read back from the graph so analysis always covers the whole corpus. */
export interface AnalysisPaper {
  id: string;
  title: string;
  abstract: string | null;
  summary: string | null;
  month: string | null;
  /** Author ids in order. */
  authors: string[];
  /** Repo ids. */
  repos: string[];
  /** Tag ids. */
  tags: string[];
}

export interface TopicNode {
  /** Stable id, e.g. `t-moe-routing` (pinned) or a content hash; kept across re-runs when the cluster did not change materially. */
  id: string;
  /** 2–4 readable words. */
  label: string;
  /** Top distinctive terms (readable words, not stems), best first. */
  terms: string[];
  size: number;
  /** 0 = coarse (top level), 1 = fine. */
  level: number;
  /** Parent topic id for level ≥ 1. */
  parent: string | null;
  /** True when pinned by the user's topics config. */
  pinned: boolean;
}

export interface InTopicRel {
  paper: string;
  topic: string;
  score: number;
  primary: boolean;
}

export interface SimilarRel {
  source: string;
  target: string;
  score: number;
  /** Shared terms that explain the match, best first (readable words). */
  terms: string[];
}

export interface CoauthorRel {
  /** Author ids with a < b. */
  a: string;
  b: string;
  weight: number;
  /** Paper ids behind the edge, sorted. */
  papers: string[];
}

export interface CommunityAssignment {
  author: string;
  /** Community id (small integer, stable for the same input). */
  community: number;
  /** Readable name: most central author and dominant topic, e.g. `Eunho Yang · Reasoning`. */
  communityName: string;
}

/** Topics of one level linked by the SIMILAR_TO relationships between their papers (`a < b`). */
export interface TopicLink {
  a: string;
  b: string;
  /** Number of SIMILAR_TO relationships between the two topics' papers. */
  similar: number;
  /** Sum of their scores. */
  strength: number;
}

export interface Analysis {
  topics: TopicNode[];
  inTopic: InTopicRel[];
  similar: SimilarRel[];
  topicLinks: TopicLink[];
  coauthors: CoauthorRel[];
  communities: CommunityAssignment[];
  /** Wall time per step in ms, for benchmarks and the load summary. */
  timings: Record<string, number>;
}
