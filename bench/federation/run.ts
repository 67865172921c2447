/**
 * The public gateway benchmarks' federation scenario (four constant-time subgraphs, one nested
 * query), with four gateways side by side in one run, each in its own process tree with the
 * same number of node:cluster workers: MindScape's gateway, stock @apollo/gateway, Hive
 * Gateway, and Hive Gateway with the router runtime. The subgraphs and the load generator run
 * in processes of their own. Figures only; a wrong answer stops the run.
 *
 *   npm run bench:federation [-- --workers 1 --concurrency 50 --seconds 8 --rounds 3]
 *   BENCH_PROFILE=ours npm run bench:federation -- --only ours   (CPU profile in .local/profiles)
 *   BENCH_DEDUP=false npm run bench:federation   (every execution on its own: the executors)
 *   npm run bench:federation -- --only ours,ours-unmerged,hive-router   (ours with
 *     MERGE_SUBGRAPH_READS=false as a row of its own; BENCH_MERGE=false turns it off for `ours`)
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UNLIMITED_RATES, percentile, table } from '../measure.js';
import { cpuMs } from '../roles.js';
import type { LoadOrder, LoadResult } from './load.js';
import { NESTED_QUERY } from './query.js';
import { GATEWAY_ROLES, OPT_IN_ROLES, ROW_NAMES, type GatewayRole } from './rows.js';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    /** Warm-up before the first round of each gateway, then a quarter of it before each round. */
    warmup: { type: 'string', default: '6' },
    only: { type: 'string' },
  },
});
const seconds = Number(args.seconds);
const concurrency = Number(args.concurrency);
const rounds = Number(args.rounds);
const warmup = Number(args.warmup);

const rows = GATEWAY_ROLES.filter((r) =>
  args.only ? args.only.split(',').includes(r) : !OPT_IN_ROLES.includes(r),
);
// Stock answers are the reference; it always runs, even when not asked for.
if (!rows.includes('apollo')) rows.unshift('apollo');

/** Our gateway's settings besides the defaults: one client at full speed is no flood here. */
const OUR_SETTINGS = {
  ...UNLIMITED_RATES,
  // The scenario's lists hold 1 to 6 items; the default guess of 20 each, five lists deep,
  // would refuse the query as too costly.
  COST_LIST_SIZE: '6',
  MAX_COST: '1000000',
  SHARE_INFLIGHT_QUERIES: String(process.env.BENCH_DEDUP !== 'false'),
  MERGE_SUBGRAPH_READS: String(process.env.BENCH_MERGE !== 'false'),
};

interface Running {
  url: string;
  pids: number[];
  child: ChildProcess;
}

const SERVERS = fileURLToPath(new URL('./servers.ts', import.meta.url));
const LOAD = fileURLToPath(new URL('./load.ts', import.meta.url));
const started: ChildProcess[] = [];

/** A server process tree from servers.ts; resolves with what it printed when ready. */
async function startServers(role: string, env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVERS, role], {
    env: { ...process.env, ...env, NODE_ENV: 'production', BENCH_WORKERS: args.workers },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  started.push(child);
  const details = await new Promise<{ url: string; pids: number[] }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code} before ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line) as { url: string; pids: number[] });
    });
  });
  return { ...details, child };
}

