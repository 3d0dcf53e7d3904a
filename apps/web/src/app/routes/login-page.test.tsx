import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '@/test/fake-fetch';
import { COORDINATOR, COUNSELLOR, createFakeServer, problemResponse, WEST_SETTINGS } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';
import { everythingStored } from '@/test/storage';

async function signIn(email: string, password: string): Promise<void> {
  fireEvent.change(await screen.findByLabelText('E-mailadres'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
}

/** The text of the element(s) an input's aria-describedby points at. */
function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

const regionRoutes = {
  'GET /api/v1/regions/:region/settings': () => jsonResponse(WEST_SETTINGS),
  'GET /api/v1/regions/:region/members': () => jsonResponse({ items: [], nextCursor: null }),
  'GET /api/v1/regions/:region/organisations': () => jsonResponse({ items: [], nextCursor: null }),
};

describe('login page', () => {
  it('signs in, keeps the token in memory only, and shows the user their region', async () => {
    const server = createFakeServer({ me: COUNSELLOR, signedIn: false, routes: regionRoutes });
    const { router } = renderApp({ path: '/', fetch: server.fetch });

    expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden' })).toBeDefined();
    await signIn(' begeleider@west-vlaanderen.leerwinkel.test ', 'Leerwinkel-demo-2026');

    expect(await screen.findByRole('heading', { level: 1, name: 'Leerwinkel West-Vlaanderen' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/regions/west-vlaanderen');
    expect(within(screen.getByRole('banner')).getByText('Bert Begeleider')).toBeDefined();
    expect(within(screen.getByRole('banner')).getByText('Regio: Leerwinkel West-Vlaanderen')).toBeDefined();

    const [login] = server.calls('POST', '/api/v1/auth/login');
    expect(await login?.json()).toEqual({
      email: 'begeleider@west-vlaanderen.leerwinkel.test',
      password: 'Leerwinkel-demo-2026',
    });
    const [me] = server.calls('GET', '/api/v1/me');
    expect(me?.headers.get('authorization')).toBe('Bearer token-1');
    const stored = everythingStored();
    expect(stored).not.toContain('token-1');
  });

  it('shows the Dutch message for a wrong password, announced as an alert', async () => {
    const server = createFakeServer({ me: COUNSELLOR, signedIn: false });
    const { router } = renderApp({ path: '/login', fetch: server.fetch });

    await signIn('begeleider@west-vlaanderen.leerwinkel.test', 'verkeerd');

    expect((await screen.findByRole('alert')).textContent).toBe('E-mailadres of wachtwoord klopt niet.');
    expect(router.state.location.pathname).toBe('/login');
    expect(server.calls('GET', '/api/v1/me')).toHaveLength(0);
  });

  it('says for how many minutes a locked account stays locked', async () => {
    const server = createFakeServer({
      signedIn: false,
      publicRoutes: {
        'POST /api/v1/auth/login': () =>
          problemResponse(
            429,
            'AUTH.ACCOUNT_LOCKED',
            { retryAfter: new Date(Date.now() + 5 * 60_000).toISOString() },
            { 'retry-after': '300' },
          ),
      },
    });
    renderApp({ path: '/login', fetch: server.fetch });

    await signIn('begeleider@west-vlaanderen.leerwinkel.test', 'nog eens fout');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('tijdelijk vergrendeld');
    expect(alert.textContent).toContain('over 5 minuten');
  });

  it('falls back on the Retry-After header, with a singular for one minute', async () => {
    const server = createFakeServer({
      signedIn: false,
      publicRoutes: {
        'POST /api/v1/auth/login': () => problemResponse(429, 'AUTH.ACCOUNT_LOCKED', {}, { 'retry-after': '42' }),
      },
    });
    renderApp({ path: '/login', fetch: server.fetch });

    await signIn('a@b.be', 'x');

    expect((await screen.findByRole('alert')).textContent).toContain('over 1 minuut opnieuw');
  });

  it('explains rate limiting', async () => {
    const server = createFakeServer({
      signedIn: false,
      publicRoutes: { 'POST /api/v1/auth/login': () => problemResponse(429, 'REQUEST.RATE_LIMITED') },
    });
    renderApp({ path: '/login', fetch: server.fetch });
    await signIn('a@b.be', 'x');
    expect((await screen.findByRole('alert')).textContent).toContain('Te veel aanmeldpogingen');
  });

  it('shows validation errors at their field', async () => {
    const server = createFakeServer({
      signedIn: false,
      publicRoutes: {
        'POST /api/v1/auth/login': () =>
          problemResponse(400, 'VALIDATION.FAILED', {
            errors: [{ field: 'email', message: 'email must be an email', rule: 'isEmail' }],
          }),
      },
    });
    renderApp({ path: '/login', fetch: server.fetch });
    await signIn('iemand@voorbeeld', 'x');

    expect((await screen.findByRole('alert')).textContent).toContain('Kijk de gemarkeerde velden na');
    const email = screen.getByLabelText('E-mailadres');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(email)).toContain('Vul een geldig e-mailadres in');
    expect(screen.getByLabelText('Wachtwoord').getAttribute('aria-invalid')).toBeNull();
  });

  it('returns the user to the page they asked for after signing in', async () => {
    const server = createFakeServer({ me: COORDINATOR, signedIn: false, routes: regionRoutes });
    const { router } = renderApp({ path: '/regions/west-vlaanderen/users', fetch: server.fetch });

    await screen.findByRole('heading', { level: 1, name: 'Aanmelden' });
    expect(router.state.location.pathname).toBe('/login');
    await signIn('coordinator@west-vlaanderen.leerwinkel.test', 'Leerwinkel-demo-2026');

    expect(await screen.findByRole('heading', { level: 2, name: 'Gebruikers van de regio' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/regions/west-vlaanderen/users');
  });

  it('skips the form when the refresh cookie still holds a session', async () => {
    const server = createFakeServer({ me: COUNSELLOR, routes: regionRoutes });
    const { router } = renderApp({ path: '/login', fetch: server.fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Leerwinkel West-Vlaanderen' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/regions/west-vlaanderen');
  });
});
