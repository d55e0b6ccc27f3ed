// An in-memory copy of the co-author graph (every COAUTHORED_WITH pair with its weight) that answers the
// breadth-first part of a co-author network without a round trip per hop. On a 100k-paper graph (61k authors, 900k
// pairs) a depth-2 network of 150 authors read ~12 000 relationships in Neo4j per request; the projection walks
// them in the server in well under a millisecond and Neo4j is asked only for the kept authors' properties.
//
// Correctness rules:
// - It is built from one read transaction together with the analytics stamp (`Meta {id:'analysis'}` updatedAt,
//   stale = false); COAUTHORED_WITH is only ever written by the analytics, which stamp last.
// - Every answer re-reads that stamp in the same query as the authors' properties; when it differs (a load or
//   analysis ran since) the answer is dropped, the projection is discarded and rebuilt in the background, and the
//   Cypher query answers meanwhile. So an answer is never computed from a graph older than the one it is read from.
//   Each author's relationship and paper counts are kept too (they change only with a load, which moves the stamp);
//   properties are always read live.
// - It walks exactly as the Cypher query does (coauthors.ts `egoQuery`): each frontier author's `limit` strongest
//   co-authors not kept yet (weight, then internal node id), summed per candidate, ranked the same way.
// - Over `maxPairs` pairs (memory: ~18 bytes a pair) it is not built and Cypher answers everything.
import neo4j from 'neo4j-driver';
import type { GraphDb } from './graphdb.ts';

/** What the walk keeps: internal node ids in the order kept (seed, hop 1, hop 2 …), hop sizes, and the edges among them. */
export interface EgoWalk {
  ids: number[];
  hopSizes: number[];
  truncated: boolean;
  /** [index into ids, index into ids, weight], one per COAUTHORED_WITH among the kept authors (its direction kept). */
  edges: [number, number, number][];
  /** Per kept author: all its relationships, and its AUTHORED ones (as counted when the projection was built). */
  degree: number[];
  papers: number[];
}

/** Adjacency lists of the co-author graph in compressed form, each list sorted strongest first, then by node id. */
export class CoauthorGraph {
  private readonly index = new Map<string, number>();
  private readonly offsets: Int32Array;
  private readonly targets: Int32Array;
  private readonly weights: Float32Array;
  /** 1 where the stored relationship points from the list's owner to the target. */
  private readonly outgoing: Uint8Array;
  /** Per-author accumulator for one walk (all zero between walks; walks are synchronous, so never shared). */
  private readonly scratch: Float64Array;
  private readonly seen: Uint8Array;
  /** Per-author position in the walk's kept list, −1 when not kept (reset at the end of every walk). */
  private readonly slot: Int32Array;

