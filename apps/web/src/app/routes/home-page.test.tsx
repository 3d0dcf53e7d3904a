import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProblemCode, type Problem } from '@leerwinkel/contracts';
import { createFakeFetch, jsonResponse } from '@/test/fake-fetch';
import {
  ADMIN,
  ANALYST,
  COUNSELLOR,
  createFakeServer,
  PARTNER_USER,
  problemResponse,
  WEST_SETTINGS,
} from '@/test/fake-api';
import { HEALTHY_BODY, renderApp } from '@/test/render-app';

const DATABASE_DOWN_PROBLEM: Problem & { details: Record<string, { status: string }> } = {
  type: 'https://leerwinkel.be/problems/service-unavailable',
  title: 'Service Unavailable',
  status: 503,
  detail: 'The database is not reachable.',
  instance: '/api/health',
  code: ProblemCode.SERVICE_UNAVAILABLE,
  correlationId: '6f1c2f0e-0000-4000-8000-000000000001',
  details: { database: { status: 'down' } },
};

/** No session (the silent refresh answers 401); GET /api/health answers with `health`. */
function withHealth(health: () => Response | Promise<Response>) {
  return createFakeFetch((request) =>
    new URL(request.url).pathname === '/api/health' ? health() : problemResponse(401, 'AUTH.REFRESH_INVALID'),
  );
}

async function findHealthStatus(): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { level: 2, name: 'Systeemstatus' });
  const section = heading.closest('section');
  if (!section) throw new Error('The status heading is not inside a section');
  return section;
}

describe('system status (footer, on every page)', () => {
  it('asks GET /api/health once and reports a healthy API and database', async () => {
    const fake = withHealth(() => jsonResponse(HEALTHY_BODY));
    renderApp({ path: '/login', fetch: fake.fetch });

    const status = await findHealthStatus();
    expect(screen.getByRole('contentinfo').contains(status)).toBe(true);
    expect(await within(status).findByText('API en database bereikbaar')).toBeDefined();
    expect(within(status).queryByText('Database niet bereikbaar')).toBeNull();
    expect(within(status).getByRole('status').textContent).toContain('API en database bereikbaar');
    expect(within(status).getByText(/^Laatst gecontroleerd: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)).toBeDefined();

    const healthRequests = fake.requests.filter((request) => new URL(request.url).pathname === '/api/health');
    expect(healthRequests).toHaveLength(1);
    expect(healthRequests[0]?.method).toBe('GET');
  });

  it('reports an unreachable database when the API answers 503 with a problem', async () => {
    const fake = withHealth(() => jsonResponse(DATABASE_DOWN_PROBLEM, 503, 'application/problem+json'));
    renderApp({ path: '/login', fetch: fake.fetch });

    const status = await findHealthStatus();
    expect(await within(status).findByText('Database niet bereikbaar')).toBeDefined();
    expect(within(status).getByText(/kan de database niet bereiken/)).toBeDefined();
    expect(within(status).queryByText('API en database bereikbaar')).toBeNull();
  });

  it("shows the problem's title when the API answers with another error", async () => {
    const problem: Problem = {
      type: 'https://leerwinkel.be/problems/internal-error',
      title: 'Onverwachte fout op de server',
      status: 500,
      code: ProblemCode.INTERNAL,
      correlationId: 'abc-123',
    };
    const fake = withHealth(() => jsonResponse(problem, 500, 'application/problem+json'));
    renderApp({ path: '/login', fetch: fake.fetch });

    const status = await findHealthStatus();
    expect(await within(status).findByText('Status van de API niet beschikbaar')).toBeDefined();
    expect(within(status).getByText('Melding van de API: Onverwachte fout op de server')).toBeDefined();
    expect(within(status).queryByText('API en database bereikbaar')).toBeNull();
  });

  it('explains a network failure when the API cannot be reached at all (and still offers the login)', async () => {
    const fake = createFakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    renderApp({ path: '/', fetch: fake.fetch });

    const status = await findHealthStatus();
    expect(await within(status).findByText('Status van de API niet beschikbaar')).toBeDefined();
    expect(within(status).getByText(/De API antwoordt niet/)).toBeDefined();
    expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden' })).toBeDefined();
  });

  it('shows a loading state while the API has not answered', async () => {
    const fake = withHealth(() => new Promise<Response>(() => undefined));
    renderApp({ path: '/login', fetch: fake.fetch });

    const status = await findHealthStatus();
    expect(within(status).getByText('Verbinding met de API wordt gecontroleerd…')).toBeDefined();
    expect(within(status).queryByRole('button')).toBeNull();
  });
});

describe('home page: sends each user to their area', () => {
  it('a region member goes to their first region', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: { 'GET /api/v1/regions/:region/settings': () => jsonResponse(WEST_SETTINGS) },
    });
    const { router } = renderApp({ path: '/', fetch: server.fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Leerwinkel West-Vlaanderen' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/regions/west-vlaanderen');
  });

  it("an analyst goes to the support point's dashboard", async () => {
    const { router } = renderApp({ path: '/', fetch: createFakeServer({ me: ANALYST }).fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ondersteuningspunt' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/central');
  });

  it('a platform admin goes to the administration', async () => {
    const server = createFakeServer({
      me: ADMIN,
      routes: { 'GET /api/v1/admin/regions': () => jsonResponse({ items: [], nextCursor: null }) },
    });
    const { router } = renderApp({ path: '/', fetch: server.fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Beheer' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/admin');
  });

  it('a partner user goes to the partner page, which shows the partner name', async () => {
    const server = createFakeServer({
      me: PARTNER_USER,
      routes: {
        'GET /api/v1/partner/me': () =>
          jsonResponse({
            partner: { id: PARTNER_USER.partnerId, name: 'CVO Brugge', status: 'active' },
            principal: 'user',
            scopes: [],
          }),
      },
    });
    const { router } = renderApp({ path: '/', fetch: server.fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'CVO Brugge' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/partner');
  });

  it('an account without any access gets an explanation, not a crash', async () => {
    const nobody = { ...COUNSELLOR, memberships: [] };
    renderApp({ path: '/', fetch: createFakeServer({ me: nobody }).fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Welkom, Bert Begeleider' })).toBeDefined();
    expect(screen.getByText(/nog geen toegang/)).toBeDefined();
  });
});
