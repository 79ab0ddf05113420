import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventStoreContract, take } from '../contract/event-store-contract.ts';
import { WrongExpectedVersionError } from '../port/errors.ts';
import { createSqliteEventStore } from './sqlite-event-store.ts';

eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idesk-es-'));
  const store = createSqliteEventStore({ file: join(dir, 'events.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('sqlite: two connections on one file (e.g. a maintenance script beside the server)', () => {
  it('sees the other connection’s appends, in revision checks and in live subscriptions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idesk-es2-'));
    const file = join(dir, 'events.sqlite');
    const a = createSqliteEventStore({ file, pollMs: 20 });
    const b = createSqliteEventStore({ file, pollMs: 20 });
    try {
      const sub = a.subscribeToAll({ filter: { streamPrefixes: ['shared-'] } });
      await a.append('shared-1', [{ id: randomUUID(), type: 'A', data: {} }], {
        expectedRevision: 'no_stream',
      });
      await expect(
        b.append('shared-1', [{ id: randomUUID(), type: 'B', data: {} }], {
          expectedRevision: 'no_stream',
        }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await b.append('shared-1', [{ id: randomUUID(), type: 'B', data: {} }], {
        expectedRevision: 0n,
      });
      const got = await take(sub, 2, 5_000);
      expect(got.map((e) => e.type)).toEqual(['A', 'B']);
      await sub.close();
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
