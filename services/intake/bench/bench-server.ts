/**
 * One server of the intake bench, run as a child process so the load generator (autocannon)
 * and the server do not share one event loop:
 *   tsx bench-server.ts intake <dir> <challengeKeyHex>   the real intake on the SQLite store
 *   tsx bench-server.ts bare <dir>                        bare Express + better-sqlite3
 *   tsx bench-server.ts noop <dir>                        Express parsing the body, no storage
 * BENCH_VERIFY=inline checks the whistleblower's signature on the event loop instead of the
 * Node backend's verification thread, for comparison.
 * Prints `port <n>` when listening; on SIGUSR2 prints `cpu <process> <main thread>` (user +
 * system CPU time so far, in microseconds: wall time on a shared machine says little); exits on
 * SIGTERM.
 */
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { createIntakeApp, createIntakeLogger, createMemoryBlobStore } from '../src/index.ts';
import { benchChannelId } from './bench-material.ts';

const [mode, dir, keyHex] = process.argv.slice(2);
if (!dir) throw new Error('usage: bench-server.ts intake|bare|noop <dir> [key]');

/** The ceiling of this machine for Express and the load generator: parse the body, answer. */
function noop(): express.Express {
  const app = express();
  app.post('/api/v1/reports', express.json({ limit: 2 * 1024 * 1024 }), (req, res) => {
    const body = req.body as { envelope: { reportId: string } };
    res.status(201).json({ reportId: body.envelope.reportId });
  });
  return app;
}

function bare(): express.Express {
  // The same durability as the event store: WAL, synchronous=FULL, one transaction per request.
  const db = new Database(join(dir!, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE reports (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE, body TEXT)',
  );
  const insert = db.prepare('INSERT INTO reports (id, body) VALUES (?, ?)');
  const app = express();
  app.post('/api/v1/reports', express.json({ limit: 2 * 1024 * 1024 }), (req, res) => {
    const body = req.body as { envelope: { reportId: string } };
    insert.run(body.envelope.reportId, JSON.stringify(body.envelope));
    res.status(201).json({ reportId: body.envelope.reportId });
  });
  return app;
}

async function intake() {
  const { createNodeBackend } = await import('@integrity-desk/protocol/node');
  const backend = await createNodeBackend();
  if (process.env.BENCH_VERIFY === 'inline')
    delete (backend as { ed25519VerifyOffThread?: unknown }).ed25519VerifyOffThread;
  const store = createSqliteEventStore({ file: join(dir!, 'events.sqlite') });
  return createIntakeApp({
    store,
    blobStore: createMemoryBlobStore(),
    listChannels: async () => [
      // Intake compares only the list's version with the envelope's (bench-material seals to 1).
      { id: benchChannelId, name: 'Bench', questionnaire: [], recipients: { version: 1 } },
    ],
    findReportByLocator: async () => undefined,
    cryptoBackend: backend,
    challengeKey: Buffer.from(keyHex!, 'hex'),
    // Production logging (hourly request counts), to /dev/null so the terminal is not the bench.
    logger: createIntakeLogger(pino.destination({ dest: '/dev/null', sync: false })),
    config: {
      // Proof of work at its minimum, still verified on every submission.
      pow: { baseBits: 1, minBits: 1, maxBits: 1, maxSpent: 1_000_000 },
      rateLimits: {
        submitPerWindow: 10_000_000,
      },
    },
  });
}

const app = mode === 'bare' ? bare() : mode === 'noop' ? noop() : await intake();
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`port ${(server.address() as AddressInfo).port}`);
});
server.keepAliveTimeout = 60_000;
/**
 * CPU time of the main thread alone (Linux: /proc/<pid>/task/<pid>/stat, in clock ticks of
 * 10 ms), in microseconds: the event loop is what a submission waits for, so its share is the
 * figure to cut; the process total also counts the fsync, checkpoint and verification threads.
 */
function mainThreadCpu(): number {
  try {
    const stat = readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return -1;
  }
}

process.on('SIGUSR2', () => {
  const { user, system } = process.cpuUsage();
  console.log(`cpu ${user + system} ${mainThreadCpu()}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
