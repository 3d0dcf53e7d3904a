import { useMutation } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { noContentOf } from '@/lib/api-result';

export type SetPasswordBody = paths['/api/v1/auth/set-password']['post']['requestBody']['content']['application/json'];

/** POST /api/v1/auth/set-password: accepts an invitation (204). No cached query depends on it. */
export function setPassword(client: ApiClient, body: SetPasswordBody) {
  return noContentOf(client.POST('/api/v1/auth/set-password', { body }));
}

export function useSetPassword() {
  const client = useApiClient();
  return useMutation({ mutationFn: (body: SetPasswordBody) => setPassword(client, body) });
}
