// Parameter validation and coercion against a saved query's declared types; every error names the parameter.
import neo4j from 'neo4j-driver';
import { BadParameterError } from '../errors.ts';
import type { QueryParam } from './library.ts';

/** Validates `given` against `declared` (defaults applied); returns driver-ready values. */
export function coerceParams(declared: QueryParam[], given: Record<string, unknown>): Record<string, unknown> {
  const known = new Set(declared.map((p) => p.name));
  const unknown = Object.keys(given).find((k) => !known.has(k));
  if (unknown) throw new BadParameterError(`params.${unknown}`, `this query has no parameter "${unknown}" (it takes: ${[...known].join(', ') || 'none'})`);
  const out: Record<string, unknown> = {};
  for (const p of declared) {
    const raw = given[p.name] ?? p.default;
    const name = `params.${p.name}`;
    if (raw === undefined || raw === null || raw === '') throw new BadParameterError(name, `is required (${p.type})`);
    switch (p.type) {
      case 'int': {
        const n = typeof raw === 'string' ? Number(raw) : raw;
        if (typeof n !== 'number' || !Number.isInteger(n)) throw new BadParameterError(name, 'must be a whole number');
        out[p.name] = neo4j.int(n);
        break;
      }
      case 'float': {
        const n = typeof raw === 'string' ? Number(raw) : raw;
        if (typeof n !== 'number' || !Number.isFinite(n)) throw new BadParameterError(name, 'must be a number');
        out[p.name] = n;
        break;
      }
      case 'bool':
        if (raw !== true && raw !== false && raw !== 'true' && raw !== 'false') throw new BadParameterError(name, 'must be true or false');
        out[p.name] = raw === true || raw === 'true';
        break;
      case 'date':
        if (typeof raw !== 'string' || !/^\d{4}-\d{2}(-\d{2})?$/.test(raw)) throw new BadParameterError(name, 'must be a date like 2024-10-01 (or a month like 2024-10)');
        out[p.name] = raw;
        break;
      case 'node': {
        if (typeof raw !== 'string' || raw.length > 2000) throw new BadParameterError(name, `must be the id of a ${p.label ?? 'node'}`);
        const prefix = p.label ? `${p.label}:` : null;
        out[p.name] = prefix && raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
        break;
      }
      default:
        if (typeof raw !== 'string' || raw.length > 2000) throw new BadParameterError(name, 'must be text (at most 2000 characters)');
        out[p.name] = raw;
    }
  }
  return out;
}
