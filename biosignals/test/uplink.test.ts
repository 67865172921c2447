import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BiometricUplink,
  RECORD_BIOMETRICS,
  sampleInput,
  sendBatch,
  type BiometricBatchInput,
  type PostOperation,
} from '../src/index.js';

const at = (second: number) => ({ timestamp: Date.UTC(2026, 0, 1, 8, 0, second), heartRate: 60 });

/** A graph that answers every sample as stored, after `failures` network failures. */
function graph(failures = 0) {
  const sent: BiometricBatchInput[] = [];
  let left = failures;
  const post: PostOperation = async (query, { input }) => {
    assert.equal(query, RECORD_BIOMETRICS);
    if (left-- > 0) throw new TypeError('fetch failed');
    sent.push(input);
    return { recordBiometrics: { accepted: input.samples.length, duplicates: 0, rejected: [] } };
  };
  return { post, sent };
}

test('a sample becomes the graph’s input: RFC 3339 time, nothing unmeasured', () => {
  assert.deepEqual(sampleInput({ timestamp: 0, heartRate: 61, rrIntervals: [980, 1000] }), {
    timestamp: '1970-01-01T00:00:00.000Z',
    heartRate: 61,
    rrIntervals: [980, 1000],
  });
  assert.deepEqual(
    sampleInput({ timestamp: 1000, heartRate: undefined, rrIntervals: [], spo2: 97 }),
    { timestamp: '1970-01-01T00:00:01.000Z', spo2: 97 },
  );
});

test('a batch that fails on the way is sent again with backoff; a refusal is not', async () => {
  const flaky = graph(2);
  const report = await sendBatch(
    flaky.post,
    { samples: [sampleInput(at(1))] },
    { firstPauseMs: 1 },
  );
  assert.deepEqual(report, { accepted: 1, duplicates: 0, rejected: [] });
  assert.equal(flaky.sent.length, 1);

  let tries = 0;
  const refusing: PostOperation = async () => {
    tries++;
    throw new Error('UNAUTHENTICATED');
  };
  await assert.rejects(
    sendBatch(refusing, { samples: [] }, { firstPauseMs: 1, retryable: () => false }),
    /UNAUTHENTICATED/,
  );
  assert.equal(tries, 1);
  await assert.rejects(
    sendBatch(graph(10).post, { samples: [] }, { firstPauseMs: 1, attempts: 3 }),
  );
});

test('the uplink sends in batches, in order, with the device; what fails stays queued', async () => {
  const { post, sent } = graph();
  const uplink = new BiometricUplink(post, { deviceId: 'strap-1', batchSize: 2 });
  uplink.enqueue([at(1), at(2), at(3)]);
  assert.deepEqual(await uplink.flush(), { accepted: 3, duplicates: 0, rejected: [] });
  assert.deepEqual(
    sent.map((b) => [b.deviceId, b.samples.length]),
    [
      ['strap-1', 2],
      ['strap-1', 1],
    ],
  );
  assert.equal(uplink.sent, 3);

  let online = false;
  const offline = new BiometricUplink(
    async (query, variables) => {
      if (!online) throw new TypeError('fetch failed');
      return post(query, variables);
    },
    { attempts: 1, keep: 3 },
  );
  offline.enqueue([at(10), at(11)]);
  await assert.rejects(offline.flush(), /fetch failed/);
  offline.enqueue([at(12), at(13)]);
  assert.equal(offline.queued, 3, 'the oldest is dropped past `keep`');
  online = true;
  await offline.flush();
  assert.deepEqual(
    sent.at(-1)!.samples.map((s) => s.timestamp.slice(17, 19)),
    ['11', '12', '13'],
  );
  assert.equal(offline.queued, 0);
});
