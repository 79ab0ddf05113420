// The page side of $lib/crypto: a thin wrapper that hands jobs to one Web Worker and reports
// progress. All cryptography is in services/protocol; nothing here touches a key directly.
import type { FromWorker, JobKind, JobOf, JobResults, Progress } from './jobs';

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
 * `transfer` hands buffers to the worker instead of copying them (an upload's file slice, a
 * download's network piece): the page must not touch them afterwards.
 */
export function runInWorker<K extends JobKind>(
  job: JobOf<K>,
  progress?: (p: Progress) => void,
  transfer: Transferable[] = [],
): Promise<JobResults[K]> {
  const id = nextId++;
  return new Promise<JobResults[K]>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
    getWorker().postMessage({ id, job }, transfer);
  });
}

/** Ends the worker and everything it holds in memory (used on log out). */
export function stopWorker(): void {
  worker?.terminate();
  worker = undefined;
  for (const entry of pending.values()) entry.reject(new Error('Stopped'));
  pending.clear();
}
