// `npm run neo4j`: runs the embedded Neo4j in the foreground (for sharing one instance between commands).
// Ctrl-C stops it; other commands started meanwhile find it on NEO4J_BOLT_PORT and reuse it.
import { readDbConfig, ConfigError } from './config.ts';
import { LauncherError, startEmbedded } from './launcher.ts';

async function main(): Promise<void> {
  const config = readDbConfig();
  if (config.mode === 'external') {
    console.log(`NEO4J_URI is set (${config.uri}): nothing to start.`);
    return;
  }
  const handle = await startEmbedded(config);
  if (!handle.owned) return;
  console.log(`Embedded Neo4j running on ${handle.uri}. Press Ctrl-C to stop.`);
  const stop = () => {
    void handle.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof LauncherError || e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
