// Latent semantic analysis by randomized truncated SVD (Halko et al.): a sparse TF-IDF matrix becomes dense,
// bounded-rank document vectors (rows L2-normalised) for clustering. Memory O((n + V) · rank); seeded.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { gaussian, rng } from './rng.ts';
import type { SparseVector } from './tfidf.ts';

/** Dense row vectors: `rows[i]` has length `dim`. */
export interface DenseVectors {
  dim: number;
  rows: Float64Array[];
}

export interface LsaOptions {
  /** Target rank (default 100, capped by the corpus). */
  rank?: number;
  oversample?: number;
  powerIterations?: number;
  seed?: number;
}

/** Orthonormalises columns in place (modified Gram–Schmidt); drops none, zero columns stay zero. */
function orthonormalise(cols: Float64Array[]): void {
  for (let j = 0; j < cols.length; j++) {
    const cj = cols[j]!;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < j; i++) {
        const ci = cols[i]!;
        let r = 0;
        for (let k = 0; k < cj.length; k++) r += ci[k]! * cj[k]!;
        for (let k = 0; k < cj.length; k++) cj[k]! -= r * ci[k]!;
      }
    }
    let s = 0;
    for (const x of cj) s += x * x;
    const inv = s > 1e-20 ? 1 / Math.sqrt(s) : 0;
    for (let k = 0; k < cj.length; k++) cj[k]! *= inv;
  }
}

/** Y = X · W, with W stored row-major (dim × l); Y column-major (l columns of length n). */
function times(x: SparseVector[], w: Float64Array, l: number): Float64Array[] {
  const y = Array.from({ length: l }, () => new Float64Array(x.length));
  x.forEach((v, d) => {
    for (let j = 0; j < v.idx.length; j++) {
      const base = v.idx[j]! * l;
      const a = v.val[j]!;
      for (let c = 0; c < l; c++) y[c]![d]! += a * w[base + c]!;
    }
  });
  return y;
}

/** W = Xᵀ · Q, Q column-major; W row-major (dim × l). */
function transposeTimes(x: SparseVector[], q: Float64Array[], dim: number): Float64Array {
  const l = q.length;
  const w = new Float64Array(dim * l);
  x.forEach((v, d) => {
    for (let j = 0; j < v.idx.length; j++) {
      const base = v.idx[j]! * l;
      const a = v.val[j]!;
      for (let c = 0; c < l; c++) w[base + c]! += a * q[c]![d]!;
    }
  });
  return w;
}

/** Row-major dim × l → column-major (for orthonormalisation) and back. */
function columns(w: Float64Array, dim: number, l: number): Float64Array[] {
  return Array.from({ length: l }, (_, c) => Float64Array.from({ length: dim }, (_, r) => w[r * l + c]!));
}
function rowMajor(cols: Float64Array[], dim: number): Float64Array {
  const l = cols.length;
  const w = new Float64Array(dim * l);
  cols.forEach((col, c) => col.forEach((x, r) => (w[r * l + c] = x)));
  return w;
}

/**
 * Rank-r LSA document vectors of sparse rows `x` over a vocabulary of `dim` terms.
 * @returns one L2-normalised row per document (zero rows for empty documents)
 */
export function lsa(x: SparseVector[], dim: number, options: LsaOptions = {}): DenseVectors {
  const n = x.length;
  const r = Math.max(1, Math.min(options.rank ?? 100, n - 1, dim - 1));
  const l = Math.min(r + (options.oversample ?? 10), n, dim);
  if (n === 0 || dim === 0 || l < 1) return { dim: 0, rows: x.map(() => new Float64Array(0)) };
  const normal = gaussian(rng(options.seed ?? 1));
  let omega: Float64Array = Float64Array.from({ length: dim * l }, normal);
  let q = times(x, omega, l);
  orthonormalise(q);
  for (let it = 0; it < (options.powerIterations ?? 2); it++) {
    const wc = columns(transposeTimes(x, q, dim), dim, l);
    orthonormalise(wc);
    omega = rowMajor(wc, dim);
    q = times(x, omega, l);
    orthonormalise(q);
  }
  // B = Qᵀ X; its left singular vectors and values come from the small Gram matrix B Bᵀ = Wᵀ W (W = Xᵀ Q).
  const w = transposeTimes(x, q, dim);
  const gram = Matrix.zeros(l, l);
  for (let t = 0; t < dim; t++) {
    for (let a = 0; a < l; a++) {
      const wa = w[t * l + a]!;
      if (wa === 0) continue;
      for (let b = a; b < l; b++) gram.set(a, b, gram.get(a, b) + wa * w[t * l + b]!);
    }
  }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) gram.set(a, b, gram.get(b, a));
  const evd = new EigenvalueDecomposition(gram, { assumeSymmetric: true });
  const order = evd.realEigenvalues.map((v, i) => [v, i] as const).sort((p, s) => s[0] - p[0] || p[1] - s[1]);
  const keep = order.slice(0, r).filter(([v]) => v > 1e-12);
  const vecs = evd.eigenvectorMatrix;
  const rows = Array.from({ length: n }, () => new Float64Array(keep.length));
  keep.forEach(([value, i], c) => {
    const sigma = Math.sqrt(value);
    for (let a = 0; a < l; a++) {
      const u = vecs.get(a, i) * sigma;
      if (u === 0) continue;
      const qa = q[a]!;
      for (let d = 0; d < n; d++) rows[d]![c]! += qa[d]! * u;
    }
  });
  for (const row of rows) {
    let s = 0;
    for (const v of row) s += v * v;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let c = 0; c < row.length; c++) row[c]! *= inv;
  }
  return { dim: keep.length, rows };
}
