import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { API_DIR, API_START, CONTRACTS_DIR, REPO_ROOT, WEB_DIR, WEB_DIST } from './repo-paths.js';

/** Newest modification time (ms) of the files under `entries` (folders are walked; node_modules and dist skipped). */
function newestMtime(entries: readonly string[]): number {
  let newest = 0;
  const visit = (entry: string): void => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry)) {
        if (name !== 'node_modules' && name !== 'dist') visit(path.join(entry, name));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of entries) visit(entry);
  return newest;
}

function mtimeOf(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

const CONTRACTS_SOURCES = [path.join(CONTRACTS_DIR, 'src'), path.join(CONTRACTS_DIR, 'package.json')];

interface Build {
  name: string;
  filter: string;
  /** Whether the output is at least as new as every source it is built from. */
  fresh: () => boolean;
}

const WEB: Build = {
  name: 'web app',
  filter: '@leerwinkel/web',
  fresh: () =>
    mtimeOf(path.join(WEB_DIST, 'index.html')) >
    newestMtime([
      path.join(WEB_DIR, 'src'),
      path.join(WEB_DIR, 'public'),
      path.join(WEB_DIR, 'index.html'),
      path.join(WEB_DIR, 'vite.config.ts'),
      path.join(WEB_DIR, 'package.json'),
      ...CONTRACTS_SOURCES,
    ]),
};

const API: Build = {
  name: 'API',
  filter: '@leerwinkel/api',
  fresh: () =>
    mtimeOf(API_START) >
      newestMtime([path.join(API_DIR, 'src'), path.join(API_DIR, 'package.json'), ...CONTRACTS_SOURCES]) &&
    mtimeOf(path.join(CONTRACTS_DIR, 'dist', 'index.js')) > newestMtime(CONTRACTS_SOURCES),
};

/**
 * The environment of a build: the runner's, without what Vitest sets for its own tests. With NODE_ENV=test (Vitest's)
 * Vite would bundle React's development build, far larger and slower than what `pnpm build` ships.
 */
function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
  );
}

/**
 * Builds what is missing or older than its sources, with the packages' own build scripts
 * (`pnpm --filter @leerwinkel/web build`, `pnpm --filter @leerwinkel/api build`). Within `pnpm test` the API's
 * test has just built the API, so usually only the web app is built here. E2E_REBUILD=1 always builds.
 */
export function ensureBuilt(which: 'web' | 'web+api', log: (line: string) => void = console.log): void {
  const builds = which === 'web' ? [WEB] : [WEB, API];
  const force = process.env.E2E_REBUILD === '1';
  for (const build of builds) {
    if (!force && build.fresh()) {
      log(`e2e: the ${build.name} build is up to date, reusing it`);
      continue;
    }
    log(`e2e: building the ${build.name} (pnpm --filter ${build.filter} build) ...`);
    const started = performance.now();
    const result = spawnSync('pnpm', ['--filter', build.filter, 'build'], {
      cwd: REPO_ROOT,
      env: buildEnv(),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
      const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');
      throw new Error(`pnpm --filter ${build.filter} build failed (exit ${String(result.status)}):\n${output}`);
    }
    log(`e2e: built the ${build.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
