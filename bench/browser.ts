// A page for a bench in headless Chromium, shared by the benches of every package (as format.ts):
// a loopback origin (a secure context, so WebCrypto is there; nothing leaves the machine), the
// bundled script installed, and optionally the phone profile's CPU throttle (DevTools'
// Emulation.setCPUThrottlingRate; with `jitless`, V8 without JIT or WebAssembly).
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function openBenchPage(
  script: string,
  global: string,
  options: { jitless: boolean; throttle?: number },
): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.jitless ? ['--js-flags=--jitless'] : []),
    ],
  });
  const page = await browser.newPage();
  await page.route('http://127.0.0.1/', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  await page.goto('http://127.0.0.1/');
  await page.addScriptTag({ content: script, type: 'module' });
  await page.waitForFunction((name) => name in globalThis, global);
  if ((options.throttle ?? 1) > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.throttle! });
  }
  return { browser, page };
}
