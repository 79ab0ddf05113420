/**
 * Child process of the crash test: appends from many concurrent writers to the SQLite store and
 * prints one line per acknowledged append, only after its promise resolved (i.e. after commit).
 * stdout to a pipe is synchronous on Linux, so a printed ack reached the parent before any kill.
 */
import { randomUUID } from 'node:crypto';
import { createSqliteEventStore } from '../src/index.ts';

const [file, run, writersArg] = process.argv.slice(2);
if (!file || !run) throw new Error('usage: crash-writer FILE RUN [WRITERS]');
const writers = Number(writersArg ?? 48);
const store = createSqliteEventStore({ file });

process.stdout.write('ready\n');
await Promise.all(
  Array.from({ length: writers }, async (_, w) => {
    const stream = `crash-${run}-${w}`;
    let next = 0n;
    for (;;) {
      const size = 1 + ((w + Number(next)) % 3);
      const events = Array.from({ length: size }, (_, i) => ({
        id: randomUUID(),
        type: 'CrashTested',
        data: { w, n: Number(next) + i, filler: 'f'.repeat(200 + ((w * 37) % 600)) },
      }));
      await store.append(stream, events, {
        expectedRevision: next === 0n ? 'no_stream' : next - 1n,
      });
      next += BigInt(size);
      process.stdout.write(`ack ${stream} ${events.map((e) => e.id).join(',')}\n`);
    }
  }),
);
