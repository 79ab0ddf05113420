// The qualities every page must have, checked on each page a test visits: no serious or
// critical axe finding, usable at 360 px without horizontal scrolling and with readable text,
// and a screenshot in test/artifacts/ for people to look at.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, type AxeFinding } from './axe.ts';

export const artifactsDir = fileURLToPath(new URL('../../artifacts', import.meta.url));

export interface PageReport {
  name: string;
  axe: AxeFinding[];
  overflowAt360: number;
  smallestFontPx: number;
}

export async function checkPage(page: Page, name: string): Promise<PageReport> {
  mkdirSync(artifactsDir, { recursive: true });
  const axe = await seriousAxeViolations(page);
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  const { overflow, smallest } = await page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    let smallest = Infinity;
    for (const element of document.querySelectorAll('main *, header *')) {
      if (!(element instanceof HTMLElement) || !element.offsetParent) continue;
      if (![...element.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim())) continue;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize));
    }
    return { overflow, smallest };
  });
  await page.screenshot({ path: `${artifactsDir}/${name}-360.png`, fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
  await page.screenshot({ path: `${artifactsDir}/${name}.png`, fullPage: true });
  return { name, axe, overflowAt360: overflow, smallestFontPx: smallest };
}
