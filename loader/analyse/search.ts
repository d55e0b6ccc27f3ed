// The nearest-paper search behind topic neighbours and related work, laid out for threads: vectors, query terms and
// the inverted index in typed arrays over SharedArrayBuffers, searched chunk by chunk by the main thread and (for
// large corpora) worker threads running the same kernel (search-kernel.mjs). Results do not depend on the number of
// threads: every query is searched by exactly the same code over the same arrays.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BEAT, CLAIMED, claimAndSearch, DONE, scratch, searchChunk, type SharedSearch } from './search-kernel.mjs';
import { packedOf, sharedFloat32, sharedFloat64, sharedInt32 } from './shared.ts';
import type { Features, Packed } from './tfidf.ts';

/** Below this many queries a search runs on the calling thread only (starting workers costs more than it saves). */
export const PARALLEL_MIN_QUERIES = 2000;
/** Worker threads are stopped waiting for, and their unfinished chunks searched here, after this long without progress. */
export const STALL_MS = 30_000;
const KERNEL = fileURLToPath(new URL('./search-kernel.mjs', import.meta.url));

/** Threads a search uses by default: the machine's cores (at most 8), or `PGE_ANALYSE_THREADS` when set. */
export function defaultThreads(): number {
  const env = Number(process.env.PGE_ANALYSE_THREADS);
  if (Number.isInteger(env) && env >= 1) return env;
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

/** Vectors as CSR arrays over shared memory: the packed arrays the features carry, or a copy. */
function csr(features: Features): Packed {
  const packed = packedOf(features);
  if (packed) return packed;
  const { vectors } = features;
  const start = sharedInt32(vectors.length + 1);
  vectors.forEach((v, doc) => (start[doc + 1] = start[doc]! + v.idx.length));
  const idx = sharedInt32(start[vectors.length]!);
  const val = sharedFloat64(start[vectors.length]!);
  vectors.forEach((v, doc) => {
    idx.set(v.idx, start[doc]!);
    val.set(v.val, start[doc]!);
  });
  return { start, idx, val };
}

/** Each doc's `n` heaviest terms (ties: lower index first), in term order, as CSR arrays over shared memory. */
function heaviest(full: Packed, docs: number, n: number): Packed {
  const start = sharedInt32(docs + 1);
  for (let d = 0; d < docs; d++) start[d + 1] = start[d]! + Math.min(n, full.start[d + 1]! - full.start[d]!);
  const idx = sharedInt32(start[docs]!);
  const val = sharedFloat64(start[docs]!);
  for (let d = 0; d < docs; d++) {
    const a = full.start[d]!;
    const b = full.start[d + 1]!;
    let at = start[d]!;
    if (b - a <= n) {
      for (let j = a; j < b; j++, at++) {
        idx[at] = full.idx[j]!;
        val[at] = full.val[j]!;
      }
      continue;
    }
    const top = Array.from({ length: b - a }, (_, i) => a + i)
      .sort((x, y) => full.val[y]! - full.val[x]! || full.idx[x]! - full.idx[y]!)
      .slice(0, n)
      .sort((x, y) => full.idx[x]! - full.idx[y]!);
    for (const j of top) {
      idx[at] = full.idx[j]!;
      val[at++] = full.val[j]!;
    }
  }
  return { start, idx, val };
}

/**
 * The inverted index over the query terms of every doc (`q`, CSR). With `cap` > 0 a term keeps only its `cap`
 * highest-weighted docs ("champion lists"), which bounds the cost of very common terms.
 */
function postings(V: number, n: number, q: Packed, cap: number): { start: Int32Array; docs: Int32Array; weights: Float32Array } {
  const count = new Int32Array(V + 1);
  for (let j = 0; j < q.idx.length; j++) count[q.idx[j]! + 1]!++;
  const start = new Int32Array(V + 1);
  for (let t = 0; t < V; t++) start[t + 1] = start[t]! + count[t + 1]!;
  const fill = Int32Array.from(start.subarray(0, V));
  const docs = cap > 0 ? new Int32Array(start[V]!) : sharedInt32(start[V]!);
  const weights = cap > 0 ? new Float32Array(start[V]!) : sharedFloat32(start[V]!);
  for (let doc = 0; doc < n; doc++) {
    for (let j = q.start[doc]!; j < q.start[doc + 1]!; j++) {
      const t = q.idx[j]!;
      docs[fill[t]!] = doc;
      weights[fill[t]!] = q.val[j]!;
      fill[t]!++;
    }
  }
  if (cap <= 0) {
    const shared = sharedInt32(V + 1);
    shared.set(start);
    return { start: shared, docs, weights };
  }
  // Champion lists: the `cap` highest weights of each term, docs in ascending order.
  const cStart = sharedInt32(V + 1);
  for (let t = 0; t < V; t++) cStart[t + 1] = cStart[t]! + Math.min(cap, start[t + 1]! - start[t]!);
  const cDocs = sharedInt32(cStart[V]!);
  const cWeights = sharedFloat32(cStart[V]!);
  for (let t = 0; t < V; t++) {
    const a = start[t]!;
    const b = start[t + 1]!;
    let order = Array.from({ length: b - a }, (_, i) => a + i);
    if (b - a > cap) order = order.sort((x, y) => weights[y]! - weights[x]! || docs[x]! - docs[y]!).slice(0, cap).sort((x, y) => docs[x]! - docs[y]!);
    order.forEach((src, i) => {
      cDocs[cStart[t]! + i] = docs[src]!;
      cWeights[cStart[t]! + i] = weights[src]!;
    });
  }
  return { start: cStart, docs: cDocs, weights: cWeights };
}

export interface SearchSpec {
  /** Neighbours kept per query, candidates re-scored exactly per query, lowest cosine kept. */
  k: number;
  m: number;
  minScore: number;
  /** Terms of each paper in the index and in its query (its heaviest `pruneTerms`); 0 = all (exact). */
  pruneTerms: number;
  /** With pruning, each term's postings keep only its `championCap` highest-weighted papers. */
  championCap: number;
}

export interface RunOptions {
  /** Threads in all, the calling one included (default `defaultThreads()`). */
  threads?: number;
  /** Queries below which no worker is started (default `PARALLEL_MIN_QUERIES`). */
  parallelMin?: number;
  /** How long the calling thread waits without progress before searching the workers' unfinished chunks itself. */
  stallMs?: number;
  /** Fault injection (tests): each worker is given one chunk (the last ones) and never answers. */
  hangWorkers?: boolean;
}

export interface SearchResult {
  /** Threads that searched (the calling one included), and chunks the calling thread searched after a stall. */
  threads: number;
  takenOver: number;
  lists: { target: number; score: number }[][];
}

/** Each query's (default: every paper's) nearest papers by cosine, per `spec`, on up to `run.threads` threads. */
export function search(features: Features, spec: SearchSpec, queries?: number[], run: RunOptions = {}): SearchResult {
  const n = features.vectors.length;
  const V = features.vocab.length;
  const full = csr(features);
  const q = spec.pruneTerms > 0 ? heaviest(full, n, spec.pruneTerms) : full;
  const index = postings(V, n, q, spec.pruneTerms > 0 ? spec.championCap : 0);
  const rows = queries ? Int32Array.from(queries) : Int32Array.from({ length: n }, (_, i) => i);
  const threads = Math.max(1, run.threads ?? defaultThreads());
  const workers = rows.length >= (run.parallelMin ?? PARALLEL_MIN_QUERIES) ? threads - 1 : 0;
  const chunkSize = Math.max(16, Math.min(1024, Math.ceil(rows.length / ((workers + 1) * 32))));
  const chunks = Math.ceil(rows.length / chunkSize);
  const shared = workers > 0 ? sharedInt32(rows.length) : rows;
  if (shared !== rows) shared.set(rows);
  const s: SharedSearch = {
    n,
    k: spec.k,
    m: Math.max(spec.k, spec.m),
    minScore: spec.minScore,
    queries: shared,
    vStart: full.start,
    vIdx: full.idx,
    vVal: full.val,
    qStart: q.start,
    qIdx: q.idx,
    qVal: q.val,
    pStart: index.start,
    pDocs: index.docs,
    pWeights: index.weights,
    targets: sharedInt32(rows.length * spec.k),
    scores: sharedFloat64(rows.length * spec.k),
    chunkSize,
    chunks,
    state: sharedInt32(chunks),
    control: sharedInt32(2),
  };
  if (run.hangWorkers) for (let c = Math.max(0, chunks - workers); c < chunks; c++) s.state[c] = CLAIMED;
  const started: Worker[] = [];
  for (let i = 0; i < workers; i++) {
    try {
      const w = new Worker(KERNEL, { workerData: { pgeSearch: s, hang: run.hangWorkers === true }, execArgv: [] });
      // The calling thread never waits on these: a worker that fails only leaves its chunks to the others.
      w.on('error', () => {});
      w.unref();
      started.push(w);
    } catch {
      break;
    }
  }
  const own = scratch(s);
  claimAndSearch(s, own);
  // Wait for the chunks other threads claimed; search them here if no thread makes progress for `stallMs`.
  const stallMs = run.stallMs ?? STALL_MS;
  let takenOver = 0;
  let beat = Atomics.load(s.control, BEAT);
  let since = performance.now();
  let stalled = false;
  for (let c = 0; c < chunks; c++) {
    while (Atomics.load(s.state, c) !== DONE) {
      if (!stalled) {
        Atomics.wait(s.state, c, Atomics.load(s.state, c), 50);
        const now = Atomics.load(s.control, BEAT);
        if (now !== beat) {
          beat = now;
          since = performance.now();
          continue;
        }
        if (performance.now() - since <= stallMs) continue;
        // No thread has searched a paper for `stallMs`: the rest is searched here (a late worker writes the same).
        stalled = true;
      }
      searchChunk(s, own, c);
      Atomics.store(s.state, c, DONE);
      takenOver++;
    }
  }
  for (const w of started) void w.terminate();
  const lists = Array.from({ length: rows.length }, (_, r) => {
    const out: { target: number; score: number }[] = [];
    for (let j = r * spec.k; j < (r + 1) * spec.k && s.targets[j]! >= 0; j++) out.push({ target: s.targets[j]!, score: s.scores[j]! });
    return out;
  });
  return { threads: started.length + 1, takenOver, lists };
}
