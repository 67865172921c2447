/**
 * The web app as `npm start` runs it: built for production if needed, then `next start` on
 * PORT (default 3000), loopback only unless HOST says otherwise. GATEWAY_URL names the graph.
 */
import { ensureBuilt, startNext } from './build.js';

await ensureBuilt();
const server = startNext(Number(process.env.PORT ?? 3000), {}, process.env.HOST ?? '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void server.stop());
const code = await server.exited;
process.exit(typeof code === 'number' ? code : 0);
