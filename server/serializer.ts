// Response serialisation. The routes' zod schemas document every answer (OpenAPI) and, under test, check it:
// each answer must already be exactly what its schema would encode (no missing, extra or re-shaped field), so the
// running server can send `JSON.stringify` of it without re-validating every response. Validating a 150-author
// co-author network on each request cost the server about a seventh of its CPU.
import { isDeepStrictEqual } from 'node:util';
import { createSerializerCompiler } from 'fastify-type-provider-zod';

type Compiler = ReturnType<typeof createSerializerCompiler>;

/** A serializer compiler: plain `JSON.stringify`, or (`check`) the schema's encoding, which must change nothing. */
export function responseSerializer(check: boolean): Compiler {
  const validating = createSerializerCompiler({});
  if (!check) return (() => (data: unknown) => JSON.stringify(data)) as Compiler;
  return ((route: Parameters<Compiler>[0]) => {
    const encode = validating(route);
    return (data: unknown) => {
      const encoded = encode(data);
      const plain = JSON.stringify(data);
      if (encoded !== plain && !isDeepStrictEqual(JSON.parse(encoded), JSON.parse(plain))) {
        throw new Error(`${route.method} ${route.url}: the answer differs from its schema's encoding (a field the schema drops, adds or converts)`);
      }
      return plain;
    };
  }) as Compiler;
}

