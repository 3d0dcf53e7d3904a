import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const contracts = fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url));
const shared = {
  environment: 'node',
  // The contracts' TypeScript sources, as in apps/web: no build of libs/contracts needed to run the tests.
  alias: [{ find: /^@leerwinkel\/contracts$/, replacement: contracts }],
} as const;

/**
 * Two projects: `checks` (fast, no server: the bundle budget and the generated-client rule) and `browser`
 * (one application started for all files, real Chromium). Files run one at a time: the browser tests share the
 * one server and its data, and the machine has two cores.
 */
export default defineConfig({
  test: {
    fileParallelism: false,
    projects: [
      {
        resolve: { alias: shared.alias },
        test: {
          name: 'checks',
          environment: shared.environment,
          include: ['test/*.check.test.ts'],
          globalSetup: ['test/setup/build-web.global.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias: shared.alias },
        test: {
          name: 'browser',
          environment: shared.environment,
          include: ['test/*.e2e.test.ts'],
          globalSetup: ['test/setup/start-app.global.ts'],
          // Generous: a cold Chromium, the embedded PostgreSQL and two cores shared with everything else.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
