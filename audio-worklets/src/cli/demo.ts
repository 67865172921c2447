/**
 * npm run demo -w @mindscape/audio-worklets — serves the demo page (each preset playable) on
 * http://127.0.0.1:4100 (DEMO_PORT). Open it in a browser; sound starts on a click.
 */
import { serveDemo } from '../browser/demo-server.js';

const port = Number(process.env.DEMO_PORT ?? 4100);
await serveDemo(port);
console.log(`sound engine demo on http://127.0.0.1:${port}`);
