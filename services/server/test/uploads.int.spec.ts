import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import { handleReportCommand, type ReportCommand } from '@integrity-desk/reports';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fakeAttachmentHeader,
  fakeSubmissionEnvelope,
  fakeUuid,
} from '../../reports/src/shared/fixtures.ts';
import { loadConfig } from '../src/config.ts';
import { startPlatform } from '../src/platform.ts';

const HOUR = 60 * 60_000;

describe('UPLOAD_EXPIRY_HOURS', () => {
  it('defaults to a day, swept hourly; longer on request; refuses a window an upload over Tor could outlast', () => {
    const base = { DATA_DIR: '/tmp/x' };
    expect(loadConfig(base, [])).toMatchObject({ uploadExpiryMs: 24 * HOUR, uploadSweepMs: HOUR });
    expect(loadConfig({ ...base, UPLOAD_EXPIRY_HOURS: '72' }, [])).toMatchObject({
      uploadExpiryMs: 72 * HOUR,
      uploadSweepMs: HOUR,
    });
    expect(loadConfig({ ...base, UPLOAD_EXPIRY_HOURS: '2' }, [])).toMatchObject({
      uploadSweepMs: HOUR / 2,
    });
    expect(() => loadConfig({ ...base, UPLOAD_EXPIRY_HOURS: '1' }, [])).toThrow(
      /UPLOAD_EXPIRY_HOURS/,
    );
    expect(() => loadConfig({ ...base, UPLOAD_EXPIRY_HOURS: 'soon' }, [])).toThrow(
      /UPLOAD_EXPIRY_HOURS/,
    );
  });

  it('the platform sweeps abandoned uploads in DATA_DIR at start and keeps live ones and blobs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-sweep-'));
    try {
      const config = loadConfig(
        {
          DATA_DIR: dataDir,
          ROLE: 'intake',
          INTAKE_PORT: '0',
          UPLOAD_EXPIRY_HOURS: '24',
          LOG_LEVEL: 'warn',
        },
        [],
      );
      const uploads = join(config.blobDir, 'uploads');
      const blobs = join(config.blobDir, 'blobs');
      mkdirSync(uploads, { recursive: true });
      mkdirSync(blobs, { recursive: true });
      const daysAgo = new Date(Date.now() - 25 * HOUR);
      const write = (path: string, text: string, at?: Date) => {
        writeFileSync(path, text);
        if (at) utimesSync(path, at, at);
      };
      const meta = JSON.stringify({ size: 10, owner: 'r', note: '' });
      write(join(uploads, 'abandoned.json'), meta, daysAgo);
      write(join(uploads, 'abandoned.part'), 'abc', daysAgo);
      write(join(uploads, 'live.json'), meta, daysAgo);
      write(join(uploads, 'live.part'), 'abc'); // a chunk arrived just now
      const blob = join(blobs, 'a'.repeat(64));
      write(blob, 'finished evidence', new Date(Date.now() - 400 * 24 * HOUR));

      const platform = await startPlatform(config, () => undefined);
      try {
        const deadline = Date.now() + 20_000;
        while (existsSync(join(uploads, 'abandoned.json')) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 50));
      } finally {
        await platform.stop();
      }
      expect(readdirSync(uploads).sort()).toEqual(
        ['abandoned.expired', 'live.json', 'live.part'].sort(),
      );
      expect(existsSync(blob)).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the platform erases at start a finished upload no event names, and keeps one whose bytes another report holds (its read model)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-unrecorded-'));
    try {
      const config = loadConfig(
        { DATA_DIR: dataDir, ROLE: 'intake', INTAKE_PORT: '0', LOG_LEVEL: 'warn' },
        [],
      );
      const [orphan, shared] = ['a'.repeat(64), 'b'.repeat(64)];
      // Another report's EvidenceAdded names `shared`, not the report whose marker says so.
      const holder = randomUUID();
      const channelId = fakeUuid('channel');
      const seed = createSqliteEventStore({ file: join(dataDir, 'events.sqlite') });
      const evidenceId = randomUUID();
      for (const c of [
        {
          type: 'SubmitReport',
          data: {
            reportId: holder,
            channelId,
            envelope: fakeSubmissionEnvelope(holder, channelId),
          },
        },
        {
          type: 'AddEvidence',
          data: {
            reportId: holder,
            evidenceId,
            blobId: shared,
            paddedSize: 4096,
            header: fakeAttachmentHeader(holder, evidenceId),
          },
        },
      ])
        await handleReportCommand(seed, holder, {
          ...c,
          metadata: { now: new Date(), eventId: randomUUID(), actor: { kind: 'whistleblower' } },
        } as ReportCommand);
      await seed.close();
      const uploads = join(config.blobDir, 'uploads');
      const blobs = join(config.blobDir, 'blobs');
      mkdirSync(uploads, { recursive: true });
      mkdirSync(blobs, { recursive: true });
      const daysAgo = new Date(Date.now() - 25 * HOUR);
      const owner = JSON.stringify({ owner: randomUUID() });
      for (const blobId of [orphan, shared]) {
        for (const file of [
          join(blobs, blobId),
          join(uploads, `u-${blobId[0]}.${blobId}.completed`),
        ]) {
          writeFileSync(file, file.endsWith('.completed') ? owner : 'evidence ciphertext');
          utimesSync(file, daysAgo, daysAgo);
        }
      }

      const platform = await startPlatform(config, () => undefined);
      try {
        const deadline = Date.now() + 20_000;
        while (readdirSync(uploads).length > 0 && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 50));
      } finally {
        await platform.stop();
      }
      expect(readdirSync(uploads)).toEqual([]);
      expect(readdirSync(blobs)).toEqual([shared]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
