import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/test/render-app';

describe('routing', () => {
  it('shows the not-found page for an unknown path, inside the layout shell', async () => {
    renderApp({ path: '/bestaat/niet' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeDefined();
    expect(screen.getByRole('main')).toBeDefined();
    expect(screen.getByRole('banner')).toBeDefined();
    expect(document.title).toBe('Pagina niet gevonden — Leerwinkel');
  });

  it('sends a visitor without a session from a protected page to the login page', async () => {
    const { router } = renderApp({ path: '/' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden' })).toBeDefined();
    expect(screen.queryByText('Pagina niet gevonden')).toBeNull();
    expect(router.state.location.pathname).toBe('/login');
    expect(document.title).toBe('Aanmelden — Leerwinkel');
  });

  it('leads from the not-found page back to the home page (the login page without a session)', async () => {
    const { router } = renderApp({ path: '/onbekend' });

    fireEvent.click(await screen.findByRole('link', { name: 'Terug naar de startpagina' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('moves the focus to the main content after a navigation', async () => {
    renderApp({ path: '/onbekend' });
    fireEvent.click(await screen.findByRole('link', { name: 'Terug naar de startpagina' }));
    await screen.findByRole('heading', { level: 1, name: 'Aanmelden' });
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });
});
