/**
 * The platform wires deadline reminders and e-mail notifications (issue 14): at start, a desk
 * process records the reminders of an overdue report and, with SMTP settings, writes to the
 * loopback SMTP server started here; without them it sends nothing and starts all the same.
 */
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import {
  handleReportCommand,
  notificationsStream,
  remindersStream,
  type ReportCommand,
} from '@integrity-desk/reports';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSubmissionEnvelope, fakeUuid } from '../../reports/src/shared/fixtures.ts';
import { loadConfig } from '../src/config.ts';
import { startPlatform } from '../src/platform.ts';
import { startSmtpSink } from './support/smtp-sink.ts';

const DAY = 86_400_000;

async function until(check: () => Promise<boolean>) {
  const deadline = Date.now() + 20_000;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
}

describe('reminders and notifications in the platform', () => {
  it('refuses SMTP_HOST without SMTP_FROM', () => {
    expect(() => loadConfig({ DATA_DIR: '/tmp/x', SMTP_HOST: 'mail.example.org' }, [])).toThrow(
      /SMTP_FROM/,
    );
    expect(loadConfig({ DATA_DIR: '/tmp/x' }, []).notifications).toBeUndefined();
  });

  it('requires STARTTLS unless the relay is on this machine or it is turned off', () => {
    const tls = (env: Record<string, string>) =>
      loadConfig({ DATA_DIR: '/tmp/x', SMTP_FROM: 'desk@example.org', ...env }, []).notifications
        ?.smtp.requireTls;
    expect(tls({ SMTP_HOST: 'mail.example.org' })).toBe(true);
    expect(tls({ SMTP_HOST: '127.0.0.1' })).toBe(false);
    expect(tls({ SMTP_HOST: 'localhost' })).toBe(false);
    expect(tls({ SMTP_HOST: '127.example.org' })).toBe(true);
    expect(tls({ SMTP_HOST: 'mail.example.org', SMTP_REQUIRE_TLS: 'false' })).toBe(false);
    expect(tls({ SMTP_HOST: '127.0.0.1', SMTP_REQUIRE_TLS: 'true' })).toBe(true);
  });

  for (const withSmtp of [true, false])
    it(`records an overdue report's reminders at start, ${withSmtp ? 'and mails' : 'and without SMTP sends nothing'}`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'idesk-notify-'));
      const smtp = await startSmtpSink();
      const { port } = smtp;
      const received = () => smtp.delivered.flatMap((d) => d.to);
      try {
        const seed = createSqliteEventStore({ file: join(dataDir, 'events.sqlite') });
        const reportId = randomUUID();
        const channelId = fakeUuid('channel');
        await handleReportCommand(seed, reportId, {
          type: 'SubmitReport',
          data: { reportId, channelId, envelope: fakeSubmissionEnvelope(reportId, channelId) },
          metadata: {
            now: new Date(Date.now() - 8 * DAY),
            eventId: randomUUID(),
            actor: { kind: 'whistleblower' },
          },
        } as ReportCommand);
        const someone = fakeUuid('someone');
        await seed.append(notificationsStream(someone), [
          {
            id: randomUUID(),
            type: 'NotificationSettingsChanged',
            data: {
              investigatorId: someone,
              email: 'someone@staff.example.org',
              mode: 'daily',
              changedAt: new Date().toISOString(),
            },
          },
        ]);
        await seed.close();
        const env = { DATA_DIR: dataDir, ROLE: 'desk', DESK_PORT: '0' };
        const config = loadConfig(
          withSmtp
            ? {
                ...env,
                SMTP_HOST: '127.0.0.1',
                SMTP_PORT: String(port),
                SMTP_FROM: 'desk@example.org',
              }
            : env,
          [],
        );
        const lines: string[] = [];
        const platform = await startPlatform(config, (l) => lines.push(l));
        try {
          const reminders = async () =>
            (await platform.store.readStream(remindersStream(reportId)).catch(() => [])).length;
          expect(await until(async () => (await reminders()) === 2)).toBe(true);
          if (withSmtp) {
            expect(await until(async () => received().length === 1)).toBe(true);
            expect(received()).toEqual(['someone@staff.example.org']);
          } else {
            expect(lines).toContain('notifications: SMTP_HOST is not set, no e-mail is sent');
            await new Promise((r) => setTimeout(r, 500));
            expect(received()).toEqual([]);
          }
        } finally {
          await platform.stop();
        }
      } finally {
        await smtp.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 60_000);
});
