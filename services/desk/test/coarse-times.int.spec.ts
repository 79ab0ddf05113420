/**
 * SECURITY.md, "Event store and data at rest" and "Plain fields of events": a seized event log
 * does not date what a whistleblower did to the second. Commit times in the SQLite file are
 * whole minutes, a report's `receivedAt` a whole hour, and no time a whistleblower's action
 * put into an event (`postedAt` of their message, `addedAt` of their evidence) is finer than
 * the minute. The whistleblower acts through intake over HTTP with the real protocol, at clock
 * times that are not round; the file itself is read afterwards.
 */
import { eventFields } from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beginUpload,
  makeReceipt,
  openSession,
  postJson,
  submit,
  testClock,
  type Harness,
} from '../../intake/src/test-support/harness.ts';
import { deploymentOnDisk, type DeploymentOnDisk } from './deployment-on-disk.ts';
import type { World } from './harness.ts';

let deployment: DeploymentOnDisk;
let dir: string;
let w: World;
let intake: Harness;
/** The real clock of the store is never round; these are the ones the services use. */
const clock = testClock(Date.parse('2026-03-10T09:41:17.389Z'));

beforeAll(async () => {
  let commitClock = Date.parse('2026-03-10T09:41:17.389Z');
  // Commit times too are taken at odd seconds, so rounding is what makes them whole minutes.
  deployment = await deploymentOnDisk('desk-coarse-', {
    storeNow: () => (commitClock += 7_919),
    clock,
  });
  ({ dir, w, intake } = deployment);
  const wb = await makeReceipt();
  const envelope = wb.seal('a report at an odd second', randomUUID(), 1, w.channelId);
  expect((await submit(intake.url, envelope)).status).toBe(201);
  await w.desk.settle();
  clock.advance(1_234_567);
  const token = await openSession(intake.url, wb);
  const auth = { authorization: `Bearer ${token}` };
  const messageId = randomUUID();
  const message = { messageId, envelope: wb.message(envelope.reportId, 'more', messageId) };
  expect((await postJson(`${intake.url}/api/v1/case/messages`, message, auth)).status).toBe(201);
  clock.advance(61_111);
  const file = await wb.attachment(envelope.reportId, randomBytes(5_000));
  const upload = await beginUpload(intake.url, auth, file);
  expect((await upload.put(0, file.ciphertext.length)).status).toBe(201);
  await w.desk.settle();
}, 120_000);

afterAll(() => deployment?.close());

interface Row {
  type: string;
  data: string;
  metadata: string | null;
  created: number;
}
const rows = (): Row[] => {
  const file = new Database(join(dir, 'events.sqlite'), { readonly: true });
  try {
    return file.prepare('SELECT type, data, metadata, created FROM events').all() as Row[];
  } finally {
    file.close();
  }
};

describe('times in the seized event log', () => {
  it('every commit time is a whole minute', () => {
    const all = rows();
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((r) => r.created % 60_000 !== 0).map((r) => r.type)).toEqual([]);
  });

  it("a report's arrival is a whole hour", () => {
    const submitted = rows().filter((r) => r.type === 'ReportSubmitted');
    expect(submitted).toHaveLength(1);
    expect((JSON.parse(submitted[0]!.data) as { receivedAt: string }).receivedAt).toBe(
      '2026-03-10T09:00:00.000Z',
    );
  });

  it("no time a whistleblower's action wrote is finer than the minute", () => {
    const fine: string[] = [];
    for (const r of rows()) {
      const data = JSON.parse(r.data) as Record<string, unknown>;
      const byWhistleblower =
        r.type === 'ReportSubmitted' ||
        (r.type === 'MessagePosted' && data['author'] === 'whistleblower') ||
        (r.type === 'EvidenceAdded' && data['by'] === 'whistleblower');
      if (!byWhistleblower) continue;
      for (const [field, value] of Object.entries(data))
        if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value))
          if (Date.parse(value) % 60_000 !== 0) fine.push(`${r.type}.${field} = ${value}`);
    }
    expect(rows().some((r) => r.type === 'MessagePosted')).toBe(true);
    expect(rows().some((r) => r.type === 'EvidenceAdded')).toBe(true);
    expect(fine).toEqual([]);
  });
});

describe('what the seized event log holds (SECURITY.md, "Plain fields of events")', () => {
  it('every stored event is in the table, and holds no field the table does not name', () => {
    const problems: string[] = [];
    const types = new Set<string>();
    for (const r of rows()) {
      types.add(r.type);
      const fields = (
        eventFields as Record<string, { plain: readonly string[]; sealed: readonly string[] }>
      )[r.type];
      if (!fields) {
        problems.push(`${r.type} is not in the table`);
        continue;
      }
      const named = new Set([...fields.plain.map((f) => f.split('.')[0]!), ...fields.sealed]);
      const data = JSON.parse(r.data) as Record<string, unknown>;
      for (const key of Object.keys(data))
        if (!named.has(key)) problems.push(`${r.type}.${key} is stored but not in the table`);
      for (const path of fields.plain.filter((f) => f.includes('.'))) {
        const [top] = path.split('.');
        if (!(top! in data)) continue;
        const value = path
          .split('.')
          .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data);
        if (value === undefined) problems.push(`${r.type}.${path} is named but not where it says`);
      }
      // Metadata is read by the server too: it carries no request detail at all (`v` is the
      // event's schema version, for the upcasters).
      const metadata = r.metadata ? (JSON.parse(r.metadata) as Record<string, unknown>) : {};
      for (const key of Object.keys(metadata))
        if (!['actor', 'eventId', 'correlationId', 'causationId', 'v'].includes(key))
          problems.push(`${r.type} metadata.${key}`);
    }
    expect(types.size).toBeGreaterThan(8);
    expect(problems).toEqual([]);
  });
});

describe('addresses (SECURITY.md: "no IP is stored")', () => {
  it('no file of the data directory holds the address every request came from', () => {
    // Every request of this file, desk sign-ins included, came from 127.0.0.1.
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => join(dir, name))
      .filter((path) => statSync(path).isFile());
    expect(files.some((f) => f.endsWith('events.sqlite'))).toBe(true);
    const holding = files.filter((f) => {
      const bytes = readFileSync(f);
      return ['127.0.0.1', '::ffff:127'].some((a) => bytes.includes(Buffer.from(a)));
    });
    expect(holding.map((f) => f.slice(dir.length + 1))).toEqual([]);
  });
});
