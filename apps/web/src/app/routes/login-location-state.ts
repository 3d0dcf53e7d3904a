/** What the router hands the login page: where to go back to, and why the user is here. */
export interface LoginLocationState {
  /** Path (with search and hash) to return to after signing in. */
  from?: string | undefined;
  reason?: 'expired' | 'signed-out' | undefined;
  notice?: 'password-set' | undefined;
}

/** Reads the (untyped) history state defensively: it survives reloads and may be anything. */
export function readLoginLocationState(state: unknown): LoginLocationState {
  if (typeof state !== 'object' || state === null) return {};
  const result: LoginLocationState = {};
  if ('from' in state && typeof state.from === 'string' && state.from.startsWith('/') && !state.from.startsWith('//')) {
    result.from = state.from;
  }
  if ('reason' in state && (state.reason === 'expired' || state.reason === 'signed-out')) result.reason = state.reason;
  if ('notice' in state && state.notice === 'password-set') result.notice = state.notice;
  return result;
}
