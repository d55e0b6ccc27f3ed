// toPlain: every driver value a repository can meet becomes plain JSON, however deeply it is nested.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain, toPlainObject } from '../../server/repositories/plain.ts';

const { Node, Relationship, Path, PathSegment, Date: NeoDate, DateTime, Duration } = neo4j.types;

describe('toPlain', () => {
  it('turns Integers into numbers, and ones beyond 2^53 into strings', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toPlain(12n)).toBe(12);
  });

  it('turns temporals into their ISO strings, also inside maps and lists', () => {
    const date = new NeoDate(2024, 5, 7);
    const at = new DateTime(2024, 5, 7, 10, 30, 0, 0, 0);
    expect(toPlain(date)).toBe('2024-05-07');
    expect(toPlain({ when: { first: date, list: [at] } })).toEqual({ when: { first: '2024-05-07', list: ['2024-05-07T10:30:00Z'] } });
    expect(toPlain(new Duration(0, 2, 30, 0))).toBe('P2DT30S');
  });

  it('turns nodes, relationships and paths into plain objects with plain properties', () => {
    const a = new Node(neo4j.int(1), ['Author'], { id: 'a1', papers: neo4j.int(3) }, 'e1');
    const p = new Node(neo4j.int(2), ['Paper'], { id: 'p1', date: new NeoDate(2024, 1, 2) }, 'e2');
    const r = new Relationship(neo4j.int(9), neo4j.int(1), neo4j.int(2), 'AUTHORED', { position: neo4j.int(0) }, 'r9', 'e1', 'e2');
    expect(toPlain(a)).toEqual({ elementId: 'e1', labels: ['Author'], properties: { id: 'a1', papers: 3 } });
    expect(toPlain(r)).toEqual({ elementId: 'r9', type: 'AUTHORED', start: 'e1', end: 'e2', properties: { position: 0 } });
    const path = toPlain(new Path(a, p, [new PathSegment(a, r, p)])) as { segments: { end: { properties: unknown } }[] };
    expect(path.segments).toHaveLength(1);
    expect(path.segments[0]!.end.properties).toEqual({ id: 'p1', date: '2024-01-02' });
  });

  it('keeps nulls, strings, booleans and nested maps as they are', () => {
    expect(toPlainObject({ a: null, b: undefined, c: 'x', d: true, e: { f: [1, 'two', { g: neo4j.int(5) }] } })).toEqual({ a: null, b: null, c: 'x', d: true, e: { f: [1, 'two', { g: 5 }] } });
  });
});
