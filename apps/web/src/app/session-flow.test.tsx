import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '@/test/fake-fetch';
import { COORDINATOR, COUNSELLOR, createFakeServer, WEST_SETTINGS } from '@/test/fake-api';
import { guidanceRoutes } from '@/test/guidance-fixtures';
import { renderApp } from '@/test/render-app';

const regionRoutes = {
  'GET /api/v1/regions/:region/settings': () => jsonResponse(WEST_SETTINGS),
  'GET /api/v1/regions/:region/members': () => jsonResponse({ items: [], nextCursor: null }),
  'GET /api/v1/regions/:region/organisations': () => jsonResponse({ items: [], nextCursor: null }),
};

const SETTINGS = '/api/v1/regions/west-vlaanderen/settings';

describe('session in the app', () => {
  it('resumes the session on start with ONE silent refresh', async () => {
    const server = createFakeServer({ me: COUNSELLOR, routes: regionRoutes });
    renderApp({ path: '/regions/west-vlaanderen', fetch: server.fetch });
    expect(await screen.findByText('info@west.leerwinkel.test')).toBeDefined();
    expect(server.calls('POST', '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('a 401 on an API call triggers exactly one refresh and one retry', async () => {
    const server = createFakeServer({ me: COUNSELLOR, routes: regionRoutes });
    const { queryClient } = renderApp({ path: '/regions/west-vlaanderen', fetch: server.fetch });
    await screen.findByText('info@west.leerwinkel.test');
    expect(server.calls('GET', SETTINGS)).toHaveLength(1);

    server.expireToken();
    await queryClient.refetchQueries({ queryKey: ['regions', 'west-vlaanderen', 'settings'] });

    expect(server.calls('POST', '/api/v1/auth/refresh')).toHaveLength(2); // start-up + this one
    expect(server.calls('GET', SETTINGS).map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
    ]);
    expect(screen.getByText('info@west.leerwinkel.test')).toBeDefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('several 401s at once cause only ONE refresh request', async () => {
    const server = createFakeServer({ me: COORDINATOR, routes: regionRoutes });
    const { queryClient } = renderApp({ path: '/regions/west-vlaanderen/users', fetch: server.fetch });
    await screen.findByText('Deze regio heeft nog geen gebruikers.');
    await screen.findByText('Nog geen organisaties in deze regio.');
    const before = server.requests.length;

    server.expireToken();
    // me, members and organisations are all refetched at the same moment.
    await queryClient.refetchQueries();

    const after = server.requests.slice(before);
    const refreshes = after.filter((request) => new URL(request.url).pathname === '/api/v1/auth/refresh');
    expect(refreshes).toHaveLength(1);
    const unauthorised = after.filter((request) => request.headers.get('authorization') === 'Bearer token-1');
    expect(unauthorised.length).toBeGreaterThanOrEqual(2);
    expect(server.currentToken).toBe('token-2');
  });

  it('when the session expires, the page and its half-filled form stay under a dialog that signs the same account in again', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes(),
    });
    const { router, queryClient } = renderApp({ path: '/regions/west-vlaanderen/learners/new', fetch: server.fetch });
    await screen.findByRole('button', { name: 'Lerende registreren' });
    fireEvent.change(screen.getByLabelText('Voornaam'), { target: { value: 'Ayse' } });
    fireEvent.change(screen.getByLabelText('Achternaam'), { target: { value: 'Celik' } });

    // The session ends while the form is half-filled: the next request (here a refetch) cannot renew it.
    server.expireToken();
    server.endSession();
    void queryClient.refetchQueries({ queryKey: ['regions', 'west-vlaanderen', 'settings'] });

    const dialog = await screen.findByRole('dialog', { name: 'Je sessie is verlopen' });
    expect(router.state.location.pathname).toBe('/regions/west-vlaanderen/learners/new');
    expect(within(dialog).getByText(`Aangemeld als ${COUNSELLOR.email}`)).toBeDefined();
    expect(screen.getByLabelText<HTMLInputElement>('Voornaam').value).toBe('Ayse');

    fireEvent.change(within(dialog).getByLabelText('Wachtwoord'), { target: { value: 'Leerwinkel-demo-2026' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Aanmelden' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    const login = server.calls('POST', '/api/v1/auth/login').at(-1);
    expect(((await login?.clone().json()) as { email?: string }).email).toBe(COUNSELLOR.email);
    expect(screen.getByLabelText<HTMLInputElement>('Voornaam').value).toBe('Ayse');
    expect(screen.getByLabelText<HTMLInputElement>('Achternaam').value).toBe('Celik');
    expect(router.state.location.pathname).toBe('/regions/west-vlaanderen/learners/new');
  });

  it('after an expiry, signing in as someone else goes to /login and leaves none of the cached data', async () => {
    const server = createFakeServer({ me: COUNSELLOR, routes: regionRoutes });
    const { router, queryClient } = renderApp({ path: '/regions/west-vlaanderen', fetch: server.fetch });
    await screen.findByText('info@west.leerwinkel.test');

    server.expireToken();
    server.endSession();
    void queryClient.refetchQueries({ queryKey: ['regions', 'west-vlaanderen', 'settings'] });

    const dialog = await screen.findByRole('dialog', { name: 'Je sessie is verlopen' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Aanmelden als iemand anders' }));

    expect(await screen.findByText('Je sessie is verlopen, meld je opnieuw aan.')).toBeDefined();
    expect(router.state.location.pathname).toBe('/login');
    expect(within(screen.getByRole('banner')).queryByText('Bert Begeleider')).toBeNull();
    expect(queryClient.getQueryData(['me'])).toBeUndefined();
    const withData = queryClient
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.data !== undefined)
      .map((query) => query.queryKey);
    expect(withData).toEqual([['health']]);

    fireEvent.change(screen.getByLabelText('E-mailadres'), { target: { value: COUNSELLOR.email } });
    fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: 'Leerwinkel-demo-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));

    expect(await screen.findByText('info@west.leerwinkel.test')).toBeDefined();
    expect(router.state.location.pathname).toBe('/regions/west-vlaanderen');
  });

  it('logout calls the API, forgets the session and the cached data, and shows the login page', async () => {
    const server = createFakeServer({ me: COUNSELLOR, routes: regionRoutes });
    const { router, queryClient } = renderApp({ path: '/regions/west-vlaanderen', fetch: server.fetch });
    await screen.findByText('info@west.leerwinkel.test');

    fireEvent.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Afmelden' }));

    expect(await screen.findByText('Je bent afgemeld.')).toBeDefined();
    expect(router.state.location.pathname).toBe('/login');
    expect(server.calls('POST', '/api/v1/auth/logout')).toHaveLength(1);
    expect(queryClient.getQueryData(['me'])).toBeUndefined();
    expect(queryClient.getQueryData(['regions', 'west-vlaanderen', 'settings'])).toBeUndefined();
    expect(within(screen.getByRole('banner')).queryByRole('button', { name: 'Afmelden' })).toBeNull();

    // Signing in again starts at home (not at the previous user's page).
    fireEvent.change(screen.getByLabelText('E-mailadres'), { target: { value: COUNSELLOR.email } });
    fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: 'Leerwinkel-demo-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/regions/west-vlaanderen');
    });
  });
});
