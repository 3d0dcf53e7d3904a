import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '@/i18n/setup';
import { renderApp } from '@/test/render-app';

describe('layout shell', () => {
  it('has a skip link to the main landmark, a banner with the product name and a footer', async () => {
    renderApp();
    await screen.findByRole('heading', { level: 1 });

    const main = screen.getByRole('main');
    const skipLink = screen.getByRole('link', { name: 'Naar de inhoud' });
    expect(skipLink.getAttribute('href')).toBe(`#${main.id}`);
    expect(main.id).not.toBe('');

    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: 'Leerwinkel' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('contentinfo').textContent).toContain('Leerwinkel');
  });
});

describe('language switch', () => {
  it('starts in Dutch (nl-BE) with <html lang="nl-BE">', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden' })).toBeDefined();
    expect(document.documentElement.lang).toBe('nl-BE');
    const group = screen.getByRole('group', { name: 'Taal' });
    expect(within(group).getByRole('button', { name: 'Nederlands' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(group).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('switches visible text and <html lang> to English and back, and remembers the choice', async () => {
    renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Aanmelden' });
    expect(await screen.findByText('API en database bereikbaar')).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeDefined();
    expect(screen.queryByRole('heading', { name: 'Aanmelden' })).toBeNull();
    expect(screen.getByText('API and database reachable')).toBeDefined();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeDefined();
    expect(screen.getByRole('group', { name: 'Language' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    fireEvent.click(screen.getByRole('button', { name: 'Nederlands' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden' })).toBeDefined();
    expect(document.documentElement.lang).toBe('nl-BE');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('nl-BE');
  });

  it('starts in the language stored by an earlier visit', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeDefined();
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores an unsupported stored language and falls back to nl-BE', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden' })).toBeDefined();
    expect(document.documentElement.lang).toBe('nl-BE');
  });
});
