export * from './events.ts';
export * from './recorder.ts';
