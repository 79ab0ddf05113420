/// <reference lib="webworker" />
import type { FromWorker, Job, Progress } from './jobs';
import { runJob } from './ops';

const post = (message: FromWorker) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = async (event: MessageEvent<{ id: number; job: Job }>) => {
  const { id, job } = event.data;
  const progress = (p: Progress) => post({ id, progress: p });
  try {
    post({ id, result: await runJob(job, progress) });
  } catch (error) {
    // Only a fixed message crosses back; the page maps it to the catalogue.
    post({ id, error: error instanceof Error ? error.name : 'Error' });
  }
};
