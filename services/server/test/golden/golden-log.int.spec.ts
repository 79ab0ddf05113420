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

  /**
   * A log is regenerated when a new event type joins the story, and the new one is written by
   * today's code (version 2 receipts). The log as it stood on 2026-12-04 (end of session 21,
   * commit 68522f3) is kept beside it and never regenerated: its receipt is version 1
   * (Argon2id), so this proves that receipts issued before version 2, and every event an older
   * version wrote, still read. Its read models are compared for the projections that existed
   * then; today's code may add tables, never change what an old log gives the old ones.
   */
  it('reads the log written on 2026-12-04, and serves its case to its version 1 receipt', async () => {
    const old = (name: string) => goldenFile(join('2026-12-04', name));
    const file = join(work, 'old-events.sqlite');
    copyFileSync(old('events.sqlite'), file);
    const { receipt } = JSON.parse(readFileSync(old('receipt.json'), 'utf8')) as {
      receipt: string;
    };
    const read = await readGolden(file, receipt, mkdtempSync(join(work, 'old-')));
    const expected = (name: string) => JSON.parse(readFileSync(old(name), 'utf8')) as unknown;
    const then = expected('expected-read-models.json') as Record<string, unknown>;
    const now = json(read.readModels) as Record<string, unknown>;
    // What upcasters rewrite on purpose: a questionnaire of version 1 reads as the multilingual
    // shape (ChannelQuestionnairePublished 1 -> 2, issue 16).
    const upcast = (rows: unknown) =>
      (rows as Record<string, unknown>[]).map(({ questionnaire: _, ...rest }) => rest);
    for (const table of Object.keys(then))
      if (table === 'staff_channels')
        expect(upcast(now[table]), table).toEqual(upcast(then[table]));
      else expect(now[table], table).toEqual(then[table]);
    expect(read.caseView.status).toBe(200);
    expect(json(read.caseView)).toEqual(expected('expected-case.json'));
  }, 120_000);
});
