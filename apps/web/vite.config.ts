import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Where `vite dev` forwards `/api` calls; the NestJS API listens on port 3000 by default. */
const apiTarget = process.env.LEERWINKEL_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${fromHere('./src')}/` },
      // The contracts' TypeScript sources, so neither dev nor tests need a build of libs/contracts.
      { find: /^@leerwinkel\/contracts$/, replacement: fromHere('../../libs/contracts/src/index.ts') },
    ],
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // The contracts' sources only declare things (types, constants, functions). Saying so keeps
        // what only the lazy pages use (code lists, INSZ checks) out of the chunks the entry loads:
        // otherwise the entry's import of the contracts' index would drag them in.
        moduleSideEffects: (id: string) => !/libs[\\/]contracts[\\/]src[\\/]/.test(id),
      },
      output: {
        codeSplitting: {
          groups: [
            {
              // The libraries every screen needs change rarely: keep them in one long-cached chunk,
              // apart from the app's own (small, often changing) entry and lazily loaded pages.
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|use-sync-external-store)[\\/]/,
            },
            {
              // The app's shared building blocks (UI components, query helpers, TanStack Query's hooks): one chunk
              // rather than a dozen tiny ones per page, each a request a phone must make before the page can draw.
              name: 'shared',
              test: /(src[\\/](components|lib)[\\/]|node_modules[\\/]@tanstack[\\/])/,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
  },
});
