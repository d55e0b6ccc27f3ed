// Typed arrays over SharedArrayBuffers: what the search threads read without copying (search.ts).
import type { Features, Packed } from './tfidf.ts';

export const sharedInt32 = (length: number): Int32Array => new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
export const sharedFloat32 = (length: number): Float32Array => new Float32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
export const sharedFloat64 = (length: number): Float64Array => new Float64Array(new SharedArrayBuffer(Math.max(1, length) * 8), 0, length);

/**
 * The features' packed arrays when every vector really is the view of them that `start` says (a copy of the features
 * with other vectors but the same `packed` gets null), else null.
 */
export function packedOf(features: Features): Packed | null {
  const { packed, vectors } = features;
  if (!packed || packed.start.length !== vectors.length + 1 || !(packed.start.buffer instanceof SharedArrayBuffer)) return null;
  for (let d = 0; d < vectors.length; d++) {
    const v = vectors[d]!;
    const at = packed.start[d]!;
    if (v.idx.buffer !== packed.idx.buffer || v.val.buffer !== packed.val.buffer) return null;
    if (v.idx.byteOffset !== packed.idx.byteOffset + at * 4 || v.val.byteOffset !== packed.val.byteOffset + at * 8) return null;
    if (v.idx.length !== packed.start[d + 1]! - at || v.val.length !== v.idx.length) return null;
  }
  return packed;
}
