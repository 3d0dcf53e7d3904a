import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCOUNTS, DEMO_REGION, signIn } from '../src/api.js';
import { launchChromium, newContext } from '../src/browser.js';

/**
 * Nothing on screen moves while a page loads in stages (code, session restore, `GET /me`, the page's own data):
 * the layout shifts Chromium reports while the login page and the caseload load, on a phone-sized and a
 * desktop-sized window. Layout shift is what kept the caseload's Lighthouse score low; this holds the fix.
 */
const VIEWPORTS = [
  { name: 'phone', width: 412, height: 823 },
  { name: 'desktop', width: 1350, height: 940 },
] as const;

/** Below what Lighthouse calls good (0.1) by far: a shift of anything sizeable in the viewport exceeds it. */
const MAX_LAYOUT_SHIFT = 0.01;

interface Shift {
  value: number;
  sources: string[];
}

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens `path` in a fresh profile (with a refresh cookie when given) and answers the shifts until `ready` is visible. */
async function shiftsWhileLoading(
  viewport: (typeof VIEWPORTS)[number],
  path: string,
  ready: (page: Page) => Promise<void>,
  cookie?: string,
): Promise<Shift[]> {
  if (!browser) throw new Error('Chromium did not start');
  const context = await newContext(browser, inject('baseUrl'));
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    if (cookie !== undefined) await context.setExtraHTTPHeaders({ Cookie: cookie });
    await page.addInitScript(() => {
      const shifts: { value: number; sources: string[] }[] = [];
      (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          hadRecentInput: boolean;
          sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
        }[]) {
          if (entry.hadRecentInput) continue;
          shifts.push({
            value: entry.value,
            sources: entry.sources.map((source) => {
              const node =
                source.node instanceof Element
                  ? `${source.node.tagName.toLowerCase()}.${source.node.className}`
                  : 'text';
              return `${node} y ${String(source.previousRect.y)} → ${String(source.currentRect.y)}`;
            }),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(path);
    await ready(page);
    // Let anything that would still move after the content arrived do so (a late font, a late answer).
    await page.waitForTimeout(500);
    return await page.evaluate(() => (window as unknown as { layoutShifts: Shift[] }).layoutShifts);
  } finally {
    await context.close();
  }
}

function total(shifts: Shift[]): number {
  return shifts.reduce((sum, shift) => sum + shift.value, 0);
}

describe('layout stability while pages load', () => {
  for (const viewport of VIEWPORTS) {
    it(`the login page does not move on a ${viewport.name}`, async () => {
      const shifts = await shiftsWhileLoading(viewport, '/login', (page) =>
        page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor(),
      );
      expect(total(shifts), JSON.stringify(shifts, null, 1)).toBeLessThan(MAX_LAYOUT_SHIFT);
    });

    it(`the caseload does not move while the session is restored on a ${viewport.name}`, async () => {
      const { refreshCookie } = await signIn(inject('baseUrl'), ACCOUNTS.counsellor);
      const shifts = await shiftsWhileLoading(
        viewport,
        `/regions/${DEMO_REGION}/caseload`,
        async (page) => {
          await page.getByRole('heading', { name: 'Mijn dossiers' }).waitFor();
          await page.locator('a[href*="/cases/"]').first().waitFor();
        },
        refreshCookie,
      );
      expect(total(shifts), JSON.stringify(shifts, null, 1)).toBeLessThan(MAX_LAYOUT_SHIFT);
    });
  }

  it('a client-side navigation shows the new page from the top, with the header in view', async () => {
    if (!browser) throw new Error('Chromium did not start');
    const { refreshCookie } = await signIn(inject('baseUrl'), ACCOUNTS.counsellor);
    const context = await newContext(browser, inject('baseUrl'));
    try {
      await context.setExtraHTTPHeaders({ Cookie: refreshCookie });
      const page = await context.newPage();
      await page.goto(`/regions/${DEMO_REGION}/caseload`);
      await page.locator('a[href*="/cases/"]').first().waitFor();
      // Scrolled down the list, the counsellor opens the last case: its page must start at the top.
      await page.evaluate(() => {
        window.scrollTo(0, document.body.scrollHeight);
      });
      await page.locator('a[href*="/cases/"]').last().click();
      await page.waitForURL('**/cases/*');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    } finally {
      await context.close();
    }
  });
});
