export * from './case-list-export.ts';
export * from './events.ts';
export * from './recorder.ts';
