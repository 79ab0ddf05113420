import type { BrowserContext } from 'playwright-core';

/**
 * Reads a page's blob: URL from a second, same-origin tab whose CSP is bypassed through the
 * DevTools protocol, so the test's own reading neither weakens nor trips the page's strict
 * connect-src (and every other tab stays under the real policy).
 */
export async function readBlob(
  context: BrowserContext,
  origin: string,
  url: string | null,
): Promise<Buffer> {
  const reader = await context.newPage();
  try {
    const cdp = await context.newCDPSession(reader);
    await cdp.send('Page.setBypassCSP', { enabled: true });
    await reader.goto(`${origin}/robots.txt`);
    const base64 = await reader.evaluate(async (blobUrl) => {
      const data = new Uint8Array(await (await fetch(blobUrl!)).arrayBuffer());
      let binary = '';
      for (const byte of data) binary += String.fromCharCode(byte);
      return btoa(binary);
    }, url);
    return Buffer.from(base64, 'base64');
  } finally {
    await reader.close();
  }
}
