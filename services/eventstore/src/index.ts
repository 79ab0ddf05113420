export type * from './port/types.ts';
export * from './port/errors.ts';
export { matchesFilter } from './port/catch-up.ts';
export { createMemoryEventStore } from './memory/memory-event-store.ts';
export {
  createSqliteEventStore,
  type SqliteEventStoreOptions,
} from './sqlite/sqlite-event-store.ts';