  /**
   * @param nodeIds internal node id of each author (dense index = position)
   * @param keys Author.id of each author
   * @param pairs [from index, to index, weight] of each COAUTHORED_WITH relationship
   * @param counts each author's relationship count and AUTHORED count (zero when not given)
   */
  constructor(
    private readonly nodeIds: Float64Array,
    keys: string[],
    pairs: { from: Int32Array; to: Int32Array; weight: Float32Array },
    private readonly counts: { degree: Int32Array; papers: Int32Array } = { degree: new Int32Array(nodeIds.length), papers: new Int32Array(nodeIds.length) },
  ) {
    keys.forEach((k, i) => this.index.set(k, i));
    const n = nodeIds.length;
    this.scratch = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.slot = new Int32Array(n).fill(-1);
    const m = pairs.from.length;
    const degree = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) {
      degree[pairs.from[e]!]!++;
      degree[pairs.to[e]!]!++;
    }
    this.offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.offsets[i + 1] = this.offsets[i]! + degree[i]!;
    this.targets = new Int32Array(2 * m);
    this.weights = new Float32Array(2 * m);
    this.outgoing = new Uint8Array(2 * m);
    const fill = this.offsets.slice(0, n);
    const put = (owner: number, target: number, w: number, out: number) => {
      const at = fill[owner]!++;
      this.targets[at] = target;
      this.weights[at] = w;
      this.outgoing[at] = out;
    };
    for (let e = 0; e < m; e++) {
      put(pairs.from[e]!, pairs.to[e]!, pairs.weight[e]!, 1);
      put(pairs.to[e]!, pairs.from[e]!, pairs.weight[e]!, 0);
    }
    // Strongest first, then lowest internal node id: the order the Cypher query ranks one author's co-authors in.
    const order: number[] = [];
    for (let i = 0; i < n; i++) {
      const [lo, hi] = [this.offsets[i]!, this.offsets[i + 1]!];
      if (hi - lo < 2) continue;
      order.length = 0;
      for (let k = lo; k < hi; k++) order.push(k);
      order.sort((a, b) => this.weights[b]! - this.weights[a]! || nodeIds[this.targets[a]!]! - nodeIds[this.targets[b]!]!);
      const [t, w, o] = [order.map((k) => this.targets[k]!), order.map((k) => this.weights[k]!), order.map((k) => this.outgoing[k]!)];
      this.targets.set(t, lo);
      this.weights.set(w, lo);
      this.outgoing.set(o, lo);
    }
  }

  get authors(): number {
    return this.nodeIds.length;
  }

  get pairs(): number {
    return this.targets.length / 2;
  }

  /** Bytes held by the typed arrays (the key map comes on top). */
  get bytes(): number {
    return this.nodeIds.byteLength + 2 * this.counts.degree.byteLength + this.offsets.byteLength + this.targets.byteLength + this.weights.byteLength + this.outgoing.byteLength;
  }

  /** The co-author network of `key` to `depth` hops (null when the author has no co-author in the projection). */
  ego(key: string, depth: number, minWeight: number, limit: number): EgoWalk | null {
    const seed = this.index.get(key);
    if (seed === undefined) return null;
    const weighted = minWeight > 1;
    const kept = [seed];
    const slot = this.slot;
    slot[seed] = 0;
    const hopSizes = [1];
    let frontier = [seed];
    let truncated = false;
    const nodeIds = this.nodeIds;
    const sums = this.scratch;
    for (let h = 1; h <= depth; h++) {
      // Summed weight per candidate in a reused array (only the touched entries are read and reset).
      const touched: number[] = [];
      if (kept.length < limit) {
        for (const f of frontier) {
          let taken = 0;
          for (let k = this.offsets[f]!; k < this.offsets[f + 1]! && taken < limit; k++) {
            const w = this.weights[k]!;
            if (weighted && w < minWeight) break; // sorted strongest first: no later one qualifies
            const b = this.targets[k]!;
            if (slot[b] !== -1) continue;
            if (!this.seen[b]) {
              this.seen[b] = 1;
              touched.push(b);
            }
            sums[b]! += w;
            taken++;
          }
        }
      }
      const found = touched.sort((a, b) => sums[b]! - sums[a]! || nodeIds[a]! - nodeIds[b]!).slice(0, limit);
      for (const b of touched) {
        sums[b] = 0;
        this.seen[b] = 0;
      }
      const room = limit - kept.length;
      const hop = found.slice(0, Math.max(room, 0));
      truncated = truncated || found.length > room || kept.length >= limit;
      for (const b of hop) {
        kept.push(b);
        slot[b] = kept.length - 1;
      }
      hopSizes.push(hop.length);
      frontier = hop;
    }
    const edges: [number, number, number][] = [];
    kept.forEach((a, i) => {
      for (let k = this.offsets[a]!; k < this.offsets[a + 1]!; k++) {
        if (!this.outgoing[k]) continue;
        const w = this.weights[k]!;
        if (weighted && w < minWeight) continue;
        const j = slot[this.targets[k]!]!;
        if (j !== -1) edges.push([i, j, w]);
      }
    });
    for (const a of kept) slot[a] = -1;
    return { ids: kept.map((a) => nodeIds[a]!), hopSizes, truncated, edges, degree: kept.map((a) => this.counts.degree[a]!), papers: kept.map((a) => this.counts.papers[a]!) };
  }
}

