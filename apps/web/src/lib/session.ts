import type { Middleware } from 'openapi-fetch';
import { ProblemCode, type ApiClient, type components } from '@leerwinkel/contracts';

/** The 200 body of POST /api/v1/auth/login and /auth/refresh. */
export type AccessToken = components['schemas']['AccessTokenDto'];

/** Why a session ended: it could not be renewed any more, or the user signed out. */
export type SessionEndReason = 'expired' | 'signed-out';

/**
 * What the UI needs to know about the session. `unknown` until the silent refresh at start-up
 * has answered; `signed-out` carries why (null: there simply was no session).
 */
export type SessionState =
  | { readonly status: 'unknown' }
  | { readonly status: 'signed-in' }
  | { readonly status: 'signed-out'; readonly reason: SessionEndReason | null };

/** Renew the access token this many seconds before it expires. */
const REFRESH_LEAD_SECONDS = 60;
/** After a refresh that failed for a passing reason (network, 5xx, 429), try again after this delay. */
const REFRESH_RETRY_MS = 30_000;
/** Name of the Web Lock that keeps the tabs of one browser from rotating the refresh cookie at once. */
const REFRESH_LOCK = 'leerwinkel.auth.refresh';

const UNKNOWN: SessionState = { status: 'unknown' };
const SIGNED_IN: SessionState = { status: 'signed-in' };

/** Paths that never carry the access token nor get the 401 → refresh → retry treatment. */
function isAuthFree(schemaPath: string): boolean {
  return schemaPath.startsWith('/api/v1/auth/') || schemaPath.startsWith('/api/health');
}

async function problemCodeOf(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.clone().json();
    if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string') return body.code;
  } catch {
    // Not JSON: no code.
  }
  return undefined;
}

/** Runs `task` under a browser-wide lock when the Web Locks API exists (all tabs share one cookie). */
function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator) {
    return navigator.locks.request(REFRESH_LOCK, task);
  }
  return task();
}

/**
 * The signed-in session of this browser tab, bound to one API client.
 *
 * - The access token lives in memory only (never in storage); the refresh token is an httpOnly
 *   cookie the browser sends to /api/v1/auth/* by itself.
 * - {@link refresh} is single-flight: every caller during a refresh shares one request, because
 *   presenting an already rotated refresh token ends the whole session server-side.
 * - {@link middleware} adds `Authorization: Bearer …` and, on 401 AUTH.UNAUTHENTICATED, refreshes
 *   once and retries the request once.
 */
export class Session {
  private state: SessionState = UNKNOWN;
  private accessToken: string | null = null;
  private inFlight: Promise<string | null> | null = null;
  private startup: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly endListeners = new Set<(reason: SessionEndReason) => void>();
  /** Per request: an unsent copy (for the retry) and the token it was sent with. */
  private readonly sent = new WeakMap<Request, { copy: Request; token: string | null }>();

  constructor(private readonly client: ApiClient) {}

