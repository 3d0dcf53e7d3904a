import { use, useSyncExternalStore } from 'react';
import { ApiClientContext } from './api-client';
import { sessionFor, type Session, type SessionState } from './session';

/** The session bound to the app's API client. */
export function useSession(): Session {
  return sessionFor(use(ApiClientContext));
}

/** The session's state; re-renders when it changes (signed in, expired, signed out). */
export function useSessionState(): SessionState {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}
