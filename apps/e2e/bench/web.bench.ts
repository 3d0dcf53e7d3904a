/**
 * `pnpm bench:web`: the web app's performance budget.
 *
 * 1. The initial JavaScript of the built SPA (entry chunk + its static imports, gzip) against 250 kB.
 * 2. Lighthouse 12.2.3 (Debian's Chromium via chrome-launcher) on the login page and on the counsellor's caseload,
 *    with the mobile preset (Lighthouse's default: Moto G Power viewport, simulated slow 4G and 4× CPU slowdown) and
 *    the desktop preset; goals: performance ≥ 90 and accessibility ≥ 95.
 *
 * The caseload needs a session: the SPA restores it on load from the `lw_refresh` cookie (POST /api/v1/auth/refresh),
 * so the bench signs in through the API and hands that cookie to Lighthouse as an extra request header. Every run
 * checks that the audited page really is the caseload (its final URL, and its heading and case links in the tab's DOM afterwards), not the
 * login page a missing session would end on; the report and the final screenshot are kept in artifacts/lighthouse/.
 *
 * Options: --runs <n> (default 3; the run with the median performance score is reported), --preset mobile|desktop|both.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import puppeteer, { type Page } from 'puppeteer-core';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { ACCOUNTS, DEMO_REGION, signIn } from '../src/api.js';
import { startApp } from '../src/app-server.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, assertChromium } from '../src/browser.js';
import { ensureBuilt } from '../src/builds.js';
import { INITIAL_JS_BUDGET_BYTES, measureInitialJs } from '../src/bundle-size.js';
import { ARTIFACTS_DIR } from '../src/repo-paths.js';

const GOALS = { performance: 90, accessibility: 95 } as const;
type Preset = 'mobile' | 'desktop';

interface Options {
  runs: number;
  presets: Preset[];
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { runs: 3, presets: ['mobile', 'desktop'] };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag === '--runs' && value !== undefined && /^[1-9]\d*$/.test(value)) {
      options.runs = Number(value);
      index += 1;
    } else if (flag === '--preset' && (value === 'mobile' || value === 'desktop' || value === 'both')) {
      options.presets = value === 'both' ? ['mobile', 'desktop'] : [value];
      index += 1;
    } else {
      console.error('usage: pnpm bench:web [--runs <n>] [--preset mobile|desktop|both]');
      process.exit(2);
    }
  }
  return options;
}

interface Measured {
  page: string;
  preset: Preset;
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  finalPath: string;
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

async function audit(
  url: string,
  preset: Preset,
  cookie: string | undefined,
  expectedPath: string,
  name: string,
): Promise<Measured> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'leerwinkel-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_FLAGS],
    userDataDir,
    logLevel: 'silent',
  });
  // Our own tab (Lighthouse closes the tabs it opens itself): afterwards we can still read what it showed.
  const browser = await puppeteer.connect({
    browserURL: `http://127.0.0.1:${String(chrome.port)}`,
    defaultViewport: null,
  });
  try {
    const page = await browser.newPage();
    const flags: Flags = {
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      // The back/forward-cache audit navigates away and back: that would present the (by then rotated) refresh
      // cookie a second time, which ends the session by design. It is not part of the two scores.
      skipAudits: ['bf-cache'],
      ...(cookie === undefined ? {} : { extraHeaders: { Cookie: cookie } }),
    };
    const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined, page);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr: Result = result.lhr;
    if (lhr.runtimeError) throw new LighthouseRuntimeError(`${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    saveEvidence(name, preset, result);
    const finalPath = new URL(lhr.finalDisplayedUrl).pathname;
    if (finalPath !== expectedPath) throw new Error(`Lighthouse audited ${finalPath}, not ${expectedPath}`);
    await verifyContent(page, name);
    const score = (category: string): number => Math.round((lhr.categories[category]?.score ?? 0) * 100);
    const numeric = (id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      page: name,
      preset,
      performance: score('performance'),
      accessibility: score('accessibility'),
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      finalPath,
    };
  } finally {
    await browser.disconnect();
    chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * What the audited tab shows at the end: the caseload's heading and links to its cases (the session was restored),
 * or the login form.
 */
async function verifyContent(page: Page, name: string): Promise<void> {
  const headings = await page.$$eval('h1, h2', (elements) => elements.map((element) => element.textContent.trim()));
  if (name === 'caseload') {
    const cases = await page.$$eval('a[href*="/cases/"]', (links) => links.length);
    if (!headings.includes('Mijn dossiers') || cases === 0) {
      throw new Error(
        `The audited page is not the caseload: headings ${JSON.stringify(headings)}, ${String(cases)} case links`,
      );
    }
  } else if (!headings.includes('Aanmelden')) {
    throw new Error(`The audited page is not the login page: headings ${JSON.stringify(headings)}`);
  }
}

