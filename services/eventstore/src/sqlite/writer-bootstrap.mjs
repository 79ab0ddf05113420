// Entry of the writer thread. The sources are TypeScript run without a build step, so the
// thread registers the same TypeScript loader the main thread uses before loading them.
import { register } from 'tsx/esm/api';

register();
await import('./writer-worker.ts');
