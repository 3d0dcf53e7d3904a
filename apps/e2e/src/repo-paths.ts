import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root: this file is apps/e2e/src/repo-paths.ts, or apps/e2e/dist/src/repo-paths.js in the benchmark's build. */
export const REPO_ROOT = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../../../..' : '../../..');

export const E2E_DIR = path.join(REPO_ROOT, 'apps', 'e2e');
export const WEB_DIR = path.join(REPO_ROOT, 'apps', 'web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');
export const API_DIR = path.join(REPO_ROOT, 'apps', 'api');
export const API_START = path.join(API_DIR, 'dist', 'cli', 'start.js');
export const CONTRACTS_DIR = path.join(REPO_ROOT, 'libs', 'contracts');

/** Screenshots, the accessibility report and the server log of the last run (git-ignored). */
export const ARTIFACTS_DIR = path.join(E2E_DIR, 'artifacts');
/** The screenshots shown in the README. */
export const DOCS_SCREENSHOTS_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
