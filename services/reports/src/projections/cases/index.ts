export * from './row.ts';
export * from './query.ts';
export * from './case-index.ts';
export { caseListProjection } from './projection.ts';
export { readCaseListChanges, type CaseListChanges } from './changes.ts';
