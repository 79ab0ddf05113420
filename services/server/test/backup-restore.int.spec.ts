// The restore drill: a real intake server on a real SQLite file and evidence folder takes
// submissions while `npm run backup` runs as its own process; the archive is restored elsewhere
// by `npm run restore`, and everything acknowledged before the backup began is there, byte for
// byte, with read models equal to a rebuild. A purge after the backup is made good again, a
// tampered archive, a wrong key and a non-empty DATA_DIR are refused, and no output of either
// tool carries report content, a receipt or a key.
import { createSqliteEventStore, StreamDeletedError } from '@integrity-desk/eventstore';
import { createFsBlobStore } from '@integrity-desk/intake';
import {
  allProjections,
  createProjectionRunner,
  handleReportCommand,
  openReadModels,
  readModelRows,
  reportStream,
  type ReportCommand,
} from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  beginUpload,
  makeEnvelope,
  makeReceipt,
  openSession,
  sha256hex,
  startIntake,
  submit,
  type Harness,
} from '../../intake/src/test-support/harness.ts';
import { startEmbeddedPurger } from '../src/backup/embedded-purger.ts';
import { runTool } from './support/run-tool.ts';

// Each tool run is a new Node process loading TypeScript through tsx: seconds on a loaded machine.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

const tool = (
  script: 'backup' | 'restore',
  dataDir: string,
  env: NodeJS.ProcessEnv,
  args: string[],
) =>
  runTool(
    `services/server/src/backup/${script === 'backup' ? 'main.ts' : 'restore-main.ts'}`,
    dataDir,
    args,
    env,
  );

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function dump(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return readModelRows(db);
  } finally {
    db.close();
  }
}

interface Acknowledged {
  reportId: string;
  text: string;
  receipt: Awaited<ReturnType<typeof makeReceipt>>;
  blobId?: string;
  /** Date.now() when its 201 arrived. */
  at: number;
}

/** A whistleblower submits a report (and, with `evidence`, uploads a sealed file to it). */
async function whistleblower(url: string, evidence: boolean): Promise<Acknowledged | undefined> {
  const receipt = await makeReceipt();
  const text = `canary-answer-${randomUUID()}`;
  const envelope = makeEnvelope(receipt, text);
  const res = await submit(url, envelope);
  if (res.status !== 201) return undefined;
  if (!evidence) return { reportId: envelope.reportId, text, receipt, at: Date.now() };
  const auth = { authorization: `Bearer ${await openSession(url, receipt)}` };
  const file = await receipt.attachment(envelope.reportId, randomBytes(70_000));
  const upload = await beginUpload(url, auth, file);
  const put = await upload.put(0, file.ciphertext.length);
  if (!put.ok) return undefined;
  return {
    reportId: envelope.reportId,
    text,
    receipt,
    blobId: sha256hex(file.ciphertext),
    at: Date.now(),
  };
}

