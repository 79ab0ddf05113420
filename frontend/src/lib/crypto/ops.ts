// What the worker runs. The protocol package is imported lazily, so libsodium (or the pure-JS
// backend where WebAssembly is off) is only fetched when a job needs it, never on first load.
import type { Job, Progress } from './jobs';

export async function runJob(job: Job, progress: (p: Progress) => void): Promise<unknown> {
  switch (job.kind) {
    case 'ping':
      return 'pong';
    case 'solvePow': {
      const { solvePow } = await import('./pow');
      return solvePow(job.challenge, progress);
    }
    case 'sealReport':
    case 'unlockReceipt':
    case 'signSessionChallenge':
    case 'openCase':
    case 'sealMessage':
    case 'beginAttachment':
    case 'sealAttachmentChunks':
    case 'forget': {
      const keys = await import('./keys');
      return keys.run(job, progress);
    }
    case 'deskCreateVault':
    case 'deskStretchPassword':
    case 'deskChangePassword':
    case 'deskOpenVault':
    case 'deskOpenCase':
    case 'deskSealMessage':
    case 'deskShareReportKey':
    case 'deskOpenAttachmentBegin':
    case 'deskOpenAttachmentPush':
    case 'deskOpenAttachmentFinish':
    case 'deskSignRecipientList':
    case 'deskCheckRecipients':
    case 'deskCheckRecipientLists':
    case 'deskCreateDeploymentKey':
    case 'deskShareDeploymentKey':
    case 'deskRotateDeploymentKey':
    case 'deskLock': {
      const desk = await import('./desk-keys');
      return desk.runDesk(job, progress);
    }
    default: {
      const _exhaustive: never = job;
      throw new Error(`unknown job ${String(_exhaustive)}`);
    }
  }
}
