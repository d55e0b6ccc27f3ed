// The similarity search's inner loop, run by the main thread and by the search workers alike (plain JavaScript,
// so a worker thread loads it as it is, under any runner). Everything it reads and writes lives in typed arrays over
// SharedArrayBuffers (see search-kernel.d.mts for the layout); the work is cut into chunks of query papers that the
// threads claim one at a time, so a slow or missing worker only means the others claim more.
import { isMainThread, workerData } from 'node:worker_threads';

/** Chunk states. */
export const UNCLAIMED = 0;
export const CLAIMED = 1;
export const DONE = 2;
/** Cells of `control`: the next chunk to claim, and a counter every thread bumps once a query paper is searched. */
export const NEXT = 0;
export const BEAT = 1;

/**
 * Keeps the `m` best of the `count` touched docs (score desc, doc asc) with a bounded min-heap (worst on top);
 * returns how many were kept, in `heap`, unordered.
 */
function best(touched, count, acc, m, heap) {
  let size = 0;
  const worse = (a, b) => acc[a] < acc[b] || (acc[a] === acc[b] && a > b);
  for (let i = 0; i < count; i++) {
    const d = touched[i];
    if (size < m) {
      heap[size] = d;
      for (let c = size++; c > 0; ) {
        const p = (c - 1) >> 1;
        if (!worse(heap[c], heap[p])) break;
        const x = heap[c];
        heap[c] = heap[p];
        heap[p] = x;
        c = p;
      }
    } else if (worse(heap[0], d)) {
      heap[0] = d;
      for (let c = 0; ; ) {
        const l = 2 * c + 1;
        const r = l + 1;
        let w = c;
        if (l < size && worse(heap[l], heap[w])) w = l;
        if (r < size && worse(heap[r], heap[w])) w = r;
        if (w === c) break;
        const x = heap[c];
        heap[c] = heap[w];
        heap[w] = x;
        c = w;
      }
    }
  }
  return size;
}

/** Cosine of docs a and b: both vectors are L2-normalised, term indices ascending. */
function cosine(s, a, b) {
  const { vStart, vIdx, vVal } = s;
  let i = vStart[a];
  let j = vStart[b];
  const ie = vStart[a + 1];
  const je = vStart[b + 1];
  let sum = 0;
  while (i < ie && j < je) {
    const ti = vIdx[i];
    const tj = vIdx[j];
    if (ti === tj) sum += vVal[i++] * vVal[j++];
    else if (ti < tj) i++;
    else j++;
  }
  return sum;
}

/** Per-thread scratch space for `searchChunk`. */
export function scratch(s) {
  return { acc: new Float64Array(s.n), touched: new Int32Array(s.n), heap: new Int32Array(s.n > 0 ? Math.min(s.n, s.m) : 0), order: [] };
}

/**
 * Searches the queries of chunk `c`: for each, the dot products over the postings of its query terms rank the
 * candidates, the best `m` are re-scored exactly (double precision, full vectors), and the best `k` with a cosine of
 * at least `minScore` are written to its row of `targets` / `scores` (-1 / 0 after the last).
 */
export function searchChunk(s, w, c) {
  const { k, m, minScore, queries, qStart, qIdx, qVal, pStart, pDocs, pWeights, targets, scores, control } = s;
  const { acc, touched, heap } = w;
  const from = c * s.chunkSize;
  const to = Math.min(queries.length, from + s.chunkSize);
  for (let row = from; row < to; row++) {
    const doc = queries[row];
    let count = 0;
    for (let j = qStart[doc], je = qStart[doc + 1]; j < je; j++) {
      const t = qIdx[j];
      const wt = qVal[j];
      for (let p = pStart[t], end = pStart[t + 1]; p < end; p++) {
        const d = pDocs[p];
        if (d === doc) continue;
        if (acc[d] === 0) touched[count++] = d;
        acc[d] += wt * pWeights[p];
      }
    }
    const size = best(touched, count, acc, m, heap);
    for (let i = 0; i < count; i++) acc[touched[i]] = 0;
    const order = w.order;
    order.length = 0;
    for (let i = 0; i < size; i++) order.push({ target: heap[i], score: cosine(s, doc, heap[i]) });
    order.sort((a, b) => b.score - a.score || a.target - b.target);
    let kept = 0;
    for (let i = 0; i < order.length && kept < k; i++) {
      if (order[i].score < minScore) break;
      targets[row * k + kept] = order[i].target;
      scores[row * k + kept] = order[i].score;
      kept++;
    }
    for (; kept < k; kept++) {
      targets[row * k + kept] = -1;
      scores[row * k + kept] = 0;
    }
    Atomics.add(control, BEAT, 1);
  }
}

/** Claims and searches chunks until none is left; returns how many this thread searched. */
export function claimAndSearch(s, w) {
  let searched = 0;
  for (;;) {
    const c = Atomics.add(s.control, NEXT, 1);
    if (c >= s.chunks) return searched;
    if (Atomics.compareExchange(s.state, c, UNCLAIMED, CLAIMED) !== UNCLAIMED) continue;
    searchChunk(s, w, c);
    Atomics.store(s.state, c, DONE);
    Atomics.notify(s.state, c);
    searched++;
  }
}

// A search worker: workerData.pgeSearch is the shared search. With `hang` (fault injection for tests: the
// coordinator marked a chunk claimed for it) it never answers, as a thread that died mid-chunk would not.
if (!isMainThread && workerData && workerData.pgeSearch) {
  if (workerData.hang) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  else claimAndSearch(workerData.pgeSearch, scratch(workerData.pgeSearch));
}