describe('backup and restore drill', () => {
  let intake: Harness;
  const live = tempDir('idesk-live-');
  const keys = tempDir('idesk-keys-');
  const acknowledged: Acknowledged[] = [];

  it('keygen makes a pair, keeps the secret key private, and refuses to overwrite it', async () => {
    const made = await tool('backup', live, {}, ['--keygen', join(keys, 'operator.key')]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/export BACKUP_PUBLIC_KEY=[A-Za-z0-9_-]{43}\n/);
    expect(made.stdout).toContain('Move it OFF the server now');
    const secret = readFileSync(join(keys, 'operator.key'), 'utf8');
    expect(made.stdout + made.stderr).not.toContain(secret.trim());
    const again = await tool('backup', live, {}, ['--keygen', join(keys, 'operator.key')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists already');
    expect(readFileSync(join(keys, 'operator.key'), 'utf8')).toBe(secret);
  });

  it('backs up during a submission load; the restore holds every report acknowledged before, blobs byte-identical, read models equal to a rebuild; a later purge is erased again', async () => {
    const publicKey = /BACKUP_PUBLIC_KEY=(\S+)/.exec(
      (await tool('backup', live, {}, ['--keygen', join(keys, 'drill.key')])).stdout,
    )![1]!;
    const store = createSqliteEventStore({ file: join(live, 'events.sqlite') });
    intake = await startIntake({
      store,
      blobStore: createFsBlobStore({ dir: join(live, 'blobs') }),
    });
    for (let i = 0; i < 6; i++) acknowledged.push((await whistleblower(intake.url, true))!);

    // The load: four whistleblowers at a time, one in three with evidence, until told to stop.
    let loading = true;
    const load = Array.from({ length: 4 }, async (_, lane) => {
      for (let n = 0; loading; n++) {
        const done = await whistleblower(intake.url, (n + lane) % 3 === 0);
        if (done) acknowledged.push(done);
      }
    });
    // Some evidence uploaded under load before the backup begins, whatever the machine's speed.
    while (acknowledged.filter((a) => a.blobId).length < 9)
      await new Promise((r) => setTimeout(r, 50));
    const began = Date.now();
    const archive = join(keys, 'drill.idb');
    const backup = await tool('backup', live, { BACKUP_PUBLIC_KEY: publicKey }, [archive]);
    const after = acknowledged.length;
    await new Promise((r) => setTimeout(r, 300));
    loading = false;
    await Promise.all(load);
    expect(backup.stderr).toMatch(/backup: [\d.]+ of [\d.]+ MiB \(100%\)/);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/backup: event log: [\d,]+ events up to position \d+/);
    expect(acknowledged.length).toBeGreaterThan(after); // the load went on while it ran
    const before = acknowledged.filter((a) => a.at < began);
    expect(before.filter((a) => a.blobId).length).toBeGreaterThan(6);

    // After the backup, an administrator purges a report that the backup holds, with its evidence.
    const purged = before.find((a) => a.blobId)!;
    const staff = { kind: 'investigator', investigatorId: randomUUID() } as const;
    for (const type of ['AcknowledgeReport', 'CloseReport'] as const)
      await handleReportCommand(store, purged.reportId, {
        type,
        data: {
          reportId: purged.reportId,
          ...(type === 'CloseReport' && { outcome: 'unsubstantiated' }),
        },
        metadata: { now: new Date(), eventId: randomUUID(), actor: staff },
      } as ReportCommand);
    const { purger, stop } = await startEmbeddedPurger(store, {
      readModelsFile: join(live, 'read-models.sqlite'),
      blobDir: join(live, 'blobs'),
    });
    expect(await purger.purge(purged.reportId, staff)).toBe('erased');
    await stop();
    await intake.close();

    const restored = tempDir('idesk-restored-');
    const restore = await tool('restore', restored, {}, [
      archive,
      '--key',
      join(keys, 'drill.key'),
      '--purges-from',
      join(live, 'events.sqlite'),
    ]);
    await store.close();
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/restore: verified [\d,]+ files .* against the manifest/);
    expect(restore.stdout).toContain(`restore: erased again report ${purged.reportId}`);
    expect(restore.stdout).toContain('the desk key is not in backups');

    const back = createSqliteEventStore({ file: join(restored, 'events.sqlite') });
    try {
      for (const a of before) {
        if (a === purged) continue;
        const events = await back.readStream(reportStream(a.reportId));
        expect(events[0]?.type).toBe('ReportSubmitted');
        if (a.blobId)
          expect(readFileSync(join(restored, 'blobs', 'blobs', a.blobId))).toEqual(
            readFileSync(join(live, 'blobs', 'blobs', a.blobId)),
          );
      }
      await expect(back.readStream(reportStream(purged.reportId))).rejects.toThrow(
        StreamDeletedError,
      );
      expect(existsSync(join(restored, 'blobs', 'blobs', purged.blobId!))).toBe(false);

      // The restored read models are what a rebuild of the restored log gives.
      const rebuilt = join(tempDir('idesk-rebuilt-'), 'read-models.sqlite');
      const db = openReadModels(rebuilt, (f) => new Database(f));
      await createProjectionRunner({ store: back, db, projections: allProjections }).rebuild();
      db.close();
      expect(dump(join(restored, 'read-models.sqlite'))).toEqual(dump(rebuilt));

      // The restored intake serves a whistleblower who returns with a receipt from before.
      const served = await startIntake({ store: back });
      try {
        const returning = before.find((a) => a !== purged)!;
        const token = await openSession(served.url, returning.receipt);
        const view = await fetch(`${served.url}/api/v1/case`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(view.status).toBe(200);
        expect(((await view.json()) as { reportId: string }).reportId).toBe(returning.reportId);
      } finally {
        await served.close();
      }
    } finally {
      await back.close();
    }

    // Canary: neither tool printed content, a receipt's secrets or the secret key, and the
    // archive holds no plain field of the log (it is sealed as a whole).
    const printed = backup.stdout + backup.stderr + restore.stdout + restore.stderr;
    const sealed = readFileSync(archive).toString('latin1');
    const secret = readFileSync(join(keys, 'drill.key'), 'utf8').trim();
    expect(printed).not.toContain(secret);
    for (const a of acknowledged) {
      expect(printed).not.toContain(a.text);
      expect(printed).not.toContain(a.receipt.locator);
      expect(sealed).not.toContain(a.reportId);
      expect(sealed).not.toContain(a.receipt.locator);
    }
  });

  it('refuses a tampered archive, a wrong key and a non-empty DATA_DIR, and changes nothing', async () => {
    const archive = join(keys, 'drill.idb');
    const tampered = join(keys, 'tampered.idb');
    copyFileSync(archive, tampered);
    const bytes = readFileSync(tampered);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(tampered, bytes);
    const target = tempDir('idesk-refused-');
    const damaged = await tool('restore', target, {}, [tampered, '--key', join(keys, 'drill.key')]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/damaged or was altered/);
    expect(readdirSync(target)).toEqual([]);

    const cut = join(keys, 'cut.idb');
    writeFileSync(cut, readFileSync(archive).subarray(0, readFileSync(archive).length - 100));
    const short = await tool('restore', target, {}, [cut, '--key', join(keys, 'drill.key')]);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/cut short|damaged/);
    expect(readdirSync(target)).toEqual([]);

    const wrong = await tool('restore', target, {}, [archive, '--key', join(keys, 'operator.key')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(
      /is sealed to the backup key .*, and the secret key given is not its pair/,
    );
    expect(readdirSync(target)).toEqual([]);

    const full = await tool('restore', live, {}, [archive, '--key', join(keys, 'drill.key')]);
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/is not empty .* nothing was changed/);
  });
});
