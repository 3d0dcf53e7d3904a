import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, DOCS_SCREENSHOTS_DIR } from './repo-paths.js';

/**
 * Saves what the viewport shows (1280×800) as artifacts/screenshots/<name>.png. With E2E_UPDATE_SCREENSHOTS=1 the
 * picture also replaces docs/screenshots/<name>.png, the set the README shows
 * (`pnpm --filter @leerwinkel/e2e screenshots`).
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const folder = path.join(ARTIFACTS_DIR, 'screenshots');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.png`);
  // The caret and CSS animations are frozen, so the picture does not depend on timing.
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  if (process.env.E2E_UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_SCREENSHOTS_DIR, { recursive: true });
    copyFileSync(file, path.join(DOCS_SCREENSHOTS_DIR, `${name}.png`));
  }
  return file;
}
