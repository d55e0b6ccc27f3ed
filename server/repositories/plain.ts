// Converts driver values (Integers, temporals, nodes, relationships, paths) to plain JSON.
// Repositories call this on every value they return, so nothing of the driver leaks out of the server.
import neo4j from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

function isTemporal(v: unknown): boolean {
  return (
    neo4j.isDate(v as never) ||
    neo4j.isDateTime(v as never) ||
    neo4j.isLocalDateTime(v as never) ||
    neo4j.isTime(v as never) ||
    neo4j.isLocalTime(v as never) ||
    neo4j.isDuration(v as never)
  );
}

/** Deeply converts a driver value to plain JSON. Large integers beyond 2^53 become strings. */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : value.toString();
  }
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  // Maps arrive as plain objects; nodes, relationships, paths and temporals are class instances (checked below).
  if (Object.getPrototypeOf(value) === Object.prototype) return toPlainObject(value as Record<string, unknown>);
  if (isTemporal(value)) return String(value);
  if (neo4j.isNode(value as never)) {
    const n = value as unknown as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return { elementId: n.elementId, labels: n.labels, properties: toPlainObject(n.properties) };
  }
  if (neo4j.isRelationship(value as never)) {
    const r = value as unknown as { elementId: string; type: string; startNodeElementId: string; endNodeElementId: string; properties: Record<string, unknown> };
    return { elementId: r.elementId, type: r.type, start: r.startNodeElementId, end: r.endNodeElementId, properties: toPlainObject(r.properties) };
  }
  if (neo4j.isPath(value as never)) {
    const p = value as unknown as { segments: { start: unknown; relationship: unknown; end: unknown }[] };
    return { segments: p.segments.map((s) => ({ start: toPlain(s.start), relationship: toPlain(s.relationship), end: toPlain(s.end) })) };
  }
  if (typeof value === 'object') return toPlainObject(value as Record<string, unknown>);
  return String(value);
}

export function toPlainObject(obj: Record<string, unknown>): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const [k, v] of Object.entries(obj)) out[k] = toPlain(v);
  return out;
}
