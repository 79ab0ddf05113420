// Bundles the protocol test entry with esbuild and serves it on loopback for headless Chromium.
// Used by the browser e2e test and by bench:crypto. Only 127.0.0.1 traffic, ever.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export const CHROMIUM_MISSING_MESSAGE = `headless Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH) to run the browser vector checks`;

export const VECTORS_ENTRY = join(import.meta.dirname, '..', 'vectors', 'browser-entry.ts');

export interface Harness {
  url: string;
  close(): Promise<void>;
}

/** esbuild bundle of `entry` as one ES module (libsodium's wasm is inlined by the package). */
export async function bundle(entry: string): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

export async function startHarness(entry = VECTORS_ENTRY): Promise<Harness> {
  const script = await bundle(entry);
  const vectors = readFileSync(
    join(import.meta.dirname, '..', '..', 'test-vectors', 'protocol-v1.json'),
  );
  const html =
    '<!doctype html><meta charset="utf-8"><title>protocol</title><script type="module" src="/bundle.js"></script>';
  const server: Server = createServer((req, res) => {
    const headers = { 'cache-control': 'no-store' };
    if (req.url === '/bundle.js') {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(script);
    } else if (req.url === '/vectors.json') {
      res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(vectors);
    } else if (req.url === '/') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function launchChromium(jitless: boolean): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(jitless ? ['--js-flags=--jitless'] : []),
    ],
  });
}

/** Opens the harness page and waits until the bundle has installed its global (`name`). */
export async function openPage(
  browser: Browser,
  url: string,
  name = 'protocolTest',
): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction((n) => n in globalThis, name, { timeout: 30_000 });
  return page;
}
