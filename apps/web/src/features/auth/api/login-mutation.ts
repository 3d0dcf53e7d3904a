import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { useSession } from '@/lib/use-session';
import { meQueryKey } from './me-query';

export type LoginBody = paths['/api/v1/auth/login']['post']['requestBody']['content']['application/json'];

/** POST /api/v1/auth/login: the access token (the refresh cookie is set by the answer). */
export function login(client: ApiClient, body: LoginBody) {
  return dataOf(client.POST('/api/v1/auth/login', { body }));
}

/** Signs in: on success the session holds the token and the previous user's data is gone. */
export function useLogin() {
  const client = useApiClient();
  const session = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => login(client, body),
    onSuccess: (token) => {
      queryClient.removeQueries({ queryKey: meQueryKey });
      session.signIn(token);
    },
  });
}
