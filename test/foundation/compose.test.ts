// docker-compose.yml cannot run here (no Docker engine): parse it and check services, image, ports, env, volumes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..');

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
}

describe('docker-compose.yml', () => {
  const doc = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service>; volumes: Record<string, unknown> };

  it('runs the official Neo4j 5.26 community image with a data volume and credentials from env', () => {
    const neo = doc.services.neo4j!;
    expect(neo.image).toBe('neo4j:5.26-community');
    expect(neo.environment?.NEO4J_AUTH).toBe('${NEO4J_USER:-neo4j}/${NEO4J_PASSWORD:-paper-graph-explorer}');
    expect(neo.volumes).toEqual(['neo4j-data:/data']);
    expect(neo.ports).toContain('127.0.0.1:7687:7687');
    expect(Object.keys(doc.volumes)).toEqual(['neo4j-data']);
  });

  it('builds the app from the Dockerfile and wires it to Neo4j through NEO4J_URI', () => {
    const app = doc.services.app!;
    expect(app.build).toBe('.');
    expect(app.environment).toMatchObject({ NEO4J_URI: 'bolt://neo4j:7687', NEO4J_DATABASE: 'neo4j', PORT: '8080' });
    expect(app.environment?.NEO4J_PASSWORD).toContain('NEO4J_PASSWORD');
    expect(app.ports).toEqual(['127.0.0.1:8080:8080']);
    expect(app.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(fs.existsSync(path.join(root, 'Dockerfile'))).toBe(true);
  });
});
