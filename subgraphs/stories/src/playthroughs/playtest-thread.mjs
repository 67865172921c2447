// The playtest worker's entry. Services run TypeScript through tsx, whose loader a worker
// thread does not inherit on Node 20: it is registered here before the worker's code loads.
import { register } from 'tsx/esm/api';

register();
await import('./playtest-worker.ts');
