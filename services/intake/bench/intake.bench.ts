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
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBench, writeBenchResult } from '../../eventstore/bench/bench-format.ts';
import { makeSubmissions } from './bench-material.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const CONNECTIONS = 64;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 15_000);

async function startServer(mode: 'intake' | 'bare', dir: string, key: string) {
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
  const port = await new Promise<number>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`${mode} server exited with ${code}`)));
    child.stdout!.on('data', (d: Buffer) => {
      const m = /port (\d+)/.exec(d.toString());
      if (m) ok(Number(m[1]));
    });
  });
  return {
    port,
    stop: () =>
      new Promise<void>((ok) => {
        child.removeAllListeners('exit');
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
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
  try {
    console.log(`sealing ${REQUESTS} 4 KiB submissions (x2 for the two servers)...`);
    const intakeBodies = await makeSubmissions(REQUESTS, key);
    const bareBodies = await makeSubmissions(REQUESTS, key);
    console.log(`body size ${intakeBodies[0]!.length} bytes`);

    const bare = await startServer('bare', dir, key.toString('hex'));
    const baseline = await load(bare.port, bareBodies);
    await bare.stop();

    const server = await startServer('intake', dir, key.toString('hex'));
    const measured = await load(server.port, intakeBodies);
    await server.stop();

    const durable = countRows(
      join(dir, 'events.sqlite'),
      "SELECT count(*) FROM events WHERE type = 'ReportSubmitted'",
    );
    const bareRows = countRows(join(dir, 'bare.sqlite'), 'SELECT count(*) FROM reports');
    console.log(
      `intake: ${measured.ok} acknowledged, ${measured.failed} failed, ${durable} durable events; bare: ${baseline.ok} acknowledged, ${bareRows} rows`,
    );
    if (durable !== measured.ok) throw new Error('acknowledged and stored submissions differ');

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
      ],
      root,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
