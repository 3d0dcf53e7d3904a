import { QueryClient } from '@tanstack/react-query';

/** The app's query client: one retry (the API is on the same origin), no refetch storms. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: 1,
        staleTime: 30_000,
      },
    },
  });
}
