import { describe } from 'vitest';
import { eventStoreContract } from '../contract/event-store-contract.ts';
import { createEsdbEventStore } from './esdb-event-store.ts';

// Against a real server or cluster, e.g. ESDB_CONNECTION_STRING='esdb+discover://n1:2113?tls=true'.
// The contract uses unique stream names per test, so a shared server is fine; it leaves its
// test streams behind (tombstoned ones included), so do not point it at production.
const connectionString = process.env.ESDB_CONNECTION_STRING;
if (!connectionString)
  console.info(
    'esdb-live skipped: ESDB_CONNECTION_STRING is not set; set it to a test EventStoreDB (e.g. esdb://localhost:2113?tls=false) to run the contract against it',
  );

describe.skipIf(!connectionString)('esdb against ESDB_CONNECTION_STRING', () => {
  eventStoreContract(
    'esdb (live server)',
    async () => {
      const store = createEsdbEventStore({ connectionString: connectionString! });
      return { store, dispose: () => store.close() };
    },
    { globalEventIds: false },
  );
});
