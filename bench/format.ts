// The result format every bench writes (bench/results/<name>.json), shared by the benches of every
// package so that none imports from another's bench folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';

/** One measured figure. `ratio` = value / baseline where a baseline was measured in the same run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target?: string;
}

/** The result format every bench of the project writes, so runs can be compared. */
export interface BenchResult {
  bench: string;
  node: string;
  cpus: number;
  at: string;
  figures: Figure[];
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

/** Prints the figures as a table and writes bench/results/<bench>.json at the repository root. */
export function writeBenchResult(
  bench: string,
  figures: Figure[],
  root = process.cwd(),
): BenchResult {
  const result: BenchResult = {
    bench,
    node: process.version,
    cpus: cpus().length,
    at: new Date().toISOString(),
    figures: figures.map((f) => ({
      ...f,
      value: round(f.value),
      ...(f.ratio !== undefined && { ratio: round(f.ratio) }),
    })),
  };
  const file = resolve(root, 'bench', 'results', `${bench}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`\n${bench} (node ${result.node}, ${result.cpus} cpus)`);
  console.table(
    result.figures.map((f) => ({
      figure: f.name,
      value: f.value,
      unit: f.unit,
      baseline: f.baseline === undefined ? '' : round(f.baseline),
      ratio: f.ratio ?? '',
      target: f.target ?? '',
    })),
  );
  console.log(`written to ${file}`);
  return result;
}

/** Runs a bench body; exits non-zero only when it could not run at all. */
export function runBench(body: () => Promise<void>): void {
  body().catch((error: unknown) => {
    console.error('bench could not run:', error);
    process.exit(1);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * p50 and p99 (with its target) of a query: 20 warm-up runs, then 200 timed ones. Beside the
 * wall time, the p99 of this process's CPU time per run: on a machine shared with other work the
 * wall p99 is mostly other processes' time slices, the CPU time is the query's own cost.
 */
export function queryLatency(name: string, run: () => unknown, target: string): Figure[] {
  for (let i = 0; i < 20; i++) run();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 200; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    run();
    times.push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return [
    { name: `${name} p50`, value: percentile(times, 50), unit: 'ms' },
    { name: `${name} p99`, value: percentile(times, 99), unit: 'ms', target },
    { name: `${name} CPU p99`, value: percentile(cpu, 99), unit: 'ms', target },
  ];
}
