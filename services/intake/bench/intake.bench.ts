/**
 * npm run bench:intake: durable submissions/s and latency for sealed 4 KiB envelopes from 64
 * concurrent HTTP connections, on the SQLite store with proof of work at its minimum (still
 * verified), beside a bare Express + better-sqlite3 endpoint with the same durability (WAL,
 * synchronous=FULL, one insert per request) in the same run. Each server runs in its own
 * process; autocannon drives it from this one. Compare ratios, not absolutes.
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBench, writeBenchResult } from '../../eventstore/bench/bench-format.ts';
import { makeSubmissions } from './bench-material.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const CONNECTIONS = 64;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 15_000);
/** Requests each server answers first, not measured: a server in production runs warm (JIT). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2_000);

async function startServer(mode: 'intake' | 'bare' | 'noop', dir: string, key: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE]
        : []),
      '--import',
      'tsx',
      join(here, 'bench-server.ts'),
      mode,
      dir,
      key,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], cwd: root },
  );
  const lines = createInterface({ input: child.stdout! });
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = (prefix: string) =>
    new Promise<string>((ok, fail) => {
      child.once('exit', (code) => fail(new Error(`${mode} server exited with ${code}`)));
      waiting.push((line) =>
        line.startsWith(prefix)
          ? ok(line.slice(prefix.length))
          : fail(new Error(`${mode}: ${line}`)),
      );
    });
  const port = Number(await nextLine('port '));
  return {
    port,
    /** CPU time (user + system) the server process and its main thread have used so far (us). */
    cpu: async () => {
      const answer = nextLine('cpu ');
      child.kill('SIGUSR2');
      const [process, main] = (await answer).split(' ').map(Number);
      return { process: process!, main: main! };
    },
    stop: () =>
      new Promise<void>((ok) => {
        child.removeAllListeners('exit');
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

type Server = Awaited<ReturnType<typeof startServer>>;

/**
 * One load run, with the CPU time each side used per acknowledged request: the server's from
 * its own process, the load generator's from this one. On a shared machine these say more than
 * wall time does.
 */
async function measure(server: Server, [warmup, bodies]: [string[], string[]]) {
  const warm = await load(server.port, warmup);
  if (warm.failed > 0) throw new Error(`${warm.failed} warm-up requests failed`);
  const serverBefore = await server.cpu();
  const clientBefore = process.cpuUsage();
  const result = await load(server.port, bodies);
  const client = process.cpuUsage(clientBefore);
  const serverAfter = await server.cpu();
  const perRequest = (us: number) => us / 1000 / Math.max(1, result.ok);
  return {
    ...result,
    warmedUp: warm.ok,
    serverCpuMs: perRequest(serverAfter.process - serverBefore.process),
    serverMainThreadCpuMs: perRequest(serverAfter.main - serverBefore.main),
    clientCpuMs: (client.user + client.system) / 1000 / Math.max(1, result.ok),
  };
}

async function load(port: number, bodies: string[]) {
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    amount: bodies.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/reports',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  const seconds = result.duration;
  return {
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    perSecond: result['2xx'] / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

function countRows(file: string, sql: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return Number((db.prepare(sql).pluck().get() as number | bigint) ?? 0);
  } finally {
    db.close();
  }
}

runBench(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-bench-'));
  const key = randomBytes(32);
  const loadBefore = loadavg()[0]!;
  try {
    console.log(
      `sealing ${WARMUP} + ${REQUESTS} 4 KiB submissions (x2: intake, bare and no-op)...`,
    );
    const split = (all: string[]): [string[], string[]] => [
      all.slice(0, WARMUP),
      all.slice(WARMUP),
    ];
    const intakeBodies = split(await makeSubmissions(WARMUP + REQUESTS, key));
    const bareBodies = split(await makeSubmissions(WARMUP + REQUESTS, key));
    console.log(`body size ${intakeBodies[1][0]!.length} bytes; ${WARMUP} warm-up requests first`);

    const noopServer = await startServer('noop', dir, key.toString('hex'));
    const noop = await measure(noopServer, bareBodies);
    await noopServer.stop();

    const bare = await startServer('bare', dir, key.toString('hex'));
    const baseline = await measure(bare, bareBodies);
    await bare.stop();

    const server = await startServer('intake', dir, key.toString('hex'));
    const measured = await measure(server, intakeBodies);
    await server.stop();

    const durable = countRows(
      join(dir, 'events.sqlite'),
      "SELECT count(*) FROM events WHERE type = 'ReportSubmitted'",
    );
    const bareRows = countRows(join(dir, 'bare.sqlite'), 'SELECT count(*) FROM reports');
    console.log(
      `intake: ${measured.ok} acknowledged, ${measured.failed} failed, ${durable} durable events; bare: ${baseline.ok} acknowledged, ${bareRows} rows (warm-up included in rows and events)`,
    );
    if (durable !== measured.warmedUp + measured.ok)
      throw new Error('acknowledged and stored submissions differ');

    writeBenchResult(
      'intake',
      [
        {
          name: 'durable submissions/s (4 KiB sealed, 64 connections, PoW verified)',
          value: measured.perSecond,
          unit: 'req/s',
          baseline: baseline.perSecond,
          ratio: measured.perSecond / baseline.perSecond,
          target: '>= 1000 req/s and >= 0.5x bare',
        },
        { name: 'submission latency p50', value: measured.p50, unit: 'ms', baseline: baseline.p50 },
        {
          name: 'submission latency p99',
          value: measured.p99,
          unit: 'ms',
          baseline: baseline.p99,
          target: '< 100 ms',
        },
        { name: 'failed submissions', value: measured.failed, unit: 'requests', target: '0' },
        {
          name: 'server CPU per submission',
          value: measured.serverCpuMs,
          unit: 'ms',
          baseline: baseline.serverCpuMs,
        },
        {
          name: 'server main-thread (event loop) CPU per submission',
          value: measured.serverMainThreadCpuMs,
          unit: 'ms',
          baseline: baseline.serverMainThreadCpuMs,
        },
        {
          name: 'load generator CPU per submission',
          value: measured.clientCpuMs,
          unit: 'ms',
          baseline: baseline.clientCpuMs,
        },
        {
          name: 'no-op endpoint (Express parses the body, stores nothing): ceiling here',
          value: noop.perSecond,
          unit: 'req/s',
        },
        { name: 'no-op server CPU per request', value: noop.serverCpuMs, unit: 'ms' },
        { name: 'no-op load generator CPU per request', value: noop.clientCpuMs, unit: 'ms' },
        { name: 'machine load average (1 min) before the run', value: loadBefore, unit: 'load' },
        { name: 'machine load average (1 min) after the run', value: loadavg()[0]!, unit: 'load' },
      ],
      root,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
