// Readiness as the platform computes it for /readyz: a real DATA_DIR probed with a write, the
// event log's refusals watched, the projections' state and lag read.
import {
  createMemoryEventStore,
  StoreFailedError,
  type EventStore,
} from '@integrity-desk/eventstore';
import type { ProjectionRunner } from '@integrity-desk/reports';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReadiness, watchStoreFailure } from '../src/health/readiness.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const append = (store: EventStore, n: number) =>
  Promise.all(
    Array.from({ length: n }, () =>
      store.append(`s-${randomUUID()}`, [{ id: randomUUID(), type: 'T', data: {} }]),
    ),
  );

function world() {
  const dir = mkdtempSync(join(tmpdir(), 'idesk-ready-'));
  dirs.push(dir);
  const store = createMemoryEventStore();
  const runner = { failing: false, position: 0n };
  let storeFailed = false;
  let clock = 0;
  const readiness = createReadiness({
    dirs: [dir],
    store,
    runner: {
      failing: () => runner.failing,
      position: () => runner.position,
    } as unknown as ProjectionRunner,
    storeFailed: () => storeFailed,
    maxLag: 3,
    cacheMs: 1000,
    now: () => clock,
  });
  return {
    dir,
    store,
    runner,
    readiness,
    failStore: () => (storeFailed = true),
    tick: () => (clock += 1000),
  };
}

describe('readiness', () => {
  it('is ready on a writable DATA_DIR with the projections following the log, and leaves no file', async () => {
    const w = world();
    expect(await w.readiness()).toEqual({ ready: true, failing: [] });
    expect(readdirSync(w.dir)).toEqual([]);
  });

  it('names storage when DATA_DIR takes no writes, store when the log failed, projections when they fail or lag', async () => {
    const w = world();
    rmSync(w.dir, { recursive: true });
    w.failStore();
    w.runner.failing = true;
    expect(await w.readiness()).toEqual({
      ready: false,
      failing: ['storage', 'store', 'projections'],
    });
  });

  it('counts the projections caught up within maxLag events of the log', async () => {
    const w = world();
    await append(w.store, 3);
    expect(await w.readiness()).toEqual({ ready: true, failing: [] });
    await append(w.store, 1);
    w.tick();
    expect(await w.readiness()).toEqual({ ready: false, failing: ['projections'] });
    w.runner.position = 4n;
    w.tick();
    expect((await w.readiness()).ready).toBe(true);
  });

  it('reuses an answer for cacheMs, so polling costs at most one probe per period', async () => {
    const w = world();
    expect((await w.readiness()).ready).toBe(true);
    w.runner.failing = true;
    expect((await w.readiness()).ready).toBe(true);
    w.tick();
    expect((await w.readiness()).ready).toBe(false);
  });

  it('watchStoreFailure notes a StoreFailedError, and only that', async () => {
    const inner = createMemoryEventStore();
    let fault: Error | undefined;
    const watched = watchStoreFailure({
      ...inner,
      append: async (...args) => {
        if (fault) throw fault;
        return inner.append(...args);
      },
    });
    await append(watched.store, 1);
    fault = Object.assign(new Error('full'), { code: 'SQLITE_FULL' });
    await expect(append(watched.store, 1)).rejects.toBe(fault);
    expect(watched.failed()).toBe(false);
    fault = new StoreFailedError(new Error('EIO'));
    await expect(append(watched.store, 1)).rejects.toBe(fault);
    expect(watched.failed()).toBe(true);
    expect(await watched.store.readAll()).toHaveLength(1);
  });
});
