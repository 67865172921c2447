import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { HEART_PHASES, simulateHeart } from '@mindscape/biosignals';
import { graphql, signUp, useTestStack } from '@mindscape/test-kit';
import { GraphClient, explainRejection, streamBeats } from '../src/index.js';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

describe('the wearable streamer against the real graph', () => {
  const stack = useTestStack();

  test('registers a device from a sign-in and streams a scenario; a replay stores nothing twice', async () => {
    const ana = await signUp(stack.gatewayUrl);
    const client = new GraphClient(stack.gatewayUrl);
    const token = await client.becomeDevice(ana.email, ana.password, 'test strap');
    assert.match(token, /^dt_/);
    const beats = simulateHeart([{ ...HEART_PHASES.rest, seconds: 60 }], {
      start: Date.now() - 70_000,
      seed: 3,
    });
    const reports: number[] = [];
    const first = await streamBeats(client, beats, {
      speed: 0,
      onBatch: (r) => reports.push(r.sent),
    });
    assert.ok(first.accepted >= 59 && first.accepted <= 61, `accepted ${first.accepted}`);
    assert.ok(reports.length >= 12, 'progress is reported per batch');
    const again = await streamBeats(client, beats, { speed: 0, batchSeconds: 20 });
    assert.deepEqual(again, { accepted: 0, duplicates: first.accepted, rejected: 0 });
    const me = await graphql<{ me: { devices: Array<{ name: string }> } }>(
      stack.gatewayUrl,
      '{ me { devices { name } } }',
      {},
      { token: ana.accessToken },
    );
    assert.deepEqual(
      me.data?.me.devices.map((d) => d.name),
      ['test strap'],
    );
  });

  test("the README's example, faster than real time, stores every sample", async () => {
    const ana = await signUp(stack.gatewayUrl);
    // The README runs the stress scenario (10 minutes) at --speed 10; 100 keeps this test at 6 s.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        cli,
        ...['--gateway', stack.gatewayUrl, '--email', ana.email, '--password', ana.password],
        ...['--scenario', 'stress', '--speed', '100', '--batch-seconds', '30'],
      ],
      { timeout: 60_000 },
    );
    const done = /Done: (\d+) stored, (\d+) duplicates, (\d+) rejected\./.exec(stdout);
    assert.ok(done, stdout);
    assert.equal(done[3], '0', stdout);
    assert.ok(Number(done[1]) >= 590, stdout);
    assert.doesNotMatch(stdout, /rejected:/);
  });

  test('rejected samples are explained once per reason, in words', async () => {
    const ana = await signUp(stack.gatewayUrl);
    const client = new GraphClient(stack.gatewayUrl);
    await client.becomeDevice(ana.email, ana.password, 'clock-skewed strap');
    // A strap whose clock runs ten minutes fast.
    const beats = simulateHeart([{ ...HEART_PHASES.rest, seconds: 20 }], {
      start: Date.now() + 10 * 60_000,
      seed: 4,
    });
    const reasons: string[] = [];
    const totals = await streamBeats(client, beats, {
      speed: 0,
      onRejected: (reason) => reasons.push(reason),
    });
    assert.equal(totals.accepted, 0);
    assert.ok(totals.rejected >= 19);
    assert.deepEqual(reasons, ['timestamp is more than 5 minutes in the future']);
    assert.match(explainRejection(reasons[0]!), /5 minutes ahead.*Check this computer's clock/);
  });

  test('a batch lost on the network is sent again, and the graph counts it once', async () => {
    const ana = await signUp(stack.gatewayUrl);
    const token = await new GraphClient(stack.gatewayUrl).becomeDevice(
      ana.email,
      ana.password,
      'flaky strap',
    );
    // A proxy that forwards the first request but drops the connection before answering.
    let requests = 0;
    const proxy = createServer(async (req, res) => {
      const body = await new Promise<string>((resolve) => {
        let data = '';
        req.on('data', (chunk) => (data += chunk));
        req.on('end', () => resolve(data));
      });
      const upstream = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: String(req.headers.authorization),
        },
        body,
      });
      if (++requests === 1) return void req.socket.destroy();
      res
        .writeHead(upstream.status, { 'content-type': 'application/json' })
        .end(await upstream.text());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as { port: number }).port;
    try {
      const beats = simulateHeart([{ ...HEART_PHASES.rest, seconds: 10 }], {
        start: Date.now() - 20_000,
        seed: 6,
      });
      const totals = await streamBeats(
        new GraphClient(`http://127.0.0.1:${port}/graphql`, token),
        beats,
        { speed: 0, batchSeconds: 60 },
      );
      assert.equal(requests, 2, 'the lost batch was sent twice');
      assert.equal(totals.accepted, 0, 'the first send had stored it');
      assert.ok(totals.duplicates >= 9);
      assert.equal(
        await stack.emotions.services.models.samples.countDocuments({ userId: ana.userId }),
        totals.duplicates,
      );
    } finally {
      proxy.close();
    }
  });
});
