import { useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { LoadError } from '@/components/ui/query-status';
import { useMe } from '@/features/auth/api/me-query';
import { SessionExpiredDialog } from '@/features/auth/components/session-expired-dialog';
import { useSessionState } from '@/lib/use-session';
import type { LoginLocationState } from './login-location-state';
import { PageLoading } from './page-loading';

/**
 * Guard of every page that needs a session: waits for the silent refresh, sends the signed-out to
 * /login (remembering where they were), and renders the page once GET /me has answered. When the session
 * expires on an open page, the page stays (with whatever was typed into it) under a dialog that signs the
 * same account in again.
 */
export function RequireSession() {
  const session = useSessionState();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [switchingUser, setSwitchingUser] = useState(false);
  const me = useMe({ enabled: session.status === 'signed-in' });

  if (switchingUser) {
    // Someone else signs in: not back to this page, which was the expired session's.
    const state: LoginLocationState = { from: undefined, reason: 'expired' };
    return <Navigate to="/login" replace state={state} />;
  }
  if (session.status === 'unknown') return <PageLoading />;
  if (session.status === 'signed-out' && session.reason === 'expired' && me.data) {
    return (
      <>
        <Outlet />
        <SessionExpiredDialog
          email={me.data.email}
          onSwitchUser={() => {
            // Someone else's session must not inherit this one's data.
            queryClient.clear();
            setSwitchingUser(true);
          }}
        />
      </>
    );
  }
  if (session.status === 'signed-out') {
    const state: LoginLocationState = {
      // After signing out on purpose, the next sign-in (maybe someone else) starts at home.
      from: session.reason === 'signed-out' ? undefined : `${location.pathname}${location.search}${location.hash}`,
      reason: session.reason ?? undefined,
    };
    return <Navigate to="/login" replace state={state} />;
  }
  if (me.isPending) return <PageLoading />;
  if (me.isError) {
    return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  }
  return <Outlet />;
}
