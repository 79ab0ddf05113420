import { createSqliteEventStore, StreamDeletedError } from '@integrity-desk/eventstore';
import {
  handleReportCommand,
  purgeStream,
  reportStream,
  type ReportCommand,
} from '@integrity-desk/reports';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createFsBlobStore } from '@integrity-desk/intake';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fakeReportLife,
  fakeSubmissionEnvelope,
  fakeUuid,
} from '../../reports/src/shared/fixtures.ts';
import { loadConfig } from '../src/config.ts';
import { startPlatform } from '../src/platform.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('RETENTION_DAYS', () => {
  it('is unset by default (no automatic purge), hourly when set, and refuses nonsense', () => {
    const base = { DATA_DIR: '/tmp/x' };
    expect(loadConfig(base, [])).toMatchObject({ retentionDays: undefined, retentionRunMs: HOUR });
    expect(loadConfig({ ...base, RETENTION_DAYS: '365' }, [])).toMatchObject({
      retentionDays: 365,
    });
    for (const bad of ['0', '-3', '1.5', 'a year'])
      expect(() => loadConfig({ ...base, RETENTION_DAYS: bad }, [])).toThrow(/RETENTION_DAYS/);
  });

  it('the platform, at start, finishes a purge a crash left half done and purges what is past its period, keeping the rest', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-retention-'));
    try {
      const channelId = fakeUuid('channel');
      const file = join(dataDir, 'events.sqlite');
      const seed = createSqliteEventStore({ file });
      const at = (t: number, type: ReportCommand['type'], data: object): ReportCommand =>
        ({
          type,
          data,
          metadata: {
            now: new Date(t),
            eventId: randomUUID(),
            actor:
              type === 'SubmitReport'
                ? { kind: 'whistleblower' }
                : { kind: 'investigator', investigatorId: fakeUuid('alice') },
          },
        }) as ReportCommand;
      const closedAt = async (daysAgo: number, purge = false) => {
        const reportId = randomUUID();
        const t = Date.now() - daysAgo * DAY;
        const envelope = fakeSubmissionEnvelope(reportId, channelId);
        for (const c of [
          at(t - DAY, 'SubmitReport', { reportId, channelId, envelope }),
          at(t - DAY, 'AcknowledgeReport', { reportId }),
          at(t, 'CloseReport', { reportId, outcome: 'unsubstantiated' }),
          ...(purge ? [at(t, 'PurgeReport', { reportId })] : []),
        ])
          await handleReportCommand(seed, reportId, c);
        return reportId;
      };
      const old = await closedAt(40);
      const recent = await closedAt(10);
      // A crash right after the decision: ReportPurged on the report stream, nothing else.
      const halfDone = await closedAt(1, true);
      await seed.close();

      const config = loadConfig(
        { DATA_DIR: dataDir, ROLE: 'desk', DESK_PORT: '0', RETENTION_DAYS: '30' },
        [],
      );
      const lines: string[] = [];
      const platform = await startPlatform(config, (l) => lines.push(l));
      const gone = async (id: string) =>
        platform.store.readStream(reportStream(id)).then(
          () => false,
          (e: unknown) => e instanceof StreamDeletedError,
        );
      // ReportErased is a purge's last step (after the tombstone): wait for it, not for the
      // tombstone, or the record may be read between the two.
      const erased = async (id: string) =>
        platform.store.readStream(purgeStream(id)).then(
          (events) => events.some((e) => e.type === 'ReportErased'),
          () => false,
        );
      try {
        const deadline = Date.now() + 20_000;
        while (!((await erased(old)) && (await erased(halfDone))) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 50));
        expect(await gone(old)).toBe(true);
        expect(await gone(halfDone)).toBe(true);
        expect(await gone(recent)).toBe(false);
        const record = await platform.store.readStream(purgeStream(old));
        expect(record.map((e) => [e.type, (e.data as { by?: string }).by])).toEqual([
          ['ReportPurged', 'system'],
          ['ReportErased', undefined],
        ]);
        const finished = await platform.store.readStream(purgeStream(halfDone));
        expect(finished.map((e) => [e.type, (e.data as { by?: string }).by])).toEqual([
          ['ReportPurged', fakeUuid('alice')],
          ['ReportErased', undefined],
        ]);
        expect(lines).toContain(
          'retention: closed reports are purged 30 days after closing (checked at start and hourly)',
        );
      } finally {
        await platform.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a purge whose process was killed (SIGKILL) while erasing its evidence is finished by the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-purge-crash-'));
    try {
      const channelId = fakeUuid('channel');
      const reportId = randomUUID();
      const seed = createSqliteEventStore({ file: join(dataDir, 'events.sqlite') });
      const blobs = createFsBlobStore({ dir: join(dataDir, 'blobs') });
      const evidenceId = randomUUID();
      await blobs.begin(evidenceId, { size: 4096, owner: reportId, note: '' });
      await blobs.write(evidenceId, 0, randomBytes(4096));
      const { blobId } = await blobs.complete(evidenceId);
      const staff = { kind: 'investigator', investigatorId: fakeUuid('alice') } as const;
      const life = fakeReportLife(reportId, channelId, { evidenceId, blobId });
      for (const [data, actor] of [
        [life.submit, { kind: 'whistleblower' }],
        [life.addEvidence, { kind: 'whistleblower' }],
        [life.acknowledge, staff],
        [life.close, staff],
      ] as const)
        await handleReportCommand(seed, reportId, {
          ...data,
          metadata: { now: new Date(), eventId: randomUUID(), actor },
        } as ReportCommand);
      await seed.close();
      const blobFile = join(dataDir, 'blobs', 'blobs', blobId);
      expect(existsSync(blobFile)).toBe(true);

      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'purge-crash-child.ts'), dataDir, reportId],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const signal = await new Promise<NodeJS.Signals | null>((r) =>
        child.on('exit', (_code, sig) => r(sig)),
      );
      expect(signal).toBe('SIGKILL');
      expect(out).toBe('erasing\n');
      // Half a purge on disk: decided and recorded, the blob and the report stream still there.
      const between = createSqliteEventStore({ file: join(dataDir, 'events.sqlite') });
      expect((await between.readStream(reportStream(reportId))).at(-1)?.type).toBe('ReportPurged');
      expect((await between.readStream(purgeStream(reportId))).map((e) => e.type)).toEqual([
        'ReportPurged',
      ]);
      await between.close();
      expect(existsSync(blobFile)).toBe(true);

      // The next start (no RETENTION_DAYS: finishing a purge does not depend on it).
      const config = loadConfig({ DATA_DIR: dataDir, ROLE: 'desk', DESK_PORT: '0' }, []);
      const platform = await startPlatform(config, () => undefined);
      try {
        const deadline = Date.now() + 20_000;
        const erased = async () =>
          (await platform.store.readStream(purgeStream(reportId))).length === 2;
        while (!(await erased()) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 50));
        expect((await platform.store.readStream(purgeStream(reportId))).map((e) => e.type)).toEqual(
          ['ReportPurged', 'ReportErased'],
        );
        await expect(platform.store.readStream(reportStream(reportId))).rejects.toThrow(
          StreamDeletedError,
        );
      } finally {
        await platform.stop();
      }
      expect(existsSync(blobFile)).toBe(false);
      expect(readdirSync(join(dataDir, 'blobs', 'blobs'))).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
