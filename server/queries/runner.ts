// Read-only by proof, part two: EXPLAIN in a read transaction must report queryType 'r'; then the statement runs
// in a read transaction with a timeout and a row cap. Results become rows (plain JSON) and a graph.
import neo4j, { type Driver } from 'neo4j-driver';
import { QueryRefusedError } from '../errors.ts';
import { mapDbError } from '../repositories/graphdb.ts';
import { displayLabel, edgeId, typeOfLabels, type GEdge, type GNode, type Graph } from '../repositories/ids.ts';
import { toPlain, toPlainObject, type Plain } from '../repositories/plain.ts';
import { checkText } from './guard.ts';

export interface RunLimits {
  timeoutMs: number;
  rowCap: number;
}

export interface RunResult {
  columns: string[];
  rows: Plain[][];
  graph: Graph;
  truncated: boolean;
  ms: number;
}

interface DriverNode {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
interface DriverRel {
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, unknown>;
}

/** Proves a statement read-only with EXPLAIN; throws QueryRefusedError otherwise. */
export async function proveReadOnly(driver: Driver, database: string, query: string, params: Record<string, unknown>): Promise<string> {
  const statement = checkText(query);
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const res = await session.executeRead((tx) => tx.run(`EXPLAIN ${statement}`, params), { timeout: 5_000 });
    const type = res.summary.queryType;
    if (type !== 'r') throw new QueryRefusedError('not-read-only', `Refused (rule: not-read-only): the query plan says it would ${type === 'w' || type === 'rw' ? 'write to the graph' : type === 's' ? 'change the schema' : 'not only read'} (query type "${type}").`);
    return statement;
  } catch (e) {
    if (e instanceof QueryRefusedError) throw e;
    const mapped = mapDbError(e, 5_000);
    if (mapped !== e) throw mapped;
    const msg = (e as Error).message.split('\n')[0] ?? 'invalid query';
    const code = (e as { code?: string }).code ?? '';
    if (code.includes('AccessMode') || /write|not allowed|read only/i.test(msg)) throw new QueryRefusedError('not-read-only', `Refused (rule: not-read-only): ${msg}`);
    throw new QueryRefusedError('syntax', `Refused (rule: syntax): ${msg}`);
  } finally {
    await session.close();
  }
}

function toGraph(rows: unknown[][]): Graph {
  const nodes = new Map<string, GNode>();
  const byElement = new Map<string, string>();
  const rels: DriverRel[] = [];
  const visit = (v: unknown): void => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) return v.forEach(visit);
    if (neo4j.isNode(v as never)) {
      const n = v as unknown as DriverNode;
      const type = typeOfLabels(n.labels);
      if (!type) return;
      const props = toPlainObject(n.properties);
      const { hash: _h, titleKey: _t, termText: _x, ...visible } = props;
      const id = `${type}:${String(props.id ?? n.elementId)}`;
      byElement.set(n.elementId, id);
      nodes.set(id, { id, type, label: displayLabel(type, props), props: visible });
    } else if (neo4j.isRelationship(v as never)) rels.push(v as unknown as DriverRel);
    else if (neo4j.isPath(v as never)) {
      for (const s of (v as unknown as { segments: { start: unknown; relationship: unknown; end: unknown }[] }).segments) {
        visit(s.start);
        visit(s.end);
        visit(s.relationship);
      }
    } else if (typeof v === 'object' && !neo4j.isInt(v as never)) Object.values(v as object).forEach(visit);
  };
  rows.forEach(visit);
  const edges = new Map<string, GEdge>();
  for (const r of rels) {
    const s = byElement.get(r.startNodeElementId);
    const t = byElement.get(r.endNodeElementId);
    if (!s || !t) continue;
    const id = edgeId(r.type, s, t);
    edges.set(id, { id, type: r.type, source: s, target: t, props: toPlainObject(r.properties) });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: false };
}

/** Compact row value: nodes as {id, type, label}, relationships as their type and properties. */
function cell(v: unknown): Plain {
  if (neo4j.isNode(v as never)) {
    const n = v as unknown as DriverNode;
    const type = typeOfLabels(n.labels);
    const props = toPlainObject(n.properties);
    return type ? { id: `${type}:${String(props.id)}`, type, label: displayLabel(type, props) } : toPlain(v);
  }
  if (neo4j.isRelationship(v as never)) {
    const r = v as unknown as DriverRel;
    return { type: r.type, ...toPlainObject(r.properties) };
  }
  if (Array.isArray(v)) return v.map(cell);
  return toPlain(v);
}

/** Proves `query` read-only, then runs it with the limits. */
export async function runReadOnly(driver: Driver, database: string, query: string, params: Record<string, unknown>, limits: RunLimits): Promise<RunResult> {
  const statement = await proveReadOnly(driver, database, query, params);
  const t0 = Date.now();
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const raw: unknown[][] = [];
      let columns: string[] = [];
      let truncated = false;
      const result = tx.run(statement, params);
      columns = (await result.keys()) as string[];
      for await (const record of result) {
        if (raw.length >= limits.rowCap) {
          truncated = true;
          break;
        }
        raw.push(columns.map((c) => record.get(c)));
      }
      const graph = toGraph(raw);
      return { columns, rows: raw.map((r) => r.map(cell)), graph: { ...graph, truncated }, truncated, ms: Date.now() - t0 };
    }, { timeout: limits.timeoutMs });
  } catch (e) {
    const mapped = mapDbError(e, limits.timeoutMs);
    if (mapped !== e) throw mapped;
    const msg = (e as Error).message.split('\n')[0] ?? 'query failed';
    if (/terminated|timed out|timeout/i.test(msg)) throw mapDbError({ code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' }, limits.timeoutMs);
    throw new QueryRefusedError('runtime', `The query failed while running: ${msg}`);
  } finally {
    await session.close();
  }
}
