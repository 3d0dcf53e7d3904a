import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter } from 'react-router';
import { createApiClient } from '@leerwinkel/contracts';
import { App } from '@/app/app';
import { createRoutes } from '@/app/router';
import type { HealthReport } from '@/features/health/api/health-query';
import { createI18n } from '@/i18n/setup';
import { sessionFor } from '@/lib/session';
import { afterThisTest } from './cleanup-registry';
import { createFakeServer } from './fake-api';

interface RenderAppOptions {
  /** The URL the app starts on. */
  path?: string;
  /** The `fetch` the API client uses; by default a fake API with a healthy /api/health and no session. */
  fetch?: typeof fetch;
}

/** A ready answer of GET /api/health, typed by the generated contract so it follows API changes. */
export const HEALTHY_BODY: HealthReport = {
  status: 'ok',
  info: { database: { status: 'up' } },
  details: { database: { status: 'up' } },
};

/** Renders the whole app (real routes, providers and i18n) in memory, with a fake `fetch`. */
export function renderApp({ path = '/', fetch = createFakeServer().fetch }: RenderAppOptions = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const i18n = createI18n({ storage: window.localStorage, document });
  const apiClient = createApiClient('http://localhost', { fetch });
  const session = sessionFor(apiClient);
  afterThisTest(() => {
    session.dispose();
    queryClient.clear();
  });
  const router = createMemoryRouter(createRoutes(), { initialEntries: [path] });
  const result = render(<App router={router} queryClient={queryClient} i18n={i18n} apiClient={apiClient} />);
  return { ...result, router, i18n, queryClient, session, apiClient };
}
