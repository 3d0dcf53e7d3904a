import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COUNSELLOR, createFakeServer, noContent, problemResponse } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const STRONG = 'drie koffie tassen op het terras';

function fill(password: string, repeat = password): void {
  fireEvent.change(screen.getByLabelText('Nieuw wachtwoord'), { target: { value: password } });
  fireEvent.change(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), { target: { value: repeat } });
  fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord instellen' }));
}

function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('set-password page', () => {
  it('sets the password with the token from the link, then asks to sign in', async () => {
    const server = createFakeServer({ publicRoutes: { 'POST /api/v1/auth/set-password': () => noContent() } });
    const { router } = renderApp({ path: '/set-password#token=uitnodiging-123', fetch: server.fetch });

    await screen.findByRole('heading', { level: 1, name: 'Wachtwoord instellen' });
    fill(STRONG);

    expect(await screen.findByText(/Je wachtwoord is ingesteld/)).toBeDefined();
    expect(router.state.location.pathname).toBe('/login');
    expect(await server.calls('POST', '/api/v1/auth/set-password')[0]?.json()).toEqual({
      token: 'uitnodiging-123',
      password: STRONG,
    });
  });

  it("shows the API's reason for a weak password at the field", async () => {
    const server = createFakeServer({
      publicRoutes: {
        'POST /api/v1/auth/set-password': () =>
          problemResponse(400, 'AUTH.WEAK_PASSWORD', {
            errors: [
              {
                field: 'password',
                message: 'password is too common: it is built from a well-known password or word',
                rule: 'passwordPolicy',
              },
            ],
          }),
      },
    });
    renderApp({ path: '/set-password#token=abc', fetch: server.fetch });
    await screen.findByRole('heading', { level: 1, name: 'Wachtwoord instellen' });
    fill('wachtwoord2026!');

    expect((await screen.findByRole('alert')).textContent).toContain('niet sterk genoeg');
    const field = screen.getByLabelText('Nieuw wachtwoord');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toContain('Dit wachtwoord is te bekend');
  });

  it('catches two different passwords before asking the API', async () => {
    const server = createFakeServer();
    renderApp({ path: '/set-password#token=abc', fetch: server.fetch });
    await screen.findByRole('heading', { level: 1, name: 'Wachtwoord instellen' });
    fill(STRONG, `${STRONG}!`);

    expect((await screen.findByRole('alert')).textContent).toContain('niet gelijk');
    expect(descriptionOf(screen.getByLabelText('Herhaal het nieuwe wachtwoord'))).toContain('niet gelijk');
    expect(server.calls('POST', '/api/v1/auth/set-password')).toHaveLength(0);
  });

  it('explains a used or expired invitation', async () => {
    const server = createFakeServer({
      publicRoutes: { 'POST /api/v1/auth/set-password': () => problemResponse(400, 'AUTH.INVITATION_INVALID') },
    });
    renderApp({ path: '/set-password#token=oud', fetch: server.fetch });
    await screen.findByRole('heading', { level: 1, name: 'Wachtwoord instellen' });
    fill(STRONG);
    expect((await screen.findByRole('alert')).textContent).toContain('al gebruikt of verlopen');
  });

  it('says so when the link has no token', async () => {
    renderApp({ path: '/set-password' });
    expect(await screen.findByText(/Deze link is onvolledig/)).toBeDefined();
    expect(screen.queryByLabelText('Nieuw wachtwoord')).toBeNull();
  });

  it('does not send someone who is still signed in (as another account) off to their own pages', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      publicRoutes: { 'POST /api/v1/auth/set-password': () => noContent() },
    });
    const { router } = renderApp({ path: '/set-password#token=abc', fetch: server.fetch });
    await screen.findByRole('heading', { level: 1, name: 'Wachtwoord instellen' });
    fill(STRONG);
    expect(await screen.findByText(/nog aangemeld met een ander account/)).toBeDefined();
    expect(router.state.location.pathname).toBe('/set-password');
  });
});
