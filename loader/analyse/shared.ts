// Typed arrays over SharedArrayBuffers: what the search threads read without copying (search.ts).
export const sharedInt32 = (length: number): Int32Array => new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
export const sharedFloat32 = (length: number): Float32Array => new Float32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
export const sharedFloat64 = (length: number): Float64Array => new Float64Array(new SharedArrayBuffer(Math.max(1, length) * 8), 0, length);
