import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('npm start -- --demo (a newcomer evaluating the platform)', () => {
  it('seeds one channel and one investigator through the real desk API and marks itself a demonstration', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-demo-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'services/server/src/main.ts', '--demo'],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir, INTAKE_PORT: '0', DESK_PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const lines: string[] = [];
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no demo credentials: ${lines.join('\n')}`)),
          110_000,
        );
        child.on('exit', (code) => reject(new Error(`exited (${code}): ${lines.join('\n')}`)));
        createInterface({ input: child.stdout }).on('line', (line) => {
          lines.push(line);
          if (/^\s+channel:/.test(line)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const url = (name: string) =>
        lines.find((l) => l.startsWith(name))!.split(' listening on ')[1]!;
      expect(lines.find((l) => l.includes('password:'))).toMatch(/password:\s+\S{12,}/);
      expect(lines.find((l) => l.includes('TOTP secret:'))).toMatch(/[A-Z2-7]{16,}/);

      const info = (await (await fetch(`${url('intake')}/api/v1/deployment`)).json()) as {
        demo: boolean;
        channels: { name: string; recipients: unknown }[];
        crypto: { receiptKdf: { salt: string } } | null;
      };
      expect(info.demo).toBe(true);
      expect(info.channels).toHaveLength(1);
      expect(info.channels[0]!.recipients).toBeTruthy();
      expect(info.crypto?.receiptKdf.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const deskInfo = (await (await fetch(`${url('desk')}/api/v1/deployment`)).json()) as {
        demo: boolean;
      };
      expect(deskInfo.demo).toBe(true);
      expect(await (await fetch(`${url('desk')}/api/setup`)).json()).toEqual({ needed: false });
      // npm test builds the front end first; the desk serves its pages from that build.
      expect(
        existsSync(join(ROOT, 'frontend', 'build', 'csp.json')),
        'run npm run build first',
      ).toBe(true);
      {
        const page = await fetch(`${url('desk')}/desk`);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect((await fetch(`${url('desk')}/favicon.svg`)).status).toBe(200);
        // The desk never serves the whistleblower pages, and intake never the desk pages.
        expect((await fetch(`${url('desk')}/report`)).status).toBe(404);
        expect((await fetch(`${url('intake')}/desk`)).status).toBe(404);
      }
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
