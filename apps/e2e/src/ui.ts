import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './api.js';

/** Signs in on /login the way a person does: the labelled fields and the button. Resolves once the app moved on. */
export async function signInUi(page: Page, email: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/login') await page.goto('/login');
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** A date as the app shows it (Belgian short date, Brussels time): 05/02/2026. */
export function shortDate(iso: string): string {
  return new Intl.DateTimeFormat('nl-BE', {
    timeZone: 'Europe/Brussels',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
}

/**
 * The text of one cell of a data table, found the way a reader does: by its row header and its column header.
 * Fails when the table has no such row or column.
 */
export async function tableCell(table: Locator, rowHeader: string, columnHeader: string): Promise<string> {
  await table.getByRole('rowheader', { name: rowHeader, exact: true }).waitFor();
  return table.evaluate(
    (element, { row, column }) => {
      const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const headers = [...element.querySelectorAll('thead th')].map((th) => text(th));
      const columnIndex = headers.indexOf(column);
      if (columnIndex < 0) throw new Error(`No column "${column}" in [${headers.join(', ')}]`);
      const rowElement = [...element.querySelectorAll('tr')].find(
        (tr) => text(tr.querySelector('th[scope="row"]')) === row,
      );
      if (!rowElement) throw new Error(`No row "${row}"`);
      return text(rowElement.children[columnIndex]);
    },
    { row: rowHeader, column: columnHeader },
  );
}

/**
 * A count as the dashboards print it (Belgian grouping: 1.234). A suppressed count ("< 5") cannot be compared:
 * that is an error of the test's choice of figure, said so.
 */
export function parseCount(text: string): number {
  if (/^<\s*\d/.test(text)) throw new Error(`The figure is suppressed (${text}): compare a larger figure`);
  const digits = text.replace(/[.\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(digits)) throw new Error(`Not a count: "${text}"`);
  return Number(digits);
}

/** Waits until the page has stopped loading: no requests for a moment and no "Bezig met laden…" left. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('[role="status"]', { hasText: /laden…|geladen…/ })
    .first()
    .waitFor({ state: 'hidden' });
}
