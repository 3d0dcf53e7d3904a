import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { registrationsRootQueryKey } from './registrations-query';

export type AcceptRegistrationBody =
  paths['/api/v1/regions/{region}/registrations/{registrationId}/accept']['post']['requestBody']['content']['application/json'];

export function acceptRegistration(
  client: ApiClient,
  region: string,
  registrationId: string,
  body: AcceptRegistrationBody,
) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/registrations/{registrationId}/accept', {
      params: { path: { region, registrationId } },
      body,
    }),
  );
}

/**
 * POST /api/v1/regions/{region}/registrations/{registrationId}/accept: a learner (new or existing)
 * and a case. New learners and cases appear in the region's lists, so those are read again too.
 */
export function useAcceptRegistration(region: string, registrationId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptRegistrationBody) => acceptRegistration(client, region, registrationId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: registrationsRootQueryKey(region) }),
        queryClient.invalidateQueries({ queryKey: ['regions', region, 'learners', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['regions', region, 'cases', 'list'] }),
      ]),
  });
}
