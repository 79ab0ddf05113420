// Upgrades (issue 17): an event log written by an earlier version of this code must read the same
// in every later one. events.sqlite here was made by make-golden-log.ts (real desk and intake
// traffic, the report decider, a purge) and is never edited: a schema change goes through an
// upcaster (services/reports/src/upcasting), and this test then still rebuilds the committed read
// models and serves the committed case to the committed receipt.
import {
  accessEventSchema,
  channelEventTypes,
  deploymentEventTypes,
  investigatorEventTypes,
  purgeEventSchema,
  reportEventTypes,
} from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goldenFile, readGolden } from './golden-world.ts';

/**
 * Event types the golden story does not make yet, each with what it would take. A new event type
 * must be added to the story (make-golden-log.ts) or here, or the first test fails; one the story
 * makes must leave this list.
 */
const notYetInTheStory = new Set([
  'ReportKeyShared', // a colleague added to the channel after the submission, given the key
  'InvestigatorTotpReset', // an administrator's reset of a second factor
  'InvestigatorTotpReenrolled', // ... and its redemption
  'InvestigatorVaultChanged', // a password change
  'InvestigatorKeysProven', // an account enrolled before key proofs, unlocked
  'InvestigatorKeyMismatchAlarmed', // a signed list naming someone with other keys
  'DeploymentKeyRotated', // a deployment key rotation
]);

const allEventTypes = [
  ...reportEventTypes,
  ...investigatorEventTypes,
  ...channelEventTypes,
  ...deploymentEventTypes,
  ...accessEventSchema.options.map((o) => o.shape.type.value),
  ...purgeEventSchema.options.map((o) => o.shape.type.value),
];

const work = mkdtempSync(join(tmpdir(), 'idesk-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('the golden event log', () => {
  it('holds every event type of every stream kind (or says which it lacks and why)', () => {
    const db = new Database(goldenFile('events.sqlite'), { readonly: true });
    const stored = new Set(
      (db.prepare('SELECT DISTINCT type FROM events').all() as { type: string }[]).map(
        (r) => r.type,
      ),
    );
    db.close();
    expect(allEventTypes.filter((t) => !stored.has(t) && !notYetInTheStory.has(t))).toEqual([]);
    expect([...notYetInTheStory].filter((t) => stored.has(t))).toEqual([]);
    expect([...stored].filter((t) => !allEventTypes.includes(t as never))).toEqual([]);
  });

  it("reads with today's code into the committed read models, and serves the committed case to its receipt", async () => {
    // A copy: opening the log (WAL, schema checks) must not touch the committed file.
    const events = join(work, 'events.sqlite');
    copyFileSync(goldenFile('events.sqlite'), events);
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
