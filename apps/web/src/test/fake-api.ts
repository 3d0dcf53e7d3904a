import type { components } from '@leerwinkel/contracts';
import { createFakeFetch, jsonResponse } from './fake-fetch';

type Handler = (request: Request, params: Record<string, string>) => Response | Promise<Response>;

/** Routes as "METHOD /path/:param" → handler. */
export type FakeRoutes = Record<string, Handler>;

export type Me = components['schemas']['MeDto'];

/** A problem+json answer as the API sends it. */
export function problemResponse(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ type: `urn:leerwinkel:problem:${code.toLowerCase()}`, title: code, status, code, ...extra }),
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

function match(pattern: string, method: string, path: string): Record<string, string> | undefined {
  const [patternMethod, patternPath = ''] = pattern.split(' ');
  if (patternMethod !== method) return undefined;
  const expected = patternPath.split('/');
  const actual = path.split('/');
  if (expected.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return undefined;
  }
  return params;
}

export const HEALTHY = { status: 'ok', info: { database: { status: 'up' } }, details: { database: { status: 'up' } } };

interface FakeServerOptions {
  /** The signed-in user; undefined: the refresh cookie is missing (not signed in at start). */
  me?: Me | undefined;
  /** Routes that need a valid Bearer token (checked before the handler runs). */
  routes?: FakeRoutes;
  /** Routes without authentication, overriding the defaults (health, auth). */
  publicRoutes?: FakeRoutes;
  /** Seconds the access tokens live. */
  expiresIn?: number;
  /** Whether the browser starts with a valid refresh cookie (default: yes when `me` is given). */
  signedIn?: boolean;
  /** The password POST /auth/login accepts (any e-mail). */
  password?: string;
}

/**
 * A small stand-in for the API: it hands out access tokens (login, refresh), checks the Bearer
 * token on every other route (401 AUTH.UNAUTHENTICATED when it is not the current one), and records
 * every request. `expireToken()` makes the current token stale, as if its 15 minutes had passed.
 */
export function createFakeServer({
  me,
  routes = {},
  publicRoutes = {},
  expiresIn = 900,
  signedIn = me !== undefined,
  password = 'Leerwinkel-demo-2026',
}: FakeServerOptions = {}) {
  let tokenNumber = 0;
  let validToken: string | null = null;
  let hasCookie = signedIn;
  let refreshFails = false;
  const issue = (): Response => {
    tokenNumber += 1;
    validToken = `token-${tokenNumber}`;
    hasCookie = true;
    return jsonResponse({ accessToken: validToken, tokenType: 'Bearer', expiresIn });
  };

  const defaults: FakeRoutes = {
    'GET /api/health': () => jsonResponse(HEALTHY),
    'POST /api/v1/auth/refresh': () =>
      hasCookie && !refreshFails ? issue() : problemResponse(401, 'AUTH.REFRESH_INVALID'),
    'POST /api/v1/auth/logout': () => {
      hasCookie = false;
      validToken = null;
      return noContent();
    },
    'POST /api/v1/auth/login': async (request) => {
      const body = (await request.clone().json()) as { email?: string; password?: string };
      if (body.password !== password) return problemResponse(401, 'AUTH.INVALID_CREDENTIALS');
      refreshFails = false;
      return issue();
    },
  };
  const authed: FakeRoutes = me === undefined ? { ...routes } : { 'GET /api/v1/me': () => jsonResponse(me), ...routes };
  const open: FakeRoutes = { ...defaults, ...publicRoutes };

  const fake = createFakeFetch(async (request) => {
    const url = new URL(request.url);
    for (const [pattern, handler] of Object.entries(open)) {
      const params = match(pattern, request.method, url.pathname);
      if (params) return handler(request, params);
    }
    for (const [pattern, handler] of Object.entries(authed)) {
      const params = match(pattern, request.method, url.pathname);
      if (!params) continue;
      if (validToken === null || request.headers.get('authorization') !== `Bearer ${validToken}`) {
        return problemResponse(401, 'AUTH.UNAUTHENTICATED', {}, { 'www-authenticate': 'Bearer realm="leerwinkel"' });
      }
      return handler(request, params);
    }
    return problemResponse(404, 'ROUTE.NOT_FOUND');
  });

  return {
    fetch: fake.fetch,
    requests: fake.requests,
    /** Requests to `METHOD /path` (exact path). */
    calls(method: string, path: string): Request[] {
      return fake.requests.filter((request) => request.method === method && new URL(request.url).pathname === path);
    },
    /** The access token in use goes stale: the next authenticated request answers 401. */
    expireToken(): void {
      validToken = `expired-${tokenNumber}`;
    },
    /** From now on POST /auth/refresh answers 401 AUTH.REFRESH_INVALID (the session is over). */
    endSession(): void {
      refreshFails = true;
    },
    get currentToken(): string | null {
      return validToken;
    },
  };
}

/** Members of regions used by the tests. */
export const WEST = { region: 'west-vlaanderen', regionName: 'Leerwinkel West-Vlaanderen' } as const;
export const OOST = { region: 'oost-vlaanderen', regionName: 'Leerwinkel Oost-Vlaanderen' } as const;

export const COUNSELLOR: Me = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'begeleider@west-vlaanderen.leerwinkel.test',
  displayName: 'Bert Begeleider',
  centralRole: null,
  partnerId: null,
  memberships: [{ ...WEST, role: 'counsellor', organisationId: null, organisationName: null }],
};

export const COORDINATOR: Me = {
  id: '00000000-0000-4000-8000-000000000002',
  email: 'coordinator@west-vlaanderen.leerwinkel.test',
  displayName: 'Cora Coördinator',
  centralRole: null,
  partnerId: null,
  memberships: [
    { ...WEST, role: 'coordinator', organisationId: null, organisationName: null },
    { ...OOST, role: 'counsellor', organisationId: null, organisationName: null },
  ],
};

export const ANALYST: Me = {
  id: '00000000-0000-4000-8000-000000000003',
  email: 'analist@ondersteuningspunt.leerwinkel.test',
  displayName: 'Ann Analist',
  centralRole: 'analyst',
  partnerId: null,
  memberships: [],
};

export const ADMIN: Me = {
  id: '00000000-0000-4000-8000-000000000004',
  email: 'admin@ondersteuningspunt.leerwinkel.test',
  displayName: 'Ad Beheerder',
  centralRole: 'platform_admin',
  partnerId: null,
  memberships: [],
};

export const PARTNER_USER: Me = {
  id: '00000000-0000-4000-8000-000000000005',
  email: 'iemand@cvo-brugge.test',
  displayName: 'Pia Partner',
  centralRole: null,
  partnerId: '10000000-0000-4000-8000-000000000001',
  memberships: [],
};

export const WEST_SETTINGS: components['schemas']['RegionSettingsDto'] = {
  region: 'west-vlaanderen',
  contactEmail: 'info@west.leerwinkel.test',
  contactPhone: '+32 50 12 34 56',
  referralExpiryDays: 14,
  inszEnabled: false,
  retentionGuidanceMonths: 60,
  retentionInfoMonths: 12,
  updatedAt: '2026-03-05T13:07:00Z',
};
