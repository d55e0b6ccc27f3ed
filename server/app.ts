// Composition root: external plugins → the database plugin → routes (each file under routes/ is one URL area).
// `buildApp` is what tests boot with `inject`; server.ts owns the process (listen, signals, shutdown).
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { responseSerializer } from './serializer.ts';
import type { Driver } from 'neo4j-driver';
import type { ServerConfig } from './config.ts';
import { registerCompression } from './plugins/compress.ts';
import { problem, registerProblemHandler } from './plugins/problems.ts';
import { CoauthorProjection } from './repositories/coauthor-projection.ts';
import { GraphDb } from './repositories/graphdb.ts';
import { registerRoutes } from './routes/index.ts';

export interface AppOptions {
  driver: Driver;
  database: string;
  config: ServerConfig;
  /** Shown by /api/health. */
  dbUri: string;
  logger?: boolean | { level: string };
  /** Product messages for the console (e.g. the co-author projection's size once built); default: the logger at info. */
  notify?: (msg: string) => void;
}

export interface Deps {
  db: GraphDb;
  config: ServerConfig;
  dbUri: string;
  /** The in-memory co-author graph behind co-author networks (built in the background, rebuilt when analytics change). */
  coauthorProjection: CoauthorProjection;
}

/** How often the server looks whether a load moved the analytics stamp (and rebuilds its co-author graph). */
const PROJECTION_CHECK_MS = 15_000;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  // Ids are path parameters and papers without an arXiv id or DOI are keyed by their title: the router's default
  // 100-character limit answered such papers with "No route" (ids are validated to ≤ 2 000 characters once decoded).
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: config.bodyLimit, routerOptions: { maxParamLength: 8_000 } });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(config.checkResponses));
  registerProblemHandler(app);
  registerCompression(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
      },
    },
  });
  if (config.corsOrigins.length > 0) await app.register(cors, { origin: config.corsOrigins });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: { info: { title: 'Paper Graph Explorer API', version: '0.1.0', description: 'Papers, authors, topics and related work in Neo4j.' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const db = new GraphDb(options.driver, options.database, config.readTimeoutMs);
  const coauthorProjection = new CoauthorProjection(db, config.coauthorProjectionMaxPairs, 10_000, options.notify ?? ((msg) => app.log.info(msg)));
  // Built as soon as the server is ready (in the background; Cypher answers until then).
  app.addHook('onReady', async () => {
    coauthorProjection.warm();
    coauthorProjection.watch(PROJECTION_CHECK_MS);
  });
  app.addHook('onClose', async () => coauthorProjection.close());
  const deps: Deps = { db, config, dbUri: options.dbUri, coauthorProjection };
  await app.register(async (api) => registerRoutes(api, deps), { prefix: '/api' });

  const index = path.join(config.webDist, 'index.html');
  if (fs.existsSync(index)) {
    // The build ships .br/.gz copies of its text files (web/vite.config.ts), sent to clients that accept them.
    // Files under assets/ carry a content hash in their name: cached for good; index.html is always revalidated.
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', file.split(path.sep).includes('assets') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (!req.url.startsWith('/api') && req.method === 'GET' && fs.existsSync(index)) {
      return reply.type('text/html').header('cache-control', 'no-cache').send(fs.readFileSync(index));
    }
    return reply.status(404).type('application/problem+json').send(problem(404, 'NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`));
  });
  return app;
}
