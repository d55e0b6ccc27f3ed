// Read-only by proof, part one: rules checked on the text before anything reaches the database (one statement,
// no LOAD CSV, no database switch, no admin procedures, no hidden Unicode), each refusal naming its rule.
import { QueryRefusedError } from '../errors.ts';

export const MAX_QUERY_LENGTH = 20_000;

/** Procedures a read-only user query may call. */
export const ALLOWED_PROCEDURES = new Set([
  'db.labels', 'db.relationshiptypes', 'db.propertykeys', 'db.index.fulltext.querynodes', 'db.index.fulltext.queryrelationships',
  'db.schema.visualization', 'db.schema.nodetypeproperties', 'db.schema.reltypeproperties', 'dbms.components',
]);

/** The text with string literals and comments blanked out (same length), for structural checks. */
export function codeOnly(query: string): string {
  let out = '';
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    const next = query[i + 1];
    if (ch === '/' && next === '/') {
      while (i < query.length && query[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (ch === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      const stop = end < 0 ? query.length : end + 2;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      const quote = ch;
      out += ch;
      i++;
      while (i < query.length && query[i] !== quote) {
        if (query[i] === '\\') {
          out += ' ';
          i++;
        }
        out += quote === '`' ? query[i] ?? '' : ' ';
        i++;
      }
      out += quote;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Throws QueryRefusedError when the text breaks a rule; returns the statement to EXPLAIN. */
export function checkText(query: string): string {
  const q = query.trim().replace(/;\s*$/, '');
  if (q.length === 0) throw new QueryRefusedError('empty', 'Refused (rule: empty): the query is empty.');
  if (q.length > MAX_QUERY_LENGTH) throw new QueryRefusedError('too-long', `Refused (rule: too-long): the query is longer than ${MAX_QUERY_LENGTH} characters.`);
  if (/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/.test(q)) throw new QueryRefusedError('unicode', 'Refused (rule: unicode): the query contains invisible or direction-changing characters.');
  if (q !== q.normalize('NFKC')) throw new QueryRefusedError('unicode', 'Refused (rule: unicode): the query contains look-alike (compatibility) characters; type it in plain ASCII.');
  const code = codeOnly(q);
  if (/;\s*\S/.test(code)) throw new QueryRefusedError('multiple-statements', 'Refused (rule: multiple-statements): run one statement at a time.');
  const upper = code.toUpperCase();
  if (/^\s*(EXPLAIN|PROFILE)\b/.test(upper)) throw new QueryRefusedError('explain-prefix', 'Refused (rule: explain-prefix): leave out EXPLAIN/PROFILE; the server explains every query itself.');
  if (/\bLOAD\s+CSV\b/.test(upper)) throw new QueryRefusedError('load-csv', 'Refused (rule: load-csv): LOAD CSV reads files and URLs; it is not allowed here.');
  if (/(^|\s)USE\s+/.test(upper)) throw new QueryRefusedError('database-switch', 'Refused (rule: database-switch): queries run on the product database only (no USE).');
  if (/^\s*(SHOW|START|STOP|DROP|ALTER|GRANT|DENY|REVOKE|TERMINATE|ENABLE|DEALLOCATE|RENAME)\b/.test(upper) || /^\s*CREATE\s+(OR\s+REPLACE\s+)?(INDEX|CONSTRAINT|FULLTEXT|RANGE|TEXT|POINT|LOOKUP|VECTOR|USER|ROLE|DATABASE|COMPOSITE|ALIAS)\b/.test(upper)) {
    throw new QueryRefusedError('administration', 'Refused (rule: administration): administration commands are not allowed.');
  }
  for (const m of code.matchAll(/\bCALL\s+([A-Za-z_][\w.]*)\s*\(/gi)) {
    if (!ALLOWED_PROCEDURES.has(m[1]!.toLowerCase())) {
      throw new QueryRefusedError('procedure-not-allowed', `Refused (rule: procedure-not-allowed): the procedure ${m[1]} is not on the read-only allow list.`);
    }
  }
  for (const m of code.matchAll(/\bCALL\s+([A-Za-z_][\w.]*)\s*(?:YIELD|$|\n)/gi)) {
    if (!ALLOWED_PROCEDURES.has(m[1]!.toLowerCase())) {
      throw new QueryRefusedError('procedure-not-allowed', `Refused (rule: procedure-not-allowed): the procedure ${m[1]} is not on the read-only allow list.`);
    }
  }
  return q;
}
