/**
 * kill -9 the emotions subgraph mid-ingest while wearables keep streaming and retrying:
 * no acknowledged sample lost or stored twice (counted in MongoDB by sequence number), the
 * live state and `stateChanged` resume by themselves, and every subscriber is told events
 * may have been missed.
 */
import { until } from '@mindscape/test-kit';
import { closeAll, gapThenData, payloadOf, subscribe, unexpectedErrors } from '../events.js';
import { sampleLedger } from '../ledger.js';
import { ScenarioReport, ms, type ScenarioOptions } from '../report.js';
import { ProcessStack } from '../stack.js';
import { WearableFleet } from '../wearables.js';

const STATE = 'subscription { stateChanged { heartRate updatedAt } }';

export async function emotionsKill(options: ScenarioOptions): Promise<void> {
  const { short } = options;
  const report = new ScenarioReport('kill -9 the emotions subgraph mid-ingest', options);
  const straps = short ? 4 : 10;
  const samplesPerSecond = short ? 80 : 200;
  const stack = await ProcessStack.start({ subgraphs: ['emotions'] });
  const fleet = await WearableFleet.create(stack.gatewayUrl, {
    count: straps,
    samplesPerSecond,
    batchSize: 5,
    seconds: 600,
    prefix: 'Kill',
  });
  const subscribers = fleet.wearables.map((w) =>
    subscribe<{ heartRate: number }>(stack.gatewayUrl, w.wearer.accessToken, STATE),
  );
  try {
    report.step(`${straps} wearables stream ${samplesPerSecond} samples/s; one subscriber each`);
    fleet.start();
    await until(
      'every subscriber hears a state',
      () =>
        subscribers.every((s) =>
          s.log.results.some((r) => payloadOf(r, 'stateChanged') !== undefined),
        ),
      { timeoutMs: 60_000 },
    );
    const ackedBefore = fleet.wearables.map((w) => w.counters.batchesAcked);
    await fleet.when('every strap acknowledged 3 more batches', () =>
      fleet.wearables.every((w, i) => w.counters.batchesAcked >= ackedBefore[i]! + 3),
    );

    // Mid-ingest: the kill lands while batches are on their way.
    await fleet.when('batches in flight', () => fleet.wearables.some((w) => w.inFlight));
    const inFlightAtKill = fleet.wearables.filter((w) => w.inFlight).length;
    const atKill = subscribers.map((s) => s.log.results.length);
    const failedAtKill = fleet.wearables.map((w) => w.failedAttempts);
    const acknowledgedAtKill = fleet.totals().samplesAcked;
    const killedAt = Date.now();
    await stack.kill('emotions');
    report.step(`killed emotions after ${acknowledgedAtKill} acknowledged samples`);
    await fleet.when('every strap had a batch refused', () =>
      fleet.wearables.every((w, i) => w.failedAttempts > failedAtKill[i]!),
    );
    const refusedAfterMs = Date.now() - killedAt;

    await stack.startService('emotions');
    const upAt = Date.now();
    report.step(`emotions restarted (${ms(upAt - killedAt)} after the kill)`);
    const ackedAtRestart = fleet.wearables.map((w) => w.counters.batchesAcked);
    await fleet.when('every strap acknowledged a batch after the restart', () =>
      fleet.wearables.every((w, i) => w.counters.batchesAcked > ackedAtRestart[i]!),
    );
    const ingestBackMs = Date.now() - upAt;
    await until(
      'every subscriber told of the gap, then a new state',
      () =>
        subscribers.every((s, i) => gapThenData(s.log.results, atKill[i]!, 'stateChanged').resumed),
      { timeoutMs: 60_000 },
    );
    const stateBackMs = Date.now() - upAt;
    report.step('every subscriber was told of the gap and hears states again');
    await fleet.stop();

    const totals = fleet.totals();
    const ledger = await sampleLedger(stack.engines.mongoUri, stack.databases.EMOTIONS_DB, fleet);
    const announced = subscribers.filter(
      (s, i) => gapThenData(s.log.results, atKill[i]!, 'stateChanged').announced,
    ).length;
    const errors = subscribers.flatMap((s) => unexpectedErrors(s.log.results));
    report.figure('batches in flight at the kill', inFlightAtKill);
    report.figure('samples acknowledged', ledger.acknowledged);
    report.figure('samples stored (MongoDB)', ledger.stored);
    report.figure('acknowledged samples lost', ledger.lost);
    report.figure('samples stored twice', ledger.duplicated);
    report.figure('samples counted "accepted" twice', ledger.acceptedTwice);
    report.figure('stored but never acknowledged', ledger.storedUnacknowledged);
    report.figure('stored before the kill, acked on retry', `${totals.duplicates} (as duplicates)`);
    report.figure('attempts refused while down', describeFailures(totals.failures));
    report.figure('first refusal after the kill', ms(refusedAfterMs));
    report.figure('down (kill → healthy again)', ms(upAt - killedAt));
    report.figure('ingest acknowledged again after', ms(ingestBackMs));
    report.figure('stateChanged after the gap notice', ms(stateBackMs));
    report.figure('subscribers told of the gap', `${announced} of ${subscribers.length}`);
    report.figure('other errors on subscriptions', errors.length);
    report.check(
      fleet.wearables.every((w) => w.error === undefined),
      'a strap stopped on an error',
    );
    report.check(
      ledger.lost === 0,
      `${ledger.lost} acknowledged samples lost (${ledger.lostExamples.join(', ')})`,
    );
    report.check(ledger.duplicated === 0, `${ledger.duplicated} samples stored twice`);
    report.check(ledger.acceptedTwice === 0, `${ledger.acceptedTwice} samples accepted twice`);
    report.check(announced === subscribers.length, 'a subscriber was not told of the gap');
    report.check(errors.length === 0, `subscribers saw errors: ${JSON.stringify(errors[0])}`);
  } finally {
    await fleet.stop();
    await closeAll(subscribers);
    await stack.close();
  }
  report.checkNoCrashes(stack.crashes);
  report.finish();
}

export function describeFailures(failures: Map<string, number>): string {
  if (failures.size === 0) return '0';
  return [...failures].map(([reason, count]) => `${count} ${reason}`).join(', ');
}
