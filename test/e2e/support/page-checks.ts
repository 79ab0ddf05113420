// The qualities every page must have, checked on each page a test visits: no serious or
// critical axe finding, usable at 360 px (a small phone) and at 1,920 px (a desk monitor)
// without horizontal scrolling, readable text, and a screenshot at each width in
// test/artifacts/ (<name>-360.png, <name>-1920.png) for people to look at.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, type AxeFinding } from './axe.ts';

export const artifactsDir = fileURLToPath(new URL('../../artifacts', import.meta.url));

export interface PageReport {
  name: string;
  axe: AxeFinding[];
  overflowAt360: number;
  overflowAt1920: number;
  smallestFontPx: number;
}

/** The names of the pages that scroll sideways at either width (document wider than window). */
export const overflowing = (reports: readonly PageReport[]) =>
  reports.filter((r) => r.overflowAt360 > 0 || r.overflowAt1920 > 0).map((r) => r.name);

const overflowNow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

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
  await page.setViewportSize({ width: 1920, height: 1080 });
  const overflowAt1920 = await overflowNow(page);
  await page.screenshot({ path: `${artifactsDir}/${name}-1920.png`, fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
  return { name, axe, overflowAt360: overflow, overflowAt1920, smallestFontPx: smallest };
}