/** The analytics stamp a projection is valid for, or null while analytics are stale or missing. */
export const STAMP_CLAUSE = "OPTIONAL MATCH (m:Meta {id: 'analysis'}) WITH CASE WHEN m.stale = false THEN toString(m.updatedAt) END AS stamp";
const STAMP_QUERY = `${STAMP_CLAUSE} RETURN stamp`;

export type ProjectionState =
  | { state: 'off'; reason: string }
  | { state: 'building' | 'waiting'; since?: string }
  | { state: 'ready'; authors: number; pairs: number; megabytes: number; buildMs: number; stamp: string };

/**
 * Holds the current projection; builds one in the background when asked for and none is valid, at most one build at
 * a time, and waits `retryMs` after a build that could not be used (analytics stale, or a failure) before the next.
 */
export class CoauthorProjection {
  private graph: { graph: CoauthorGraph; stamp: string; buildMs: number } | null = null;
  private building: Promise<void> | null = null;
  private lastAttempt = -Infinity;
  private closed = false;
  private offReason: string | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: GraphDb,
    private readonly maxPairs: number,
    private readonly retryMs = 10_000,
    private readonly log: (msg: string) => void = () => {},
  ) {
    if (maxPairs <= 0) this.offReason = 'turned off (COAUTHOR_PROJECTION_MAX_PAIRS=0)';
  }

  /** The projection when one is built (valid for `stamp`); starts a build in the background when there is none. */
  current(): { graph: CoauthorGraph; stamp: string } | null {
    if (!this.graph) this.startBuild();
    return this.graph;
  }

  /** Drops a projection found to be older than the graph (its stamp no longer matches) and starts a new build. */
  discard(stamp: string): void {
    if (this.graph?.stamp !== stamp) return;
    this.graph = null;
    this.lastAttempt = -Infinity;
    this.startBuild();
  }

  /** Resolves when no build is running (for start-up, tests and benchmarks). */
  async settled(): Promise<void> {
    while (this.building) await this.building;
  }

  /** Starts a build now if none is valid or running (e.g. at start-up). */
  warm(): void {
    this.lastAttempt = -Infinity;
    if (!this.graph) this.startBuild();
  }

  /**
   * Looks at the analytics stamp every `everyMs` and rebuilds when it moved (a load finished), so the first co-author
   * network after a load is not the one that finds out. Requests check the stamp themselves either way.
   */
  watch(everyMs: number): void {
    if (this.timer || this.offReason) return;
    this.timer = setInterval(() => void this.check(), everyMs);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    if (this.closed || this.building) return;
    try {
      const [row] = await this.db.read(STAMP_QUERY);
      const stamp = typeof row?.stamp === 'string' ? row.stamp : null;
      if (this.graph && this.graph.stamp !== stamp) this.discard(this.graph.stamp);
      else if (!this.graph && stamp) this.startBuild();
    } catch {
      // the database is away: requests answer 503 meanwhile, and the next look tries again
    }
  }

  status(): ProjectionState {
    if (this.offReason) return { state: 'off', reason: this.offReason };
    if (this.graph) {
      const { graph, stamp, buildMs } = this.graph;
      return { state: 'ready', authors: graph.authors, pairs: graph.pairs, megabytes: Math.round(graph.bytes / 1e5) / 10, buildMs, stamp };
    }
    // since: when the last build started (none yet: no time)
    const since = Number.isFinite(this.lastAttempt) ? { since: new Date(performance.timeOrigin + this.lastAttempt).toISOString() } : {};
    return { state: this.building ? 'building' : 'waiting', ...since };
  }

  /** Stops building (a running build ends at its next row); waits for it at most `waitMs` (a build retrying against
   * an unreachable database would otherwise hold shutdown for the driver's whole retry time). */
  async close(waitMs = 2_000): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.settled(), new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
    clearTimeout(timer);
  }

  private startBuild(): void {
    if (this.building || this.closed || this.offReason || performance.now() - this.lastAttempt < this.retryMs) return;
    this.lastAttempt = performance.now();
    this.building = this.build()
      .catch((e: unknown) => this.log(`Co-author projection not built: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        this.building = null;
      });
  }

  private async build(): Promise<void> {
    const t0 = performance.now();
    const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.READ });
    try {
      const built = await session.executeRead(async (tx) => {
        const stamp = (await tx.run(STAMP_QUERY)).records[0]?.get('stamp') as string | null;
        if (!stamp) return null;
        const count = (await tx.run('MATCH ()-[r:COAUTHORED_WITH]->() RETURN count(r) AS n')).records[0]!.get('n');
        const pairs = neo4j.integer.toNumber(count);
        if (pairs > this.maxPairs) {
          this.offReason = `${pairs} co-author pairs exceed COAUTHOR_PROJECTION_MAX_PAIRS=${this.maxPairs}`;
          return null;
        }
        const ids: number[] = [];
        const keys: string[] = [];
        const degree: number[] = [];
        const papers: number[] = [];
        const index = new Map<number, number>();
        const out: { owner: number; to: number[]; w: number[] }[] = [];
        // Floats decode to plain numbers (integers would be Integer objects): internal ids are far below 2^53.
        const result = tx.run(
          `MATCH (a:Author) WHERE EXISTS { (a)-[:COAUTHORED_WITH]-() }
           CALL (a) { OPTIONAL MATCH (a)-[r:COAUTHORED_WITH]->(b) RETURN collect(toFloat(id(b))) AS to, collect(toFloat(r.weight)) AS w }
           RETURN toFloat(id(a)) AS id, a.id AS key, to, w, toFloat(COUNT { (a)--() }) AS degree, toFloat(COUNT { (a)-[:AUTHORED]->() }) AS papers`,
        );
        for await (const rec of result) {
          if (this.closed) throw new Error('server closing');
          index.set(rec.get('id') as number, ids.length);
          out.push({ owner: ids.length, to: rec.get('to') as number[], w: rec.get('w') as number[] });
          ids.push(rec.get('id') as number);
          keys.push(String(rec.get('key')));
          degree.push(rec.get('degree') as number);
          papers.push(rec.get('papers') as number);
        }
        const m = out.reduce((s, o) => s + o.to.length, 0);
        const from = new Int32Array(m), to = new Int32Array(m), weight = new Float32Array(m);
        let e = 0;
        for (const o of out) {
          o.to.forEach((b, k) => {
            const target = index.get(b);
            if (target === undefined) return; // not an Author: the Cypher query's far end is unchecked, but analytics only join authors
            from[e] = o.owner;
            to[e] = target;
            weight[e] = o.w[k] ?? 1;
            e++;
          });
        }
        const pairsOf = { from: from.subarray(0, e), to: to.subarray(0, e), weight: weight.subarray(0, e) };
        return { graph: new CoauthorGraph(Float64Array.from(ids), keys, pairsOf, { degree: Int32Array.from(degree), papers: Int32Array.from(papers) }), stamp };
      }, { timeout: 600_000 });
      if (!built || this.closed) return;
      const buildMs = Math.round(performance.now() - t0);
      this.graph = { ...built, buildMs };
      const size = built.graph.bytes >= 1e6 ? `${(built.graph.bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(built.graph.bytes / 1e3)} KB`;
      this.log(`Co-author projection: ${built.graph.authors} authors, ${built.graph.pairs} pairs, ${size}, built in ${buildMs} ms.`);
    } finally {
      await session.close().catch(() => {});
    }
  }
}
