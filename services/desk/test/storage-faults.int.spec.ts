// The desk on a full or read-only disk: a write the log refuses is answered 507 (full) or 503
// (read-only) as problem+json with Retry-After, the log is unchanged, and the same request
// succeeds once the disk accepts writes again, without a restart.
import {
  createMemoryEventStore,
  StoreFailedError,
  type EventStore,
} from '@integrity-desk/eventstore';
import { afterEach, describe, expect, it } from 'vitest';
import { expectProblem, world, type World } from './harness.ts';

let w: World | undefined;
afterEach(async () => {
  await w?.desk.close();
  w = undefined;
});

const errno = (code: string) => Object.assign(new Error(`${code}: refused`), { code });

describe('desk on a full or read-only disk', () => {
  it.each([
    [507, 'storageFull', errno('SQLITE_FULL')],
    [507, 'storageFull', new StoreFailedError(errno('ENOSPC'))],
    [503, 'storageUnavailable', errno('SQLITE_READONLY')],
    [503, 'storageUnavailable', errno('EACCES')],
  ] as const)(
    'answers %i (%s) to a write the log refuses, changing nothing',
    async (status, kind, fault) => {
      const inner = createMemoryEventStore();
      let failing = false;
      const store: EventStore = {
        ...inner,
        append: async (...args) => {
          if (failing) throw fault;
          return inner.append(...args);
        },
      };
      w = await world({ store });
      const before = (await inner.readAll()).length;
      failing = true;
      const refused = await w.desk.call('POST', '/api/channels', {
        cookie: w.admin.cookie,
        body: { name: 'Safety' },
      });
      expectProblem(refused, status);
      expect(refused.body['type']).toMatch(new RegExp(`/desk/${kind}$`));
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await inner.readAll()).length).toBe(before);
      failing = false;
      const accepted = await w.desk.call('POST', '/api/channels', {
        cookie: w.admin.cookie,
        body: { name: 'Safety' },
      });
      expect(accepted.status).toBe(201);
    },
  );

  it('answers a failed read of notification settings with a problem, never with "no settings"', async () => {
    const inner = createMemoryEventStore();
    const store: EventStore = {
      ...inner,
      readStream: async (stream, ...rest) => {
        if (stream.startsWith('notification')) throw new StoreFailedError(errno('EIO'));
        return inner.readStream(stream, ...rest);
      },
    };
    w = await world({ store });
    const r = await w.desk.call('GET', '/api/account/notifications', { cookie: w.alice.cookie });
    expect(r.status).toBeGreaterThanOrEqual(500);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
