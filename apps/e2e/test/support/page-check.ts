import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { auditPage, blockingViolations, describeAudit } from '../../src/axe.js';
import { screenshot } from '../../src/screenshots.js';
import { settle } from '../../src/ui.js';

/**
 * One of the main pages, once it has loaded: a screenshot (artifacts/screenshots/<name>.png), then axe-core with
 * every disclosure opened. A serious or critical violation fails the test (the others are printed), softly: the
 * story goes on, so one accessibility problem does not hide what the later steps would find.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await settle(page);
  await screenshot(page, name);
  const audit = await auditPage(page, name, { openDisclosures: true });
  expect.soft(blockingViolations(audit), describeAudit(audit)).toEqual([]);
}
