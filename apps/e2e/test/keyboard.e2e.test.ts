import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCOUNTS, DEMO_PASSWORD, DEMO_REGION, signIn } from '../src/api.js';
import { launchChromium, newContext } from '../src/browser.js';

/** Most Tab presses allowed to get from one target to the next (the page has a skip link, header, tabs, …). */
const MAX_TABS = 40;

interface FocusRing {
  element: string;
  outline: string;
  boxShadow: string;
  visible: boolean;
}

/** How the focused element shows its focus: a real (non-none, non-zero, non-transparent) outline or a box-shadow. */
function focusRing(page: Page): Promise<FocusRing> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) {
      return { element: 'body', outline: 'none', boxShadow: 'none', visible: false };
    }
    const style = getComputedStyle(element);
    const transparent = (color: string): boolean => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
    const outlined =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && !transparent(style.outlineColor);
    const shadowed = style.boxShadow !== 'none' && style.boxShadow !== '';
    const name = element.getAttribute('aria-label') ?? element.textContent.trim().slice(0, 40);
    return {
      element: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${name}"`,
      outline: `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      visible: outlined || shadowed,
    };
  });
}

/**
 * Presses Tab until `target` has the focus, checking at every stop that the focused element shows a focus ring.
 * Fails when the target is not reached within {@link MAX_TABS} presses.
 */
async function tabTo(page: Page, target: Locator, stops: FocusRing[]): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    await page.keyboard.press('Tab');
    const ring = await focusRing(page);
    stops.push(ring);
    expect(
      ring.visible,
      `no visible focus indicator on ${ring.element} (outline ${ring.outline}, box-shadow ${ring.boxShadow})`,
    ).toBe(true);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Not reached with ${String(MAX_TABS)} presses of Tab: ${target.toString()}`);
}

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('keyboard only', () => {
  it('signs in and opens a learner with Tab, typing and Enter, with a visible focus indicator at every stop', async () => {
    // A learner to look for: the first of the region's list (by last name), through the API.
    const counsellorApi = await signIn(inject('baseUrl'), ACCOUNTS.counsellor);
    const { data } = await counsellorApi.client.GET('/api/v1/regions/{region}/learners', {
      params: { path: { region: DEMO_REGION }, query: { limit: 1 } },
    });
    const learner = data?.items[0];
    if (!learner) throw new Error('The demo region has no learners');

    if (!browser) throw new Error('Chromium did not start');
    const context = await newContext(browser, inject('baseUrl'));
    const page = await context.newPage();
    const stops: FocusRing[] = [];
    try {
      await page.goto('/login');
      const email = page.getByLabel('E-mailadres', { exact: true });
      await email.waitFor();

      await tabTo(page, email, stops);
      await page.keyboard.type(ACCOUNTS.counsellor);
      await tabTo(page, page.getByLabel('Wachtwoord', { exact: true }), stops);
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/regions/${DEMO_REGION}`);

      const learnersTab = page
        .getByRole('navigation', { name: 'Onderdelen van de regio' })
        .getByRole('link', { name: 'Lerenden' });
      await learnersTab.waitFor();
      await tabTo(page, learnersTab, stops);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/regions/${DEMO_REGION}/learners`);

      const search = page.getByRole('searchbox', { name: 'Zoek op naam' });
      await search.waitFor();
      await tabTo(page, search, stops);
      await page.keyboard.type(learner.lastName);
      const result = page
        .getByRole('table', { name: 'Zoekresultaten' })
        .getByRole('link', { name: `${learner.lastName}, ${learner.firstName}`, exact: true })
        .first();
      await result.waitFor();
      await tabTo(page, result, stops);
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { name: `${learner.firstName} ${learner.lastName}`, level: 2 }).waitFor();
      expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/regions/${DEMO_REGION}/learners/[0-9a-f-]{36}$`));
      console.log(
        [
          `keyboard: ${String(stops.length)} Tab stops, each with a visible focus indicator, e.g.`,
          ...stops.slice(0, 3).map((stop) => `  ${stop.element}: outline ${stop.outline}`),
        ].join('\n'),
      );
    } finally {
      await context.close();
    }
  });
});
