// The page side of $lib/crypto: a thin wrapper that hands jobs to one Web Worker and reports
// progress. All cryptography is in services/protocol; nothing here touches a key directly.
import type { FromWorker, JobKind, JobOf, JobResults, Progress, ToWorker } from './jobs';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: (p: Progress) => void }
>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    if ('progress' in message) entry.progress?.(message.progress);
    else {
      pending.delete(message.id);
      if ('result' in message) entry.resolve(message.result);
      else entry.reject(new Error(message.error));
    }
  };
  // A worker that fails to load or crashes fails every pending job instead of hanging it.
  worker.onerror = (event) => {
    event.preventDefault();
    for (const entry of pending.values()) entry.reject(new Error('WorkerFailed'));
    pending.clear();
    worker = undefined;
  };
  return worker;
}

/**
 * A plain copy of JSON data the page may keep in reactive state: postMessage cannot clone
 * Svelte's proxies, so a job's JSON inputs cross as this copy (bytes go by `transfer`).
 */
export const plainCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * `transfer` hands buffers to the worker instead of copying them (an upload's file slice, a
 * download's network piece): the page must not touch them afterwards. `signal` cancels the job
 * (the page left): it rejects with `Cancelled` at once, and the worker stops the work where it
 * can (the proof of work checks between slices) instead of burning the battery for nothing.
 */
export function runInWorker<K extends JobKind>(
  job: JobOf<K>,
  progress?: (p: Progress) => void,
  transfer: Transferable[] = [],
  signal?: AbortSignal,
): Promise<JobResults[K]> {
  const id = nextId++;
  return new Promise<JobResults[K]>((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('Cancelled'));
    const target = getWorker();
    const cancel = () => {
      if (!pending.delete(id)) return;
      target.postMessage({ cancel: id } satisfies ToWorker);
      reject(new Error('Cancelled'));
    };
    signal?.addEventListener('abort', cancel, { once: true });
    const done =
      <T>(settle: (v: T) => void) =>
      (v: T) => {
        signal?.removeEventListener('abort', cancel);
        settle(v);
      };
    pending.set(id, {
      resolve: done(resolve as (v: unknown) => void),
      reject: done(reject),
      progress,
    });
    target.postMessage({ id, job } satisfies ToWorker, transfer);
  });
}

/** Ends the worker and everything it holds in memory (used on log out). */
export function stopWorker(): void {
  worker?.terminate();
  worker = undefined;
  for (const entry of pending.values()) entry.reject(new Error('Stopped'));
  pending.clear();
}
