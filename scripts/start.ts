/**
 * `npm start`: the data engines, every subgraph and the gateway, on this machine's loopback.
 * Ctrl-C stops everything in reverse order; data stays in the ignored .neo4j/ and .ferretdb/.
 */
import { progress } from '@mindscape/devkit';
import { loadDevSecrets } from './stack/dev-secrets.js';
import { startEngines } from './stack/engines.js';
import { residentMiB, serviceSpecs, startServices } from './stack/services.js';

const began = Date.now();
const secrets = await loadDevSecrets();
let stopping = false;

try {
  const engines = await startEngines(secrets);
  const specs = serviceSpecs(engines, secrets);
  const services = await startServices(specs);
  const gateway = specs.find((s) => s.name === 'gateway')!;
  const pids = services.map((s) => s.process.pid).filter((pid): pid is number => pid !== undefined);

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    progress('stack', 'stopping…');
    for (const service of [...services].reverse()) await service.stop();
    await engines.stop();
    progress('stack', 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const service of services) {
    void service.exited.then((code) => {
      if (!stopping) {
        progress('stack', `${service.name} exited (${code}); stopping the rest`);
        void stop();
      }
    });
  }

  const memory = await residentMiB([...pids, ...engines.pids]);
  const rows: Array<[string, string]> = [
    [
      'GraphQL gateway',
      `http://127.0.0.1:${gateway.port}/graphql   (health /health, readiness /ready, metrics /metrics)`,
    ],
    [
      'Web app',
      `http://127.0.0.1:${specs.find((s) => s.name === 'web')!.port}/   (sign up, /session, /dashboard)`,
    ],
    ...specs
      .filter((s) => s !== gateway && s.name !== 'web')
      .map((s): [string, string] => [
        `${s.name} subgraph`,
        `http://127.0.0.1:${s.port}/graphql   (loopback only; clients use the gateway)`,
      ]),
    ['MongoDB', engines.mongoUri],
    ['Neo4j', engines.neo4j.uri],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  console.log(`
MindScape is running (${((Date.now() - began) / 1000).toFixed(1)} s to start${memory ? `, ${memory} MiB resident` : ''}):
${rows.map(([label, value]) => `  ${label.padEnd(width)}${value}`).join('\n')}
${process.env.LOG_REQUESTS === '1' ? 'A line per HTTP request follows (LOG_REQUESTS=1).' : 'HTTP requests are not shown: LOG_REQUESTS=1 npm start shows a line each.'}
Press Ctrl-C to stop.`);
} catch (error) {
  console.error(
    `\nMindScape could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
