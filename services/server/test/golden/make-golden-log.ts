/**
 * Writes the golden event log (issue 17, Upgrades): `npx tsx services/server/test/golden/make-golden-log.ts`.
 * Run it only to add a new event type to the story; the files it writes are the fixture that
 * every later version must read the same way (golden-log.int.spec.ts).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goldenFile, playGoldenStory, readGolden } from './golden-world.ts';

const story = await playGoldenStory();
if (story.purgeOutcome !== 'erased') throw new Error(`the purge is ${story.purgeOutcome}`);
await story.deployment.w.desk.settle();
await rm(goldenFile('events.sqlite'), { force: true });
const source = new Database(join(story.deployment.dir, 'events.sqlite'));
source.prepare('VACUUM INTO ?').run(goldenFile('events.sqlite'));
source.close();
await story.deployment.close();
writeFileSync(
  goldenFile('receipt.json'),
  `${JSON.stringify({ receipt: story.receipt, reportId: story.reportId }, null, 2)}\n`,
);
const work = mkdtempSync(join(tmpdir(), 'idesk-golden-read-'));
try {
  const read = await readGolden(goldenFile('events.sqlite'), story.receipt, work);
  writeFileSync(
    goldenFile('expected-read-models.json'),
    `${JSON.stringify(read.readModels, null, 2)}\n`,
  );
  writeFileSync(goldenFile('expected-case.json'), `${JSON.stringify(read.caseView, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
// Reading it switched the log to WAL: back to one self-contained file, with no -wal or -shm
// beside it to commit or to forget.
const fixture = new Database(goldenFile('events.sqlite'));
fixture.pragma('journal_mode = DELETE');
fixture.close();
console.log('golden log written');
