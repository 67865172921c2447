/**
 * Redis lost and back, with two gateways over two emotions instances: ingest goes on, events
 * resume by themselves, no subscriber hears an event twice, and the gap is announced.
 */
import { until } from '@mindscape/test-kit';
import {
  closeAll,
  gapThenData,
  payloadOf,
  subscribe,
  unexpectedErrors,
  type Result,
  type Subscriber,
} from '../events.js';
import { sampleLedger } from '../ledger.js';
import { ScenarioReport, ms, type ScenarioOptions } from '../report.js';
import { ProcessStack } from '../stack.js';
import { WearableFleet } from '../wearables.js';
import { describeFailures } from './emotions-kill.js';

const STATE = 'subscription { stateChanged { heartRate updatedAt } }';
type State = { heartRate: number; updatedAt: string };

export async function redisLoss(options: ScenarioOptions): Promise<void> {
  const { short } = options;
  const report = new ScenarioReport(
    'Redis lost and back (two gateways, two emotions instances)',
    options,
  );
  const straps = short ? 4 : 10;
  const stack = await ProcessStack.start({ subgraphs: ['emotions'], second: true });
  const gateways = [stack.gatewayUrl, stack.url('gateway-2')];
  // Straps alternate between the gateways, so states are computed on both emotions instances.
  const fleet = await WearableFleet.create(gateways, {
    count: straps,
    samplesPerSecond: straps * 10,
    batchSize: 5,
    seconds: 600,
    prefix: 'Redis',
  });
  // Each person watched through both gateways: one hears events the other instance made.
  const subscribers: Array<Subscriber<State>> = fleet.wearables.flatMap((w) =>
    gateways.map((url) => subscribe<State>(url, w.wearer.accessToken, STATE)),
  );
  try {
    report.step(`${straps} wearables over 2 gateways; ${subscribers.length} subscribers`);
    fleet.start();
    await until(
      'every subscriber hears a state',
      () => subscribers.every((s) => s.log.results.some((r) => payloadOf(r, 'stateChanged'))),
      { timeoutMs: 60_000 },
    );
    const atLoss = subscribers.map((s) => s.log.results.length);
    const ackedAtLoss = fleet.wearables.map((w) => w.counters.batchesAcked);
    const lostAt = Date.now();
    await stack.stopRedis();
    report.step('redis-server killed (SIGKILL)');
    // The outage lasts while every strap gets 3 batches through: states are made meanwhile.
    await fleet.when('every strap acknowledged 3 batches without Redis', () =>
      fleet.wearables.every((w, i) => w.counters.batchesAcked >= ackedAtLoss[i]! + 3 || !!w.error),
    );
    const ingestDuring = fleet.wearables.reduce(
      (a, w, i) => a + w.counters.batchesAcked - ackedAtLoss[i]!,
      0,
    );
    await stack.restartRedis();
    const backAt = Date.now();
    report.step(`redis-server back (${ms(backAt - lostAt)} without it)`);
    const atReturn = subscribers.map((s) => s.log.results.length);
    let resumedMs = NaN;
    try {
      await until(
        'every subscriber hears a state again',
        () =>
          subscribers.every((s, i) =>
            s.log.results.slice(atReturn[i]).some((r) => payloadOf(r, 'stateChanged')),
          ),
        { timeoutMs: 60_000 },
      );
      resumedMs = Date.now() - backAt;
    } catch (error) {
      report.check(false, (error as Error).message);
    }
    await fleet.stop();
    const ledger = await sampleLedger(stack.engines.mongoUri, stack.databases.EMOTIONS_DB, fleet);
    const announced = subscribers.filter(
      (s, i) => gapThenData(s.log.results, atLoss[i]!, 'stateChanged').announced,
    ).length;
    const twice = subscribers.reduce((a, s) => a + deliveredTwice(s.log.results), 0);
    const errors = subscribers.flatMap((s) => unexpectedErrors(s.log.results));
    const totals = fleet.totals();
    report.figure('batches acknowledged without Redis', ingestDuring);
    report.figure('ingest attempts refused', describeFailures(totals.failures));
    report.figure('acknowledged samples lost', ledger.lost);
    report.figure('samples stored twice', ledger.duplicated);
    report.figure('Redis down for', ms(backAt - lostAt));
    report.figure('events resumed after Redis was back', ms(resumedMs));
    report.figure('events delivered twice (same state)', twice);
    report.figure('subscribers told of the gap', `${announced} of ${subscribers.length}`);
    report.figure('other errors on subscriptions', errors.length);
    report.check(ledger.lost === 0, `${ledger.lost} acknowledged samples lost`);
    report.check(twice === 0, `${twice} events delivered twice`);
    // Fixed in 21d47cf (the bus announces EVENTS_GAP when its subscriber connection returns).
    report.check(
      announced === subscribers.length,
      `${subscribers.length - announced} of ${subscribers.length} subscribers were not told of the gap`,
    );
    report.check(errors.length === 0, `subscribers saw errors: ${JSON.stringify(errors[0])}`);
  } finally {
    await fleet.stop();
    await closeAll(subscribers);
    await stack.close();
  }
  report.checkNoCrashes(stack.crashes);
  report.finish();
}

/** States heard more than once by one subscriber (each state has its own `updatedAt`). */
function deliveredTwice(results: readonly Result[]): number {
  const seen = new Set<string>();
  let twice = 0;
  for (const r of results) {
    const state = payloadOf<State>(r, 'stateChanged');
    if (!state) continue;
    const key = `${state.updatedAt}|${state.heartRate}`;
    if (seen.has(key)) twice++;
    seen.add(key);
  }
  return twice;
}
