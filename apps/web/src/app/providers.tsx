import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { ApiClientContext, apiClient as defaultApiClient, type ApiClient } from '@/lib/api-client';

interface AppProvidersProps {
  queryClient: QueryClient;
  i18n: I18n;
  /** Defaults to the app's one client; tests pass one built around a fake `fetch`. */
  apiClient?: ApiClient;
  children: ReactNode;
}

/** Everything a screen needs from its surroundings: API client, translations, server state. */
export function AppProviders({ queryClient, i18n, apiClient = defaultApiClient, children }: AppProvidersProps) {
  return (
    <ApiClientContext value={apiClient}>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </I18nextProvider>
    </ApiClientContext>
  );
}
