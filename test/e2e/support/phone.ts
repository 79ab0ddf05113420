// The "phone" profile (issue 18): Chromium without JIT or WebAssembly (Tor Browser "Safer", as
// on Android) and with its CPU slowed 4x, since a mid-range phone is several times slower than
// this server's core. The slowdown must reach the crypto worker, and DevTools' own throttle
// (CDP Emulation.setCPUThrottlingRate) does not: it slows the page's main thread only, and a
// worker target answers "Operation is only supported for pages, not workers". So the renderer
// processes of this browser (page and workers alike) are stopped for 3/4 of every 100 ms with
// SIGSTOP/SIGCONT, which is how DevTools throttles the main thread too. Only descendants of the
// browser launched here are ever signalled, and every one is continued when the profile ends.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { baseArgs, chromiumPath } from './chromium.ts';

export const PHONE_CPU_SLOWDOWN = 4;
const PERIOD_MS = 100;

export interface PhoneBrowser {
  context: BrowserContext;
  page: Page;
  /** Starts the 4x slowdown (call after preparing test data at full speed). */
  slowDown(): void;
  /** Back to full speed; every stopped process is continued. */
  fullSpeed(): void;
  close(): Promise<void>;
}

function processes(): { pid: number; ppid: number; cmdline: string }[] {
  const out: { pid: number; ppid: number; cmdline: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      out.push({ pid: Number(name), ppid, cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** The renderer processes under the browser started with this profile directory. */
function renderersOf(profile: string): number[] {
  const all = processes();
  const root = all.find((p) => p.cmdline.includes(profile) && !p.cmdline.includes('--type='));
  if (!root) return [];
  const parent = new Map(all.map((p) => [p.pid, p.ppid]));
  const descends = (pid: number) => {
    for (let at = parent.get(pid); at !== undefined && at > 1; at = parent.get(at)) {
      if (at === root.pid) return true;
    }
    return false;
  };
  return all
    .filter((p) => p.cmdline.includes('--type=renderer') && descends(p.pid))
    .map((p) => p.pid);
}

function signal(pids: number[], sig: 'SIGSTOP' | 'SIGCONT'): void {
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {
      // Gone already.
    }
  }
}

export async function launchPhone(): Promise<PhoneBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'integrity-desk-phone-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [...baseArgs, '--js-flags=--jitless'],
    // A phone's screen.
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'block',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let timer: NodeJS.Timeout | undefined;
  let stopped: number[] = [];
  const cycle = () => {
    signal(stopped, 'SIGCONT');
    const running = PERIOD_MS / PHONE_CPU_SLOWDOWN;
    timer = setTimeout(() => {
      stopped = renderersOf(profile);
      signal(stopped, 'SIGSTOP');
      timer = setTimeout(cycle, PERIOD_MS - running);
    }, running);
  };
  const fullSpeed = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    signal(stopped, 'SIGCONT');
    stopped = [];
  };
  return {
    context,
    page,
    slowDown: () => {
      if (!timer) cycle();
    },
    fullSpeed,
    async close() {
      fullSpeed();
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A noisy JPEG drawn by the browser from `pixels` random pixels (noise compresses badly). */
async function noisyJpeg(page: Page, pixels: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (count) => {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(Math.sqrt((count * 4) / 3));
    canvas.height = Math.round((canvas.width * 3) / 4);
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(canvas.width, canvas.height);
    const random = new Uint8Array(65536);
    for (let at = 0; at < image.data.length; at += random.length) {
      crypto.getRandomValues(random);
      image.data.set(random.subarray(0, Math.min(random.length, image.data.length - at)), at);
    }
    for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
    context.putImageData(image, 0, 0);
    const blob = await new Promise<Blob>((resolve) =>
      canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.92),
    );
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 32768) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 32768));
    }
    return btoa(binary);
  }, pixels);
  return Buffer.from(base64, 'base64');
}

/** A JPEG of at least `mebibytes` MiB (a phone photo's size), drawn by the browser. */
export async function largePhoto(page: Page, mebibytes: number): Promise<Buffer> {
  const target = mebibytes * 1024 * 1024;
  // A first guess at about one byte per pixel, then scaled by what it gave.
  const probe = await noisyJpeg(page, 1_000_000);
  return noisyJpeg(page, Math.ceil((1_000_000 * target * 1.04) / probe.length));
}
