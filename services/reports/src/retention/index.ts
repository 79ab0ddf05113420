export * from './events.ts';
export * from './purger.ts';
export * from './job.ts';
