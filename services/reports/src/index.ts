export * from './report/index.ts';
export type { Actor, CommandMetadata, DomainEvent } from './shared/command.ts';
export {
  sealedSchema,
  submissionEnvelopeSchema,
  type Sealed,
  type SubmissionEnvelope,
} from './shared/sealed.ts';
/** The command handling every aggregate shares: read, fold, decide, append. */
export * from './shared/handle.ts';
export * from './projections/index.ts';
export * from './investigator/index.ts';
export * from './channel/index.ts';
export * from './deployment/index.ts';
export { eventFields, eventSchemas, plainFields } from './plain-fields.ts';
export * from './retention/index.ts';
export * from './reminders/index.ts';
export * from './notifications/index.ts';
export * from './access/index.ts';
export { startPeriodic, systemTimers, type PeriodicWork, type Timers } from './shared/timers.ts';
export * from './upcasting/index.ts';
export * from './statistics/index.ts';
