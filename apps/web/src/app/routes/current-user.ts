import { useMe, type Me } from '@/features/auth/api/me-query';

/**
 * The signed-in user, for pages below the session guard (which only renders them once GET /me
 * has answered, so the answer is in the cache).
 */
export function useCurrentUser(): Me {
  const me = useMe();
  if (me.data === undefined) throw new Error('useCurrentUser() used outside the session guard');
  return me.data;
}
