/**
 * `npm run bench:loop-browser`: the closed loop end to end in headless Chromium, in real time.
 * A person signs up in the page and starts a relax session; a strap of theirs (the wearable
 * client, a device token) sends one sample a second while their heart moves from rest to
 * stress. Per state event: ingest request sent → the event in the page (every event), and per
 * decision the controller makes, → the audio thread's confirmation of the parameter change
 * (issue 17's end-to-end figure, goal p95 ≤ 60 ms). Baseline: the same events' ingest → a
 * subscriber on the emotions subgraph directly, in this process (no gateway, no browser).
 *
 * BROWSER_LOOP_SECONDS=180 sets the live part (decisions come at most every 8 s, the
 * controller's glide). Prints figures; asserts nothing. Needs Debian's chromium.
 */
import os from 'node:os';
import { hasChromium, launchChromium } from '@mindscape/audio-worklets';
import { freePort } from '@mindscape/devkit';
import { HEART_PHASES, simulateHeart } from '@mindscape/biosignals';
import {
  asPerson,
  gatewayAssertion,
  graphqlWsClient,
  percentile,
  startTestStack,
} from '@mindscape/test-kit';
import { GraphClient, streamBeats } from '@mindscape/wearable';
import { signUpInPage, startRelaxSessionFromWearable } from '../web/test/page-steps.js';
import { startWebServer } from '../web/test/web-server.js';
import { loadDevSecrets } from '../scripts/stack/dev-secrets.js';
import { engineEnvironment, startEngines } from '../scripts/stack/engines.js';
import { table, UNLIMITED_RATES } from './measure.js';

const LIVE_SECONDS = Number(process.env.BROWSER_LOOP_SECONDS ?? 180);
const WARM_SECONDS = 70;
/** What this bench reads of the page's `window.mindscapeSession` (web/src/session/live-loop.ts). */
interface LoopSnapshot {
  arrivals: Array<{ sampleAt: number; receivedAt: number }>;
  timings: Array<{ sampleAt: number; receivedAt: number; appliedAt: number }>;
}

const STATE = { query: 'subscription { stateChanged { updatedAt } }' };

if (!hasChromium()) {
  console.log('bench:loop-browser needs Chromium (apt-get install chromium); skipped.');
  process.exit(0);
}
console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`,
);

const engines = await startEngines(await loadDevSecrets());
Object.assign(process.env, engineEnvironment(engines));
const port = await freePort();
const stack = await startTestStack({
  gateway: { ...UNLIMITED_RATES, WEB_ORIGINS: `http://127.0.0.1:${port}` },
});
const web = await startWebServer(stack.gatewayUrl, port);
const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
try {
  const page = await browser.newPage();
  const email = `loop.${Date.now()}@example.com`;
  const password = 'lavender-morning-42';
  await page.goto(web.url);
  await signUpInPage(page, 'Loop', email, password);
  await startRelaxSessionFromWearable(page);

  const strap = new GraphClient(stack.gatewayUrl);
  await strap.becomeDevice(email, password, 'Bench strap');
  const me = (await strap.request<{ me: { id: string } }>('{ me { id } }', {})).me;
  // The baseline: the same person's events straight from the emotions subgraph.
  const direct = graphqlWsClient(
    stack.emotions.url,
    await gatewayAssertion(stack.secret, 'emotions', STATE, asPerson(me.id)),
  );
  const directAt = new Map<number, number>();
  direct.subscribe(STATE, {
    next: (result) => {
      const at = (result.data as { stateChanged?: { updatedAt?: string } } | undefined)
        ?.stateChanged?.updatedAt;
      if (at) directAt.set(Date.parse(at), performance.timeOrigin + performance.now());
    },
    error: () => {},
    complete: () => {},
  });

  // A resting minute already sent (the window an update needs), then the live part: the heart
  // eases into stress, so the controller has something to decide.
  const startAt = Date.now() + 2_000;
  const beats = simulateHeart(
    [
      { ...HEART_PHASES.rest, seconds: WARM_SECONDS + 20 },
      { ...HEART_PHASES.stress, seconds: LIVE_SECONDS },
    ],
    { start: startAt - WARM_SECONDS * 1000, seed: 11 },
  );
  await streamBeats(
    strap,
    beats.filter((b) => b.time < startAt),
    { batchSeconds: 60, speed: 0 },
  );
  const sentAt = new Map<number, number>();
  console.log(`[loop-browser] streaming ${LIVE_SECONDS} s in real time, one sample a second…`);
  await streamBeats(
    strap,
    beats.filter((b) => b.time >= startAt && b.time < startAt + LIVE_SECONDS * 1000),
    {
      batchSeconds: 1,
      speed: 1,
      onSend: (batch) => {
        for (const sample of batch)
          sentAt.set(sample.timestamp, performance.timeOrigin + performance.now());
      },
      onBatch: ({ sent, of }) => {
        if (sent % 30 === 0) console.log(`[loop-browser] ${sent}/${of} s`);
      },
    },
  );
  await stack.emotions.services.engine.settle();
  const snap = (await page.evaluate(
    () => (window as { mindscapeSession?: LoopSnapshot }).mindscapeSession ?? null,
  ))!;
  await direct.dispose();

  const since = (at: number, sampleAt: number) => at - (sentAt.get(sampleAt) ?? NaN);
  const arrivals = snap.arrivals.map((a) => since(a.receivedAt, a.sampleAt));
  const directs = [...directAt].map(([sampleAt, at]) => since(at, sampleAt));
  const applied = snap.timings.map((t) => since(t.appliedAt, t.sampleAt));
  const engine = snap.timings.map((t) => t.appliedAt - t.receivedAt);
  const row = (stage: string, values: number[]) => {
    const v = values.filter(Number.isFinite).sort((a, b) => a - b);
    return [stage, v.length, percentile(v, 50), percentile(v, 95), percentile(v, 99)];
  };
  table(
    `The loop in Chromium, real time, ${LIVE_SECONDS} s (ms; goal: sample sent → parameter change p95 ≤ 60)`,
    ['stage', 'n', 'p50', 'p95', 'p99'],
    [
      row('baseline: sent → event, subgraph directly', directs),
      row('sent → event in the page (via gateway)', arrivals),
      row('event → audio thread confirms the change', engine),
      row('sent → parameter change (end to end)', applied),
    ],
  );
} finally {
  await browser.close();
  await web.close();
  await stack.close();
  await engines.stop();
}
