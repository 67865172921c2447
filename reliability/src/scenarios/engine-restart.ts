/**
 * Restart Neo4j and the MongoDB-wire server under load, gracefully and with kill -9: no
 * acknowledged write is lost (samples in MongoDB, story edits in Neo4j), the services
 * reconnect by themselves, and a story edit in flight at the fault lands whole or not at all.
 *
 * The engines are the scenario's own (OwnEngines): the shared ones serve other tests.
 */
import { until } from '@mindscape/test-kit';
import { StoryAuthor, textOf } from '../authoring.js';
import { sampleLedger } from '../ledger.js';
import { OwnEngines, type EngineName } from '../own-engines.js';
import { ScenarioReport, ms, type ScenarioOptions } from '../report.js';
import { ProcessStack } from '../stack.js';
import { WearableFleet } from '../wearables.js';
import { describeFailures } from './emotions-kill.js';

interface Fault {
  engine: EngineName;
  how: 'graceful' | 'kill -9';
}

export async function engineRestart(options: ScenarioOptions): Promise<void> {
  const report = new ScenarioReport(
    'restart Neo4j and the MongoDB-wire server under load',
    options,
  );
  const faults: Fault[] = options.short
    ? [
        { engine: 'mongo', how: 'kill -9' },
        { engine: 'neo4j', how: 'kill -9' },
      ]
    : [
        { engine: 'mongo', how: 'graceful' },
        { engine: 'mongo', how: 'kill -9' },
        { engine: 'neo4j', how: 'graceful' },
        { engine: 'neo4j', how: 'kill -9' },
      ];
  report.step('starting Neo4j and FerretDB of the scenario’s own');
  const engines = await OwnEngines.start();
  let stack: ProcessStack | undefined;
  let fleet: WearableFleet | undefined;
  let author: StoryAuthor | undefined;
  try {
    stack = await ProcessStack.start({ subgraphs: ['emotions', 'stories'], engines: engines.uris });
    fleet = await WearableFleet.create(stack.gatewayUrl, {
      count: 4,
      samplesPerSecond: 40,
      batchSize: 5,
      seconds: 900,
      prefix: 'Engine',
    });
    author = await StoryAuthor.create(stack.gatewayUrl);
    fleet.start();
    author.start();
    report.step('4 wearables (MongoDB writes) and an author adding scenes (Neo4j writes)');
    const rows: string[] = [];
    for (const fault of faults) {
      const acks = () => fleet!.totals().batchesAcked;
      const edits = () => author!.acknowledged.length;
      const [acksBefore, editsBefore] = [acks(), edits()];
      await until('writes flowing', () => acks() >= acksBefore + 4 && edits() >= editsBefore + 2, {
        timeoutMs: 60_000,
      });
      const failuresBefore = [
        fleet.totals().attempts - fleet.totals().batchesAcked,
        author.failures,
      ];
      const downAt = Date.now();
      if (fault.how === 'graceful') await engines.stopEngine(fault.engine);
      else await engines.killEngine(fault.engine);
      // Writes to the engine fail while it is down: wait until the load has felt it.
      const felt = () =>
        fault.engine === 'mongo'
          ? fleet!.totals().attempts - fleet!.totals().batchesAcked > failuresBefore[0]!
          : author!.failures > failuresBefore[1]!;
      await until(`writes to ${fault.engine} failing`, felt, { timeoutMs: 60_000 }).catch(() =>
        report.note(`${fault.engine} ${fault.how}: no write failed while it was down`),
      );
      await engines.startEngine(fault.engine);
      const upAt = Date.now();
      const [acksAtUp, editsAtUp] = [acks(), edits()];
      let backMs = NaN;
      try {
        await until(
          'samples and edits acknowledged again',
          () => acks() > acksAtUp && edits() > editsAtUp,
          { timeoutMs: 90_000 },
        );
        backMs = Date.now() - upAt;
      } catch (error) {
        report.check(
          false,
          `${fault.engine} ${fault.how}: services did not reconnect: ${(error as Error).message}`,
        );
      }
      const row = `down ${ms(upAt - downAt)}, writes acknowledged again ${ms(backMs)} after the restart`;
      rows.push(`${fault.engine} ${fault.how}: ${row}`);
      report.step(`${fault.engine} ${fault.how}: ${row}`);
    }
    await fleet.stop();
    await author.stop();

    const ledger = await sampleLedger(engines.uris.mongoUri, stack.databases.EMOTIONS_DB, fleet);
    const story = (await author.read()).data?.story;
    const names = story?.scenes.map((s) => s.name) ?? [];
    const lostEdits = author.acknowledged.filter((n) => !names.includes(n));
    const torn = (story?.scenes ?? []).filter((s) => s.text !== textOf(s.name));
    const twice = names.length - new Set(names).size;
    const landed = author.acknowledged.length + author.landedUnanswered.length;
    const totals = fleet.totals();
    for (const row of rows) report.figure(row.split(':')[0]!, row.split(': ')[1]!);
    report.figure('samples acknowledged / stored', `${ledger.acknowledged} / ${ledger.stored}`);
    report.figure('acknowledged samples lost', ledger.lost);
    report.figure('samples stored twice', ledger.duplicated);
    report.figure('ingest attempts refused', describeFailures(totals.failures));
    report.figure('story edits acknowledged', author.acknowledged.length);
    report.figure('edits landed, answer lost', author.landedUnanswered.length);
    report.figure('acknowledged edits lost', lostEdits.length);
    report.figure('scenes half-written (text ≠ sent)', torn.length);
    report.figure('scenes added twice', twice);
    report.figure(
      'story version (from creation + edits landed)',
      `${story?.version} (${author.startVersion} + ${landed})`,
    );
    report.figure('author edit failures while down', author.failures);
    const stopped = fleet.wearables.filter((w) => w.error !== undefined);
    report.check(stopped.length === 0, `a strap gave up: ${String(stopped[0]?.error)}`);
    // 804fbbd maps a database outage to SERVICE_UNAVAILABLE; a kill -9 still gets through.
    report.checkKnownBug(
      !totals.failures.has('INTERNAL_SERVER_ERROR'),
      'ingest answered INTERNAL_SERVER_ERROR while MongoDB was away',
      'some driver errors of a killed FerretDB (a connection closed mid-operation) are not yet ' +
        'mapped to SERVICE_UNAVAILABLE (platform/src/errors.ts, 804fbbd)',
    );
    report.check(ledger.lost === 0, `${ledger.lost} acknowledged samples lost`);
    report.check(ledger.duplicated === 0, `${ledger.duplicated} samples stored twice`);
    report.check(lostEdits.length === 0, `acknowledged edits lost: ${lostEdits.join(', ')}`);
    report.check(torn.length === 0, `${torn.length} scenes half-written`);
    report.check(twice === 0, `${twice} scenes added twice`);
    report.check(names.length === landed, `${names.length} scenes but ${landed} edits landed`);
    report.check(
      story?.version === author.startVersion + landed,
      `version ${story?.version} after ${landed} edits from version ${author.startVersion}: an edit landed in part`,
    );
  } finally {
    await fleet?.stop();
    await author?.stop();
    await stack?.close();
    await engines.close();
  }
  report.checkNoCrashes(stack?.crashes ?? []);
  report.finish();
}
