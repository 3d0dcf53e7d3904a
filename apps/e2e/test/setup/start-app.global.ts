import type { TestProject } from 'vitest/node';
import { startApp } from '../../src/app-server.js';
import { assertChromium } from '../../src/browser.js';
import { ensureBuilt } from '../../src/builds.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the application under test answers, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
  }
}

/**
 * Once for all browser tests: build the web app and the API (or reuse fresh builds), start the application as
 * `pnpm start` serves it, and stop it (SIGTERM) when the run ends, also after a failure.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromium();
  ensureBuilt('web+api');
  const app = await startApp();
  project.provide('baseUrl', app.baseUrl);
  return app.stop;
}
