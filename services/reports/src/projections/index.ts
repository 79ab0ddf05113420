export type { Projection, Write } from './projection.ts';
export {
  createProjectionRunner,
  openReadModels,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
} from './runner.ts';
export { reportQueueProjection } from './queues/projection.ts';
export * from './queues/queries.ts';
export {
  whistleblowerLocatorsProjection,
  findReportByLocator,
  type LocatedReport,
} from './locators/projection.ts';
export { allProjections } from './all.ts';
export { rebuildReadModels, type RebuildOutcome } from './rebuild.ts';
export { readModelRows } from './read-model-rows.ts';
export * from './directory/projection.ts';
export * from './audit/projection.ts';
export * from './retention/projection.ts';
export * from './cases/index.ts';
export * from './referrals/projection.ts';
