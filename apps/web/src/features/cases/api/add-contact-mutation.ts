import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { caseListsQueryKey } from './cases-query';
import { contactsQueryKey } from './contacts-query';

export type AddContactBody =
  paths['/api/v1/regions/{region}/cases/{caseId}/contacts']['post']['requestBody']['content']['application/json'];

export function addContact(client: ApiClient, region: string, caseId: string, body: AddContactBody) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/cases/{caseId}/contacts', { params: { path: { region, caseId } }, body }),
  );
}

/** POST /api/v1/regions/{region}/cases/{caseId}/contacts: records a conversation. */
export function useAddContact(region: string, caseId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddContactBody) => addContact(client, region, caseId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contactsQueryKey(region, caseId) }),
        // The caseload shows the number of conversations.
        queryClient.invalidateQueries({ queryKey: caseListsQueryKey(region) }),
      ]),
  });
}