async function stopAll() {
  await Promise.all(
    started.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
}

async function totalCpuMs(pids: number[]) {
  let total = 0;
  for (const pid of pids) total += await cpuMs(pid);
  return total;
}

const body = JSON.stringify({ query: NESTED_QUERY });

async function post(url: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

try {
  const t0 = performance.now();
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} before the run`,
  );
  console.log('starting the four subgraphs…');
  const subgraphs = await startServers('subgraphs', {});
  const gateways = new Map<GatewayRole, Running>();
  for (const role of rows) {
    console.log(`starting ${ROW_NAMES[role]} (${args.workers} worker(s))…`);
    gateways.set(
      role,
      await startServers(role, {
        BENCH_SUBGRAPHS_URL: subgraphs.url,
        BENCH_GATEWAY_SETTINGS: JSON.stringify(OUR_SETTINGS),
      }),
    );
  }

  // The same answer from every gateway, or the comparison means nothing.
  const reference = JSON.parse(await post(gateways.get('apollo')!.url)) as { data?: unknown };
  if (!reference.data || 'errors' in reference)
    throw new Error(`stock @apollo/gateway answered with errors: ${JSON.stringify(reference)}`);
  const expected = new Map<GatewayRole, string>();
  for (const [role, gateway] of gateways) {
    const text = await post(gateway.url);
    if (JSON.stringify(JSON.parse(text)) !== JSON.stringify(reference))
      throw new Error(
        `${ROW_NAMES[role]} answered differently from stock @apollo/gateway:\n` +
          `${text.slice(0, 600)}\n…instead of\n${JSON.stringify(reference).slice(0, 600)}`,
      );
    expected.set(role, text);
  }
  console.log(
    `every gateway answered as stock @apollo/gateway (${body.length} B query, ` +
      `${(expected.get('apollo')!.length / 1024).toFixed(1)} kB answer)`,
  );

  const subgraphRequests = async () =>
    Number(await (await fetch(`${subgraphs.url}/requests`)).text());
  // What one query costs the subgraphs through each gateway, alone (no sharing between queries).
  const alone = new Map<GatewayRole, number>();
  for (const [role, gateway] of gateways) {
    const before = await subgraphRequests();
    await post(gateway.url);
    alone.set(role, (await subgraphRequests()) - before);
  }
  console.log(
    `subgraph requests for one query: ${rows.map((r) => `${ROW_NAMES[r]} ${alone.get(r)}`).join(', ')}`,
  );

  const loader = fork(LOAD, { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  started.push(loader);
  await new Promise((resolve) => loader.once('message', resolve));
  const measure = (order: LoadOrder) =>
    new Promise<LoadResult>((resolve, reject) => {
      loader.once('message', (answer: LoadResult | { error: string }) =>
        'error' in answer ? reject(new Error(answer.error)) : resolve(answer),
      );
      loader.send(order);
    });
  const order = (role: GatewayRole, forSeconds: number): LoadOrder => ({
    url: gateways.get(role)!.url,
    body,
    expected: expected.get(role)!,
    concurrency,
    seconds: forSeconds,
  });

  for (const role of rows) {
    process.stdout.write(`warming ${ROW_NAMES[role]} for ${warmup} s… `);
    const warm = await measure(order(role, warmup));
    console.log(`${warm.rps.toFixed(0)} req/s`);
  }

  interface Measured {
    rps: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
    gatewayCpu: number;
    subgraphsCpu: number;
    loaderCpu: number;
    subgraphRequests: number;
  }
  const results = new Map<GatewayRole, Measured[]>();
  for (let round = 1; round <= rounds; round++) {
    // A different order each round: a neighbour's burst does not always fall on the same row.
    const order_ = rows.map((_, i) => rows[(i + round - 1) % rows.length]!);
    for (const role of order_) {
      const gateway = gateways.get(role)!;
      process.stdout.write(`round ${round}/${rounds}: ${ROW_NAMES[role]} for ${seconds} s… `);
      await measure(order(role, warmup / 4));
      const pids = [gateway.pids, subgraphs.pids, [loader.pid!]];
      const before = await Promise.all(pids.map(totalCpuMs));
      const requestsBefore = await subgraphRequests();
      const measured = await measure(order(role, seconds));
      const after = await Promise.all(pids.map(totalCpuMs));
      const requestsAfter = await subgraphRequests();
      const queries = measured.latencies.length;
      const result: Measured = {
        rps: measured.rps,
        p50: percentile(measured.latencies, 50),
        p95: percentile(measured.latencies, 95),
        p99: percentile(measured.latencies, 99),
        errors: measured.errors,
        gatewayCpu: (after[0]! - before[0]!) / queries,
        subgraphsCpu: (after[1]! - before[1]!) / queries,
        loaderCpu: (after[2]! - before[2]!) / queries,
        subgraphRequests: (requestsAfter - requestsBefore) / queries,
      };
      console.log(
        `${result.rps.toFixed(0)} req/s, p99 ${result.p99.toFixed(1)} ms, ${result.errors} errors`,
      );
      results.set(role, [...(results.get(role) ?? []), result]);
    }
  }

  const best = (role: GatewayRole) => results.get(role)!.reduce((a, b) => (b.rps > a.rps ? b : a));
  const stock = best('apollo');
  const router = results.has('hive-router') ? best('hive-router') : undefined;
  const ratio = (value: number, base: number | undefined) =>
    base === undefined ? '–' : `${(value / base).toFixed(2)}×`;
  table(
    `Federation scenario (accounts, inventory, products, reviews; the nested query), ` +
      `${concurrency} concurrent clients, ${args.workers} worker(s) per gateway, best of ` +
      `${rounds} × ${seconds} s — ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ` +
      `Node ${process.version}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at the end`,
    [
      'gateway',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'subgraph requests/query',
      'gateway CPU ms/query',
      'subgraphs CPU ms/query',
      'load generator CPU ms/query',
      'req/s vs stock',
      'p99 vs stock',
      'req/s vs router-runtime',
      'p99 vs router-runtime',
    ],
    rows.map((role) => {
      const r = best(role);
      return [
        ROW_NAMES[role],
        r.rps,
        r.p50,
        r.p95,
        r.p99,
        String(r.errors),
        r.subgraphRequests,
        r.gatewayCpu,
        r.subgraphsCpu,
        r.loaderCpu,
        ratio(r.rps, stock.rps),
        ratio(r.p99, stock.p99),
        ratio(r.rps, router?.rps),
        ratio(r.p99, router?.p99),
      ];
    }),
  );
  console.log(
    `\nIdentical requests in flight share one execution in every row but stock @apollo/gateway ` +
      `(Hive: inboundInflightRequestDeduplication, the public benchmark's setting; ours: ` +
      `SHARE_INFLIGHT_QUERIES)${process.env.BENCH_DEDUP === 'false' ? ': off for this run' : ''}; ` +
      `run took ${((performance.now() - t0) / 1000).toFixed(0)} s.`,
  );
} finally {
  await stopAll();
}
