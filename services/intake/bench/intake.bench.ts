/**
 * npm run bench:intake: durable submissions/s and latency for sealed 4 KiB envelopes from 64
 * concurrent HTTP connections, on the SQLite store with proof of work at its minimum (still
 * verified), beside a bare Express + better-sqlite3 endpoint with the same durability (WAL,
 * synchronous=FULL, one insert per request) in the same run. Each server runs in its own
 * process; autocannon drives it from this one. Then the same intake again, with honest
 * submissions sent while a flood of empty ones (which pay no proof of work and count towards no
 * limit) runs beside them from 64 more connections: honest submissions/s and p99 during the
 * flood, beside the quiet figures. Compare ratios, not absolutes.
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBench, writeBenchResult } from '../../../bench/format.ts';
import { makeSubmissions } from './bench-material.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const CONNECTIONS = 64;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 15_000);
/** Requests each server answers first, not measured: a server in production runs warm (JIT). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2_000);
/** Honest submissions sent during the flood of empty ones. */
const DURING_FLOOD = Number(process.env.BENCH_FLOOD_REQUESTS ?? Math.min(REQUESTS, 5_000));

async function startServer(mode: 'intake' | 'bare' | 'noop', dir: string, key: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE]
        : []),
      // Bundled as `npm start` runs the platform: plain Node, no tsx loader in the figures.
      benchServerBundle,
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
    /** Resident memory of the server process now, and the most it has held (MiB, Linux). */
    rss: () => residentMiB(child.pid!),
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

/** Where the bench server and the platform are bundled (scripts/bundle-server.mjs). */
const benchServerBundle = join(root, 'services', 'server', 'dist', 'bench-server.mjs');
const platformBundle = join(root, 'services', 'server', 'dist', 'main.mjs');
function bundle(): void {
  const script = join(root, 'scripts', 'bundle-server.mjs');
  execFileSync(process.execPath, [script], { cwd: root, stdio: 'inherit' });
  execFileSync(
    process.execPath,
    [script, 'services/intake/bench/bench-server.ts', 'services/server/dist/bench-server.mjs'],
    { cwd: root, stdio: 'inherit' },
  );
}

/**
 * The whole platform (intake, desk, projections, retention) as `npm start` runs it, on an empty
 * DATA_DIR: its resident memory once it has listened and settled, before any request.
 */
async function platformIdleRss(dir: string): Promise<number> {
  const child = spawn(process.execPath, [platformBundle], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: join(dir, 'platform'),
      INTAKE_PORT: '0',
      DESK_PORT: '0',
      FRONTEND_REBUILD: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((ok, fail) => {
      child.once('exit', (code) => fail(new Error(`the platform exited with ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (/^desk .* listening on/.test(line)) ok();
      });
    });
    await new Promise((r) => setTimeout(r, 3_000));
    return residentMiB(child.pid!).now;
  } finally {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
  }
}

/** VmRSS and VmHWM (the high-water mark: the peak, however brief) of a process, in MiB. */
function residentMiB(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

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

/**
 * Honest submissions (`bodies`, 64 connections) while 64 more connections send empty submissions
 * as fast as the server answers them (400 each: no body, no proof of work, no limit counted),
 * from the start of the honest run to its end.
 */
async function duringFlood(port: number, bodies: string[]) {
  let flood: autocannon.Instance | undefined;
  const flooded = new Promise<autocannon.Result>((ok, fail) => {
    flood = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: 3_600,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/reports',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          },
        ],
      },
      (error, result) => (error ? fail(error) : ok(result)),
    );
  });
  const honest = await load(port, bodies);
  flood!.stop();
  const f = await flooded;
  return {
    honest,
    floodPerSecond: (f['4xx'] + f['2xx'] + f['5xx']) / f.duration,
    flood4xx: f['4xx'],
    flood429: f.statusCodeStats?.['429']?.count ?? 0,
    flood5xx: f['5xx'],
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
  bundle();
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
    const floodBodies = await makeSubmissions(DURING_FLOOD, key);
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
    const flooded = await duringFlood(server.port, floodBodies);
    const peak = server.rss().peak;
    await server.stop();
    const idle = await platformIdleRss(dir);
    console.log(
      `idle RSS ${idle.toFixed(0)} MiB (the whole platform as npm start runs it), peak RSS ${peak.toFixed(0)} MiB (the intake server process through warm-up, load and flood)`,
    );
    console.log(
      `during the flood: ${flooded.honest.ok} honest acknowledged, ${flooded.honest.failed} failed; flood answered ${flooded.flood4xx} 4xx (${flooded.flood429} of them 429), ${flooded.flood5xx} 5xx`,
    );

    const durable = countRows(
      join(dir, 'events.sqlite'),
      "SELECT count(*) FROM events WHERE type = 'ReportSubmitted'",
    );
    const bareRows = countRows(join(dir, 'bare.sqlite'), 'SELECT count(*) FROM reports');
    console.log(
      `intake: ${measured.ok} acknowledged, ${measured.failed} failed, ${durable} durable events; bare: ${baseline.ok} acknowledged, ${bareRows} rows (warm-up included in rows and events)`,
    );
    if (durable !== measured.warmedUp + measured.ok + flooded.honest.ok)
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
          name: 'honest submissions/s during a flood of empty submissions (64 + 64 connections)',
          value: flooded.honest.perSecond,
          unit: 'req/s',
          baseline: measured.perSecond,
          ratio: flooded.honest.perSecond / measured.perSecond,
        },
        {
          name: 'honest submission latency p99 during the flood',
          value: flooded.honest.p99,
          unit: 'ms',
          baseline: measured.p99,
        },
        {
          name: 'honest submissions refused or failed during the flood',
          value: flooded.honest.failed,
          unit: 'requests',
          target: '0',
        },
        {
          name: 'flood requests answered/s (400, nothing counted)',
          value: flooded.floodPerSecond,
          unit: 'req/s',
        },
        {
          name: 'flood requests answered 429',
          value: flooded.flood429,
          unit: 'requests',
          target: '0',
        },
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
        {
          name: 'idle RSS of the whole platform as npm start runs it (listening, nothing asked)',
          value: idle,
          unit: 'MiB',
          target: '< 150 MiB',
        },
        {
          name: 'peak RSS of the intake server process (warm-up, load and flood)',
          value: peak,
          unit: 'MiB',
          target: '< 300 MiB',
        },
        { name: 'machine load average (1 min) before the run', value: loadBefore, unit: 'load' },
        { name: 'machine load average (1 min) after the run', value: loadavg()[0]!, unit: 'load' },
      ],
      root,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