  // --- State for React (useSyncExternalStore) -------------------------------------------------

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): SessionState => this.state;

  /** Called whenever a session ends (expired or signed out), e.g. to empty the query cache. */
  onEnd(listener: (reason: SessionEndReason) => void): () => void {
    this.endListeners.add(listener);
    return () => {
      this.endListeners.delete(listener);
    };
  }

  private setState(next: SessionState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  // --- Life cycle -------------------------------------------------------------------------------

  /** The silent refresh at app start: resumes a session from the refresh cookie. Runs once. */
  start(): Promise<void> {
    this.startup ??= this.refresh().then(
      () => undefined,
      () => undefined,
    );
    return this.startup;
  }

  /** Takes a fresh access token (from login or refresh) and plans its renewal. */
  signIn(token: AccessToken): void {
    this.accessToken = token.accessToken;
    this.schedule(Math.max(0, token.expiresIn));
    this.startup ??= Promise.resolve();
    this.setState(SIGNED_IN);
  }

  /** Forgets the token. `reason` null: there was no session to begin with. */
  end(reason: SessionEndReason | null): void {
    // An expired session still has its page and data on screen (until the user signs in again or out).
    const wasSignedIn =
      this.state.status === 'signed-in' || (this.state.status === 'signed-out' && this.state.reason === 'expired');
    this.accessToken = null;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.setState({ status: 'signed-out', reason });
    if (wasSignedIn && reason !== null) for (const listener of this.endListeners) listener(reason);
  }

  /** Stops the renewal timer (tests, or a client that is thrown away). */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(expiresInSeconds: number): void {
    clearTimeout(this.timer);
    const delaySeconds =
      expiresInSeconds > 2 * REFRESH_LEAD_SECONDS ? expiresInSeconds - REFRESH_LEAD_SECONDS : expiresInSeconds / 2;
    this.timer = setTimeout(() => void this.refresh(), delaySeconds * 1000);
  }

  // --- Refresh (single-flight) ------------------------------------------------------------------

  /**
   * POST /api/v1/auth/refresh, shared by every concurrent caller. Resolves to the new access token,
   * or null when there is none: the session is then ended when the API says it is over (401), and
   * kept (with a retry planned) when the API could not be asked (network, 5xx, 429).
   */
  refresh(): Promise<string | null> {
    if (!this.inFlight) {
      this.inFlight = withRefreshLock(() => this.requestRefresh()).finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private async requestRefresh(): Promise<string | null> {
    const wasSignedIn = this.state.status === 'signed-in';
    let response: Response | undefined;
    try {
      const result = await this.client.POST('/api/v1/auth/refresh');
      response = result.response;
      if (result.data) {
        this.signIn(result.data);
        return result.data.accessToken;
      }
    } catch {
      // Network failure: handled below like any answer that says nothing about the session.
    }
    const status = response?.status;
    if (this.state.status === 'unknown') {
      // At start-up any failure simply means: not signed in.
      this.end(null);
    } else if (wasSignedIn && (status === 400 || status === 401 || status === 403)) {
      this.end('expired');
    } else if (wasSignedIn) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.refresh(), REFRESH_RETRY_MS);
    }
    return null;
  }

  /** The token to send now: waits for a refresh that is under way so no stale token goes out. */
  private async currentToken(): Promise<string | null> {
    if (this.inFlight) await this.inFlight;
    return this.accessToken;
  }

  // --- openapi-fetch middleware -----------------------------------------------------------------

  readonly middleware: Middleware = {
    onRequest: async ({ request, schemaPath }) => {
      if (isAuthFree(schemaPath)) return undefined;
      const token = await this.currentToken();
      if (token !== null) request.headers.set('Authorization', `Bearer ${token}`);
      // The body of `request` is used up once it is sent: keep an unsent copy for a retry.
      this.sent.set(request, { copy: request.clone(), token });
      return request;
    },
    onResponse: async ({ request, response, schemaPath, options }) => {
      if (response.status !== 401 || isAuthFree(schemaPath)) return undefined;
      const sent = this.sent.get(request);
      if (!sent || sent.token === null) return undefined;
      if ((await problemCodeOf(response)) !== ProblemCode.UNAUTHENTICATED) return undefined;

      // Another request may have renewed the token since this one left: use that, don't refresh again.
      const token =
        this.accessToken !== null && this.accessToken !== sent.token ? this.accessToken : await this.refresh();
      if (token === null) return undefined;

      const retry = sent.copy;
      retry.headers.set('Authorization', `Bearer ${token}`);
      return options.fetch(retry);
    },
  };
}

const sessions = new WeakMap<ApiClient, Session>();

/** The one session of `client`, created (and its middleware registered) on first use. */
export function sessionFor(client: ApiClient): Session {
  let session = sessions.get(client);
  if (!session) {
    session = new Session(client);
    client.use(session.middleware);
    sessions.set(client, session);
  }
  return session;
}
