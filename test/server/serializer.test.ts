// The response serializer: plain JSON in production; under test, an answer its schema would change is an error.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializer } from '../../server/serializer.ts';

const schema = z.object({ id: z.string(), n: z.number(), tags: z.array(z.string()).optional() });
const compile = (check: boolean) => responseSerializer(check)({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);

describe('responseSerializer', () => {
  it('sends exactly JSON.stringify of the answer', () => {
    for (const check of [false, true]) expect(compile(check)({ n: 2, id: 'a' })).toBe('{"n":2,"id":"a"}');
  });

  it('checking: refuses an answer with a field the schema would drop', () => {
    expect(() => compile(true)({ id: 'a', n: 1, secret: 'x' })).toThrow(/differs from its schema/);
    expect(compile(false)({ id: 'a', n: 1, secret: 'x' })).toBe('{"id":"a","n":1,"secret":"x"}');
  });

  it('checking: refuses an answer that does not match the schema', () => {
    expect(() => compile(true)({ id: 'a', n: 'one' })).toThrow();
    expect(() => compile(true)({ id: 'a', n: 1, tags: [1] })).toThrow();
  });
});
