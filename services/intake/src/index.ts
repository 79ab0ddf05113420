export { createIntakeApp, type IntakeApp } from './app.ts';
export type { Channel, Clock, IntakeDeps, Random } from './deps.ts';
export {
  defaultIntakeConfig,
  resolveConfig,
  type Argon2Settings,
  type IntakeConfig,
  type IntakeConfigOverrides,
  type PowConfig,
  type RateLimitConfig,
} from './config.ts';
export type { BlobStore, UploadMeta, UploadStatus } from './evidence/blob-store.ts';
export { createFsBlobStore } from './evidence/fs-blob-store.ts';
export { createMemoryBlobStore } from './evidence/memory-blob-store.ts';
export { createIntakeLogger } from './http/request-log.ts';
export { cspFromBuild } from './static/csp-from-build.ts';
export { powAlgorithm, solvePow } from './pow/pow.ts';