/** artifacts/lighthouse/<page>-<preset>.json (the report) and .jpg (what the page showed at the end). */
function saveEvidence(name: string, preset: Preset, result: NonNullable<Awaited<ReturnType<typeof lighthouse>>>): void {
  const folder = path.join(ARTIFACTS_DIR, 'lighthouse');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, `${name}-${preset}.json`),
    typeof result.report === 'string' ? result.report : JSON.stringify(result.lhr),
  );
  const details = result.lhr.audits['final-screenshot']?.details;
  if (details?.type === 'screenshot') {
    const [, base64] = details.data.split(',');
    if (base64 !== undefined) writeFileSync(path.join(folder, `${name}-${preset}.jpg`), Buffer.from(base64, 'base64'));
  }
}

/** Lighthouse could not measure (e.g. NO_NAVSTART: the trace missed the navigation); another attempt usually can. */
class LighthouseRuntimeError extends Error {}

async function withRetries(what: string, attempt: () => Promise<Measured>): Promise<Measured> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof LighthouseRuntimeError) || tries >= 3) throw error;
      console.log(`lighthouse ${what}: ${error.message.split('.')[0] ?? ''}; trying again`);
    }
  }
}

function median(runs: Measured[]): Measured {
  const sorted = [...runs].sort((left, right) => left.performance - right.performance);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error('no runs');
  return middle;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: readonly string[]): string =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const [head, ...body] = rows;
  if (!head) return '';
  return [line(head), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  assertChromium();
  ensureBuilt('web+api');

  const initial = measureInitialJs();
  const bundleMet = initial.gzipBytes <= INITIAL_JS_BUDGET_BYTES;

  const app = await startApp();
  const results: Measured[] = [];
  try {
    const pages = [
      { name: 'login', path: '/login', signedIn: false },
      { name: 'caseload', path: `/regions/${DEMO_REGION}/caseload`, signedIn: true },
    ];
    for (const preset of options.presets) {
      for (const page of pages) {
        const runs: Measured[] = [];
        for (let run = 0; run < options.runs; run += 1) {
          const measured = await withRetries(`${page.name} ${preset}`, async () => {
            // A fresh session per attempt: restoring it rotates the refresh cookie.
            const cookie = page.signedIn ? (await signIn(app.baseUrl, ACCOUNTS.counsellor)).refreshCookie : undefined;
            return audit(`${app.baseUrl}${page.path}`, preset, cookie, page.path, page.name);
          });
          console.log(
            `lighthouse ${page.name} ${preset} run ${String(run + 1)}/${String(options.runs)}: performance ${String(measured.performance)}, ` +
              `accessibility ${String(measured.accessibility)} (${measured.finalPath})`,
          );
          runs.push(measured);
        }
        results.push(median(runs));
      }
    }
  } finally {
    await app.stop();
  }

  const met = (measured: Measured): boolean =>
    measured.performance >= GOALS.performance && measured.accessibility >= GOALS.accessibility;
  console.log('');
  console.log(
    `Lighthouse 12.2.3 on ${os.cpus().length} cores, median of ${String(options.runs)} run(s) by performance score`,
  );
  console.log(
    table([
      ['page', 'preset', 'performance', 'accessibility', 'LCP', 'TBT', 'CLS', 'goal', 'met'],
      ...results.map((measured) => [
        measured.page,
        measured.preset,
        String(measured.performance),
        String(measured.accessibility),
        `${(measured.lcpMs / 1000).toFixed(2)} s`,
        `${Math.round(measured.tbtMs)} ms`,
        measured.cls.toFixed(3),
        `perf ≥ ${String(GOALS.performance)}, a11y ≥ ${String(GOALS.accessibility)}`,
        met(measured) ? 'met' : 'MISSED',
      ]),
    ]),
  );
  console.log('');
  console.log(
    table([
      ['bundle', 'gzip', 'budget', 'ratio', 'met'],
      [
        `initial JS (${String(initial.files.length)} files, from ${initial.source})`,
        kB(initial.gzipBytes),
        kB(INITIAL_JS_BUDGET_BYTES),
        `${((initial.gzipBytes / INITIAL_JS_BUDGET_BYTES) * 100).toFixed(0)}%`,
        bundleMet ? 'met' : 'MISSED',
      ],
    ]),
  );
  for (const file of initial.files) console.log(`  ${file.file}  ${kB(file.gzipBytes)} gzip, ${kB(file.bytes)} raw`);
  console.log(
    `\nReports and final screenshots: ${path.relative(process.cwd(), path.join(ARTIFACTS_DIR, 'lighthouse'))}/`,
  );
  if (!bundleMet || !results.every(met)) process.exitCode = 1;
}

await main();
