import type { EventStore } from '@integrity-desk/eventstore';
import type { Metrics } from './registry.ts';

/** The store measured when there are metrics, else the store itself. */
export function measured(store: EventStore, metrics: Metrics | undefined): EventStore {
  return metrics ? measuredStore(store, metrics) : store;
}

/** The same store, timing each append to its durable acknowledgement and counting those waiting. */
export function measuredStore(store: EventStore, metrics: Metrics): EventStore {
  return {
    readStream: store.readStream.bind(store),
    readAll: store.readAll.bind(store),
    subscribeToAll: store.subscribeToAll.bind(store),
    deleteStream: store.deleteStream.bind(store),
    tombstoneStream: store.tombstoneStream.bind(store),
    close: store.close.bind(store),
    append: async (...args) => {
      const done = metrics.appendStarted();
      const started = process.hrtime.bigint();
      try {
        return await store.append(...args);
      } finally {
        done();
        metrics.appended(Number(process.hrtime.bigint() - started) / 1e9);
      }
    },
  };
}

/** The same evidence store, counting the ciphertext bytes each accepted chunk adds. */
export function measuredBlobs<
  B extends { write(id: string, offset: number, chunk: Uint8Array): Promise<unknown> },
>(blobs: B, metrics: Metrics | undefined): B {
  if (!metrics) return blobs;
  return {
    ...blobs,
    write: async (id: string, offset: number, chunk: Uint8Array) => {
      const status = await blobs.write(id, offset, chunk);
      metrics.evidenceBytes(chunk.length);
      return status;
    },
  } as B;
}
