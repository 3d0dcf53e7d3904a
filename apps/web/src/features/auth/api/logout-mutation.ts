import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { noContentOf } from '@/lib/api-result';
import { useSession } from '@/lib/use-session';

/** POST /api/v1/auth/logout: revokes the refresh cookie's session and clears the cookie. */
export function logout(client: ApiClient) {
  return noContentOf(client.POST('/api/v1/auth/logout'));
}

/**
 * Signs out. Whatever the API answers, this tab forgets the token and every cached answer; the
 * route guard then sends the user to the login page.
 */
export function useLogout() {
  const client = useApiClient();
  const session = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => logout(client),
    onSettled: () => {
      session.end('signed-out');
      queryClient.clear();
    },
  });
}
