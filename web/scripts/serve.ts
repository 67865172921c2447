/**
 * The web app as `npm start` runs it: built for production if needed, then `next start` on
 * PORT (default 3000), loopback only unless HOST says otherwise. GATEWAY_URL names the graph.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, webDir } from './build.js';

await ensureBuilt();
const child = spawn(
  process.execPath,
  [
    join(webDir, '..', 'node_modules', 'next', 'dist', 'bin', 'next'),
    'start',
    '--port',
    process.env.PORT ?? '3000',
    '--hostname',
    process.env.HOST ?? '127.0.0.1',
  ],
  { cwd: webDir, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.once('exit', (code) => process.exit(code ?? 0));
