// The worker's key holder: receipt keys and the report key live here and nowhere else.
// Implemented on services/protocol (@integrity-desk/protocol) once it publishes its API.
import type { Job, Progress } from './jobs';

export async function run(job: Job, _progress: (p: Progress) => void): Promise<unknown> {
  if (job.kind === 'forget') return null;
  const error = new Error('protocol not available');
  error.name = 'ProtocolUnavailable';
  throw error;
}
