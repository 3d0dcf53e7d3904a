import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type Registration = components['schemas']['RegistrationDto'];
export type RegistrationStatus = Registration['status'];

export const registrationsRootQueryKey = (region: string) => ['regions', region, 'registrations'] as const;
export const registrationsQueryKey = (region: string, status: RegistrationStatus) =>
  [...registrationsRootQueryKey(region), status] as const;

export function registrationsQueryOptions(client: ApiClient, region: string, status: RegistrationStatus) {
  return queryOptions({
    queryKey: registrationsQueryKey(region, status),
    queryFn: ({ signal }) =>
      dataOf(
        client.GET('/api/v1/regions/{region}/registrations', {
          params: { path: { region }, query: { status, limit: 100 } },
          signal,
        }),
      ),
  });
}

/** GET /api/v1/regions/{region}/registrations?status=: the inbox of registrations sent by partners (oldest first). */
export function useRegistrations(region: string, status: RegistrationStatus) {
  const client = useApiClient();
  return useQuery(registrationsQueryOptions(client, region, status));
}
