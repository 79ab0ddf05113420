import { afterAll, beforeAll, describe } from 'vitest';
import { GenericContainer, Wait, getContainerRuntimeClient } from 'testcontainers';
import type { StartedTestContainer } from 'testcontainers';
import { eventStoreContract } from '../contract/event-store-contract.ts';
import { createEsdbEventStore } from './esdb-event-store.ts';

// Probed once: without a container runtime this rejects within milliseconds.
const docker = await getContainerRuntimeClient().then(
  () => true,
  () => false,
);
if (!docker)
  console.info(
    'esdb-testcontainers skipped: needs a Docker engine; run `npm test` on a machine with Docker to exercise eventstore/eventstore:24.10',
  );

describe.skipIf(!docker)('esdb against eventstore/eventstore:24.10 (testcontainers)', () => {
  let container: StartedTestContainer;
  let connectionString = '';
  beforeAll(async () => {
    container = await new GenericContainer('eventstore/eventstore:24.10')
      .withEnvironment({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_MEM_DB: 'true',
        EVENTSTORE_RUN_PROJECTIONS: 'All',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
      .withStartupTimeout(120_000)
      .start();
    connectionString = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
  }, 180_000);
  afterAll(async () => {
    await container?.stop();
  });

  eventStoreContract(
    'esdb (eventstore/eventstore:24.10)',
    async () => {
      const store = createEsdbEventStore({ connectionString });
      return { store, dispose: () => store.close() };
    },
    { globalEventIds: false },
  );
});
