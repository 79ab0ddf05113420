import { StoreFailedError, type EventStore } from '@integrity-desk/eventstore';
import type { ProjectionRunner } from '@integrity-desk/reports';
import { probeWritable } from './data-dir.ts';

/** What `/readyz` reports: ready, or the names of the checks that fail (never counts). */
export interface Readiness {
  readonly ready: boolean;
  readonly failing: readonly ('storage' | 'store' | 'projections')[];
}

export interface ReadinessOptions {
  /** Where the service writes: DATA_DIR and the blob folder (a volume of its own in Compose). */
  readonly dirs: readonly string[];
  readonly store: EventStore;
  readonly runner: ProjectionRunner;
  /** Whether the event log refused a write for good (see `watchStoreFailure`). */
  readonly storeFailed: () => boolean;
  /** Events of the log the projections may be behind and still count as caught up. */
  readonly maxLag?: number;
  /** How long an answer is reused (ms): a public probe costs at most one disk write per period. */
  readonly cacheMs?: number;
  readonly now?: () => number;
}

/**
 * Readiness for a supervisor or load balancer: DATA_DIR and the blob folder take writes (a small file written and
 * fsynced), the event log has not failed for good, and the projections follow the log (not
 * waiting to retry after a failure, at most `maxLag` events behind it). Answers are cached
 * briefly, so polling `/readyz` cannot be turned into disk load.
 */
export function createReadiness(options: ReadinessOptions): () => Promise<Readiness> {
  const maxLag = options.maxLag ?? 1000;
  const cacheMs = options.cacheMs ?? 1000;
  const now = options.now ?? Date.now;
  let cached: { at: number; answer: Promise<Readiness> } | undefined;

  const check = async (): Promise<Readiness> => {
    const failing: Readiness['failing'][number][] = [];
    const probes = await Promise.all(options.dirs.map((dir) => probeWritable(dir)));
    if (probes.some((code) => code !== undefined)) failing.push('storage');
    if (options.storeFailed()) failing.push('store');
    if (options.runner.failing() || !(await withinLag())) failing.push('projections');
    return { ready: failing.length === 0, failing };
  };

  const withinLag = async () => {
    try {
      const behind = await options.store.readAll({
        after: options.runner.position(),
        maxCount: maxLag + 1,
      });
      return behind.length <= maxLag;
    } catch {
      return false;
    }
  };

  return () => {
    const at = now();
    if (!cached || at - cached.at >= cacheMs) cached = { at, answer: check() };
    return cached.answer;
  };
}

/**
 * The same store, noting when a write was refused with StoreFailedError (a failed fsync: the
 * store refuses every write until it is restarted), so readiness can tell a supervisor.
 */
export function watchStoreFailure(store: EventStore): { store: EventStore; failed: () => boolean } {
  let failed = false;
  const noting =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await write(...args);
      } catch (error) {
        if (error instanceof StoreFailedError) failed = true;
        throw error;
      }
    };
  return {
    store: {
      append: noting(store.append.bind(store)),
      deleteStream: noting(store.deleteStream.bind(store)),
      tombstoneStream: noting(store.tombstoneStream.bind(store)),
      readStream: store.readStream.bind(store),
      readAll: store.readAll.bind(store),
      subscribeToAll: store.subscribeToAll.bind(store),
      close: store.close.bind(store),
    },
    failed: () => failed,
  };
}
