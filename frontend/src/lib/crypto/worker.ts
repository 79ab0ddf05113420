/// <reference lib="webworker" />
import type { FromWorker, Progress, ToWorker } from './jobs';
import { runJob } from './ops';

const post = (message: FromWorker) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

/** Jobs still running, so the page can cancel one (a proof of work it no longer needs). */
const running = new Map<number, AbortController>();

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  if ('cancel' in event.data) {
    running.get(event.data.cancel)?.abort();
    return;
  }
  const { id, job } = event.data;
  const progress = (p: Progress) => post({ id, progress: p });
  const controller = new AbortController();
  running.set(id, controller);
  try {
    post({ id, result: await runJob(job, progress, controller.signal) });
  } catch (error) {
    // Only a fixed message crosses back; the page maps it to the catalogue.
    post({ id, error: error instanceof Error ? error.name : 'Error' });
  } finally {
    running.delete(id);
  }
};
