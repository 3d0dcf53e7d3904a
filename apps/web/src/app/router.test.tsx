import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/test/render-app';

describe('routing', () => {
  it('shows the not-found page for an unknown path, inside the layout shell', async () => {
    renderApp({ path: '/bestaat/niet' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeDefined();
    expect(screen.queryByRole('heading', { name: 'Welkom bij Leerwinkel' })).toBeNull();
    expect(screen.getByRole('main')).toBeDefined();
    expect(screen.getByRole('banner')).toBeDefined();
    expect(document.title).toBe('Pagina niet gevonden — Leerwinkel');
  });

  it('does not show the not-found page on the home page', async () => {
    renderApp({ path: '/' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Welkom bij Leerwinkel' })).toBeDefined();
    expect(screen.queryByText('Pagina niet gevonden')).toBeNull();
  });

  it('leads from the not-found page back to the home page', async () => {
    const { router } = renderApp({ path: '/onbekend' });

    fireEvent.click(await screen.findByRole('link', { name: 'Terug naar de startpagina' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Welkom bij Leerwinkel' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/');
  });
});
