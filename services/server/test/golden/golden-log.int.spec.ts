// Upgrades (issue 17): an event log written by an earlier version of this code must read the same
// in every later one. events.sqlite here was made by make-golden-log.ts (real desk and intake
// traffic, the report decider, a purge) and is never edited: a schema change goes through an
// upcaster (services/reports/src/upcasting), and this test then still rebuilds the committed read
// models and serves the committed case to the committed receipt.
import { eventSchemas } from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goldenFile, readGolden } from './golden-world.ts';

/** Every event type the server writes: each stream kind's union, as plain-fields reads them. */
const allEventTypes: string[] = eventSchemas.flatMap((union) =>
  union.options.map((o) => o.shape.type.value),
);

const work = mkdtempSync(join(tmpdir(), 'idesk-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
/** A private copy of the log: opening it (WAL, schema checks) must never touch the committed file. */
const copyOfTheLog = (name: string) => {
  const file = join(work, name);
  copyFileSync(goldenFile('events.sqlite'), file);
  return file;
};

describe('the golden event log', () => {
  it('holds every event type of every stream kind, and no other', () => {
    const db = new Database(copyOfTheLog('types.sqlite'), { readonly: true });
    const stored = new Set(
      (db.prepare('SELECT DISTINCT type FROM events').all() as { type: string }[]).map(
        (r) => r.type,
      ),
    );
    db.close();
    // A new event type fails here until the story (golden-world.ts) makes it and the log is
    // written again (make-golden-log.ts).
    expect(allEventTypes.filter((t) => !stored.has(t))).toEqual([]);
    expect([...stored].filter((t) => !allEventTypes.includes(t))).toEqual([]);
  });

  it("reads with today's code into the committed read models, and serves the committed case to its receipt", async () => {
    const events = copyOfTheLog('events.sqlite');
    const { receipt } = JSON.parse(readFileSync(goldenFile('receipt.json'), 'utf8')) as {
      receipt: string;
    };
    const read = await readGolden(events, receipt, work);
    const expected = (name: string) =>
      JSON.parse(readFileSync(goldenFile(name), 'utf8')) as unknown;
    expect(json(read.readModels)).toEqual(expected('expected-read-models.json'));
    expect(read.caseView.status).toBe(200);
    expect(json(read.caseView)).toEqual(expected('expected-case.json'));
  }, 120_000);
});
