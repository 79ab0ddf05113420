// The operator's metrics port, scraped over real HTTP after real traffic on intake and the desk
// (a demonstration deployment seeded through the desk's API, submissions refused and accepted
// requests on intake): the series an operator alerts on exist with their labels, and nothing in
// them names a report, a channel, a person, a receipt or an address.
import { createNodeBackend } from '@integrity-desk/protocol/node';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { startPlatform } from '../src/platform.ts';

const env = (dataDir: string, more: Record<string, string> = {}) => ({
  DATA_DIR: dataDir,
  INTAKE_PORT: '0',
  DESK_PORT: '0',
  FRONTEND_REBUILD: 'off',
  LOG_LEVEL: 'warn',
  ...more,
});

describe('METRICS_PORT', () => {
  it('is off unless set; on loopback when set; ROLE=projections gets one, with /healthz and /readyz', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/x' }, []).metrics).toBeUndefined();
    expect(loadConfig({ DATA_DIR: '/tmp/x', METRICS_PORT: '9100' }, []).metrics).toEqual({
      host: '127.0.0.1',
      port: 9100,
    });
    expect(loadConfig({ DATA_DIR: '/tmp/x', ROLE: 'projections' }, []).metrics).toEqual({
      host: '127.0.0.1',
      port: 9464,
    });
    expect(() => loadConfig({ DATA_DIR: '/tmp/x', METRICS_PORT: 'x' }, [])).toThrow(/METRICS_PORT/);
  });

  it('serves Prometheus metrics after real traffic: requests by route template and status, appends, batches, lag, queues, evidence, notification failures; no id, receipt or address in them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-metrics-'));
    const lines: string[] = [];
    const platform = await startPlatform(loadConfig(env(dataDir, { METRICS_PORT: '0' }), []), (l) =>
      lines.push(l),
    );
    try {
      const { intake, desk, metrics } = platform.urls as Record<string, string>;
      expect(metrics).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // The services' ports do not serve it.
      expect((await fetch(`${intake}/metrics`)).status).toBe(404);

      // Real traffic: the desk set up (events appended), intake asked and refused.
      const token = /setup token (\S+)/.exec(lines.join('\n'))![1]!;
      await seedDemo(desk!, token, await createNodeBackend());
      const canaries = {
        id: randomUUID(),
        receipt: `RECEIPT${randomBytes(8).toString('hex')}`,
        ip: `203.0.113.${1 + Math.floor(Math.random() * 250)}`,
      };
      const headers = { 'x-forwarded-for': canaries.ip, 'content-type': 'application/json' };
      const info = (await (await fetch(`${intake}/api/v1/deployment`, { headers })).json()) as {
        channels: { id: string }[];
      };
      const channelId = info.channels[0]!.id;
      expect(
        (await fetch(`${intake}/api/v1/case/evidence/${canaries.id}`, { headers })).status,
      ).toBeGreaterThanOrEqual(400);
      const refused = await fetch(`${intake}/api/v1/reports`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ receipt: canaries.receipt, channelId }),
      });
      expect(refused.status).toBe(400);
      await fetch(`${intake}/${canaries.receipt}`, { headers });
      const log = await platform.store.readAll({ maxCount: 1_000 });
      await platform.runner.waitFor(log.at(-1)!.position);

      const scrape = await fetch(`${metrics}/metrics`);
      expect(scrape.status).toBe(200);
      expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await scrape.text();
      const series = (name: string) => text.split('\n').filter((l) => l.startsWith(name));

      expect(series('integrity_desk_http_requests_total{')).toEqual(
        expect.arrayContaining([
          'integrity_desk_http_requests_total{service="intake",method="GET",route="/api/v1/deployment",status="200"} 1',
          'integrity_desk_http_requests_total{service="intake",method="GET",route="unmatched",status="401"} 1',
          'integrity_desk_http_requests_total{service="intake",method="POST",route="/api/v1/reports",status="400"} 1',
          expect.stringMatching(
            /^integrity_desk_http_requests_total\{service="desk",method="POST",route="\/api\/channels\/:id\/recipients",status="2\d\d"\} 1$/,
          ),
          expect.stringMatching(
            /^integrity_desk_http_requests_total\{service="desk",method="POST",route="\/api\/setup",status="2\d\d"\} 1$/,
          ),
        ]),
      );
      expect(series('integrity_desk_http_request_duration_seconds_bucket{').length).toBeGreaterThan(
        0,
      );
      // Appends timed, and batched by the group commit.
      const count = (name: string) => Number(series(`${name} `)[0]?.split(' ')[1]);
      expect(count('integrity_desk_event_append_duration_seconds_count')).toBeGreaterThan(5);
      expect(count('integrity_desk_event_append_batch_size_count')).toBeGreaterThan(0);
      expect(count('integrity_desk_event_appends_waiting')).toBe(0);
      expect(count('integrity_desk_projection_lag_events')).toBe(0);
      expect(series('integrity_desk_queue_reports{')).toContain(
        'integrity_desk_queue_reports{queue="inbox"} 0',
      );
      expect(count('integrity_desk_evidence_bytes_total')).toBe(0);
      expect(count('integrity_desk_notification_failures_total')).toBe(0);
      expect(count('integrity_desk_process_resident_memory_bytes')).toBeGreaterThan(0);

      // Canaries: nothing identifying in any series or label.
      for (const value of [...Object.values(canaries), channelId])
        expect(text).not.toContain(value);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
      expect(text).not.toContain('demo-investigator');
      // Health on the same port; nothing else.
      // Ready once the runner has caught up, which may be just after start: ask for up to 5 s.
      let ready: unknown;
      for (let tries = 0; tries < 50; tries++) {
        ready = await (await fetch(`${metrics}/readyz`)).json();
        if ((ready as { status?: string }).status === 'ready') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready).toEqual({ status: 'ready' });
      expect((await fetch(`${metrics}/healthz`)).status).toBe(200);
      expect((await fetch(`${metrics}/`)).status).toBe(404);
      expect((await fetch(`${metrics}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('ROLE=projections, which has no service port, answers /healthz and /readyz on it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-metrics-'));
    const platform = await startPlatform(
      loadConfig(env(dataDir, { ROLE: 'projections', METRICS_PORT: '0' }), []),
      () => undefined,
    );
    try {
      const { metrics } = platform.urls as Record<string, string>;
      expect((await fetch(`${metrics}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${metrics}/readyz`)).json()).toEqual({ status: 'ready' });
      expect(await (await fetch(`${metrics}/metrics`)).text()).toContain(
        'integrity_desk_projection_lag_events 0',
      );
    } finally {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    // A whole platform starts and stops here: seconds on a loaded machine, as the test above.
  }, 120_000);
});
