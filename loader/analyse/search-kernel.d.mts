// Types of search-kernel.mjs: one shared search, laid out in typed arrays (over SharedArrayBuffers when workers help).

export interface SharedSearch {
  /** Papers (feature vectors). */
  n: number;
  /** Neighbours kept per query, and candidates re-scored exactly per query (m ≥ k). */
  k: number;
  m: number;
  minScore: number;
  /** Query papers, one row each in `targets` / `scores`. */
  queries: Int32Array;
  /** Full vectors, CSR: doc d's terms are vIdx/vVal[vStart[d] … vStart[d + 1]) (ascending term index). */
  vStart: Int32Array;
  vIdx: Int32Array;
  vVal: Float64Array;
  /** The terms each doc is searched by (all of them, or its heaviest when pruned), CSR like the vectors. */
  qStart: Int32Array;
  qIdx: Int32Array;
  qVal: Float64Array;
  /** Inverted index: term t's postings are pDocs/pWeights[pStart[t] … pStart[t + 1]). */
  pStart: Int32Array;
  pDocs: Int32Array;
  pWeights: Float32Array;
  /** Results: row r (query r) holds k targets (-1 after the last) and their cosines. */
  targets: Int32Array;
  scores: Float64Array;
  /** Queries per chunk, chunks, each chunk's state (UNCLAIMED / CLAIMED / DONE), and the NEXT / BEAT cells. */
  chunkSize: number;
  chunks: number;
  state: Int32Array;
  control: Int32Array;
}

export interface Scratch {
  acc: Float64Array;
  touched: Int32Array;
  heap: Int32Array;
  order: { target: number; score: number }[];
}

export const UNCLAIMED: 0;
export const CLAIMED: 1;
export const DONE: 2;
export const NEXT: 0;
export const BEAT: 1;

export function scratch(s: SharedSearch): Scratch;
export function searchChunk(s: SharedSearch, w: Scratch, chunk: number): void;
export function claimAndSearch(s: SharedSearch, w: Scratch): number;
