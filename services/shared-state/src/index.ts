export * from './port/types.ts';
export {
  createMemoryStore,
  type MemoryStore,
  type MemoryStoreOptions,
} from './memory/memory-store.ts';
export { createSharedState, type SharedState } from './keyed/shared-state.ts';
