import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); playwright-core never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a headless Chromium on a machine with a closed network, as root: no sandbox (root), no GPU, and none of
 * the background connections (updates, sync, QUIC probes) that would otherwise be refused over and over.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** The viewport of every test page and screenshot. */
export const VIEWPORT = { width: 1280, height: 800 } as const;

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
}

/**
 * Launches Chromium. playwright-core gives every launch a fresh, empty temporary user-data-dir (removed on close),
 * and every {@link newContext} is a separate profile in it: one per person in a test.
 */
export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] });
}

/** A fresh browser profile (no cookies) with the test viewport, Dutch (Belgium) and Brussels time. */
export async function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: VIEWPORT,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
  });
  context.setDefaultTimeout(15_000);
  return context;
}
