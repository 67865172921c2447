/**
 * Fuzzing the gateway (issue 13): hostile but well-formed operations built from the schema,
 * random JSON and bytes on POST /graphql, random graphql-ws frames on the WebSocket. Seeded,
 * bounded by case count and time, loopback only. 0 answers of 5xx; every refusal a 4xx (or a
 * 200 with errors) whose errors carry `extensions.code`; the gateway healthy afterwards.
 *
 * CI runs a bounded variant (2,000 cases, at most 45 s). The full one: FUZZ_CASES=20000 npm run fuzz
 * (FUZZ_SECONDS bounds its time, an hour by default).
 * A failure prints its seed and case: FUZZ_SEED=<seed> FUZZ_ONLY=<case> npm run fuzz reruns it.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  fuzzGateway,
  graphql,
  recordGraph,
  signUp,
  useTestStack,
  type RecordedGraph,
} from '@mindscape/test-kit';

const intVar = (name: string, fallback: number) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a whole number, not "${value}".`);
  return parsed;
};
const SEED = intVar('FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
const CASES = intVar('FUZZ_CASES', 2000);
// A run asked for many cases gets the time for them; the CI default stays under a minute.
const SECONDS = intVar('FUZZ_SECONDS', CASES > 2000 ? 3600 : 45);
const ONLY = process.env.FUZZ_ONLY ? intVar('FUZZ_ONLY', 0) : undefined;

describe('fuzzing the gateway from the schema', () => {
  let graph: RecordedGraph;
  // The gateway as deployed (limits, no introspection), except for rate limits: a fuzzer is
  // one busy address, and 429s would hide what lies behind them.
  const stack = useTestStack(
    {
      gateway: {
        RATE_LIMIT_PER_IP_PER_MINUTE: '10000000',
        RATE_LIMIT_PER_PERSON_PER_MINUTE: '10000000',
      },
    },
    async () => {
      await graph?.close();
    },
  );
  before(async () => {
    // The schema, from a second gateway that lets a developer introspect.
    graph = await recordGraph(stack, { GRAPHQL_INTROSPECTION: 'true' });
  });

  test(
    `no 5xx, every refusal coded, healthy after (seed ${SEED})`,
    { timeout: (SECONDS + 120) * 1000 },
    async () => {
      let lastPrint = Date.now();
      const report = await fuzzGateway(stack.gatewayUrl, graph.api, {
        seed: SEED,
        cases: CASES,
        seconds: SECONDS,
        ...(ONLY !== undefined ? { only: ONLY } : {}),
        ...(process.env.FUZZ_VERBOSE
          ? {
              onCase: (index: number, input: { label: string }, judged: { outcome: string }) =>
                console.log(`  case ${index} [${input.label.slice(0, 160)}] → ${judged.outcome}`),
            }
          : {}),
        onProgress: (done, failures) => {
          if (Date.now() - lastPrint < 10_000) return;
          lastPrint = Date.now();
          console.log(`  ${done} cases, ${failures} failures so far`);
        },
      });
      console.log(
        `fuzz: ${report.cases} cases in ${report.seconds.toFixed(1)} s (seed ${SEED}; ` +
          `${Object.entries(report.byChannel)
            .map(([channel, n]) => `${n} ${channel}`)
            .join(', ')}); ` +
          `${report.failures.length} failures`,
      );
      console.log(
        `  answers: ${Object.entries(report.outcomes)
          .sort((a, b) => b[1] - a[1])
          .map(([outcome, n]) => `${n}× ${outcome}`)
          .join(', ')}`,
      );
      const failures = report.failures
        .map(
          (f) =>
            `  case ${f.index} [${f.label}]: ${f.problem}\n    rerun: FUZZ_SEED=${SEED} FUZZ_ONLY=${f.index} npm run fuzz`,
        )
        .join('\n');
      if (failures) console.log(failures);

      // Healthy afterwards: /health answers and a real person can sign up and read.
      const health = await fetch(new URL('/health', stack.gatewayUrl));
      assert.equal(health.status, 200, 'the gateway is healthy after the fuzzing');
      const person = await signUp(stack.gatewayUrl, 'After');
      const me = await graphql<{ me: { id: string } }>(
        stack.gatewayUrl,
        '{ me { id } }',
        {},
        { token: person.accessToken },
      );
      assert.equal(me.data?.me.id, person.userId, 'a real query works after the fuzzing');

      assert.ok(report.cases > 0, 'some cases ran');
      assert.equal(
        report.failures.length,
        0,
        `${report.failures.length} failures (seed ${SEED}):\n${failures}`,
      );
    },
  );
});
