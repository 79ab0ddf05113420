// What the worker runs. The protocol package is imported lazily, so libsodium (or the pure-JS
// backend where WebAssembly is off) is only fetched when a job needs it, never on first load.
import type { DeskJob, Job, Progress } from './jobs';

/** Desk jobs are the `desk…` kinds (jobs.ts holds them to it): desk-keys runs them all. */
const isDeskJob = (job: Job): job is DeskJob => job.kind.startsWith('desk');

export async function runJob(
  job: Job,
  progress: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<unknown> {
  if (isDeskJob(job)) {
    const desk = await import('./desk-keys');
    return desk.runDesk(job, progress);
  }
  switch (job.kind) {
    case 'ping':
      return 'pong';
    case 'solvePow': {
      const { solvePow } = await import('./pow/solve');
      return solvePow(job.challenge, progress, signal);
    }
    case 'sealReport':
    case 'unlockReceipt':
    case 'signSessionChallenge':
    case 'openCase':
    case 'sealMessage':
    case 'consentReferral':
    case 'beginAttachment':
    case 'sealAttachmentChunks':
    case 'forget': {
      const keys = await import('./keys');
      return keys.run(job, progress);
    }
    default: {
      const _exhaustive: never = job;
      throw new Error(`unknown job ${String(_exhaustive)}`);
    }
  }
}
