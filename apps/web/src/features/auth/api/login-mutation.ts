import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { useSession } from '@/lib/use-session';

export type LoginBody = paths['/api/v1/auth/login']['post']['requestBody']['content']['application/json'];

/** POST /api/v1/auth/login: the access token (the refresh cookie is set by the answer). */
export function login(client: ApiClient, body: LoginBody) {
  return dataOf(client.POST('/api/v1/auth/login', { body }));
}

/**
 * Signs in. A new sign-in drops the previous user's data; `sameUser` (signing in again after the session expired,
 * the e-mail fixed) keeps the page and its data — a half-filled form stays — and refreshes the data behind it.
 */
export function useLogin({ sameUser = false }: { sameUser?: boolean } = {}) {
  const client = useApiClient();
  const session = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => login(client, body),
    onSuccess: (token) => {
      // Whatever an earlier session left in the cache (e.g. after it expired) is not this user's.
      if (!sameUser) queryClient.clear();
      session.signIn(token);
      if (sameUser) void queryClient.invalidateQueries();
    },
  });
}
