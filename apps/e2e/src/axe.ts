import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import { ARTIFACTS_DIR } from './repo-paths.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Impacts that fail a page; moderate and minor findings are reported, not failed. */
const BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];

export interface PageAudit {
  page: string;
  url: string;
  violations: { id: string; impact: ImpactValue | null; help: string; helpUrl: string; targets: string[] }[];
  /** Rules axe could not decide by itself (e.g. contrast over an image), with how many elements: for a person to look at. */
  incomplete: { id: string; nodes: number; examples: { target: string; why: string }[] }[];
  passes: number;
}

/**
 * Injects axe-core into the page and runs every rule it has (WCAG 2.0/2.1 A and AA and best practices; not the
 * experimental ones). Open <details> first with `openDisclosures` so tables behind a disclosure are checked too.
 */
export async function auditPage(
  page: Page,
  name: string,
  options: { openDisclosures?: boolean } = {},
): Promise<PageAudit> {
  if (options.openDisclosures) {
    await page.locator('details:not([open]) > summary').evaluateAll((summaries) => {
      for (const summary of summaries) (summary as HTMLElement).click();
    });
    // Two frames: what reacts to the new sizes (resize observers, the re-render they cause) has run.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe;
    return axe.run(document);
  });
  const audit: PageAudit = {
    page: name,
    url: new URL(page.url()).pathname,
    violations: results.violations.map((violation: Result) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    })),
    incomplete: results.incomplete.map((result: Result) => ({
      id: result.id,
      nodes: result.nodes.length,
      examples: result.nodes
        .slice(0, 5)
        .map((node) => ({ target: node.target.join(' '), why: node.failureSummary ?? '' })),
    })),
    passes: results.passes.length,
  };
  writeReport(audit);
  console.log(describeAudit(audit));
  return audit;
}

/** The violations that fail a page: impact serious or critical. */
export function blockingViolations(audit: PageAudit): PageAudit['violations'] {
  return audit.violations.filter((violation) => violation.impact !== null && BLOCKING.includes(violation.impact));
}

/** One line per page, and one per finding: what the test output shows. */
export function describeAudit(audit: PageAudit): string {
  const lines = [
    `axe ${audit.page} (${audit.url}): ${String(blockingViolations(audit).length)} serious/critical, ` +
      `${String(audit.violations.length - blockingViolations(audit).length)} other violations, ${String(audit.passes)} rules passed, ` +
      `to review by hand: ${audit.incomplete.map((item) => `${item.id} (${String(item.nodes)})`).join(', ') || 'nothing'}`,
  ];
  for (const violation of audit.violations) {
    lines.push(
      `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} — ${String(violation.targets.length)}× ` +
        `(${violation.targets.slice(0, 3).join(' | ')}) ${violation.helpUrl}`,
    );
  }
  return lines.join('\n');
}

/** artifacts/axe/<page>.json: the full findings of one page. */
function writeReport(audit: PageAudit): void {
  const folder = path.join(ARTIFACTS_DIR, 'axe');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${audit.page}.json`), `${JSON.stringify(audit, null, 2)}\n`);
}
