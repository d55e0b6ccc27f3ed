// Shared response schemas (zod): graph nodes, edges and graph answers; types for routes derive from these.
import { z } from 'zod';
import { NODE_TYPES } from '../repositories/ids.ts';

export const nodeType = z.enum(NODE_TYPES as [string, ...string[]]);
export const props = z.record(z.string(), z.unknown());

export const gNode = z.object({ id: z.string(), type: nodeType, label: z.string(), props, degree: z.number().optional() });
export const gEdge = z.object({ id: z.string(), type: z.string(), source: z.string(), target: z.string(), props });
export const graph = z.object({ nodes: z.array(gNode), edges: z.array(gEdge), truncated: z.boolean() });

/** A node id path parameter (`<type>:<key>`, URL-encoded). */
export const idParams = z.object({ id: z.string().min(3).max(2000) });

/** Comma-separated list in a query string → array of trimmed values. */
export const csv = z.string().max(500).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

export const problemSchema = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string(), param: z.string().optional() });
export const errors = { 400: problemSchema, 404: problemSchema, 503: problemSchema };
