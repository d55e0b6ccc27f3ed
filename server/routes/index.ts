// Registers every API route module under /api. Each module owns one URL area and its schemas.
// Add a new area by adding its file and one line here.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../app.ts';
import { analysisRoutes } from './analysis.ts';
import { exploreRoutes } from './explore.ts';
import { healthRoutes } from './health.ts';
import { queryRoutes } from './queries.ts';

export async function registerRoutes(api: FastifyInstance, deps: Deps): Promise<void> {
  await healthRoutes(api, deps);
  await exploreRoutes(api, deps);
  await analysisRoutes(api, deps);
  await queryRoutes(api, deps);
}
