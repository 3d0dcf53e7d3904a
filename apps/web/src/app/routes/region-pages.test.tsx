import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@leerwinkel/contracts';
import { jsonResponse } from '@/test/fake-fetch';
import { COORDINATOR, COUNSELLOR, createFakeServer, problemResponse, WEST_SETTINGS } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

type Member = components['schemas']['MemberDto'];

const MEMBERS: Member[] = [
  {
    id: COORDINATOR.id,
    email: COORDINATOR.email,
    displayName: COORDINATOR.displayName,
    status: 'active',
    role: 'coordinator',
    membershipStatus: 'active',
    organisationId: null,
    organisationName: null,
    lastLoginAt: '2026-03-05T13:07:00Z',
  },
  {
    id: COUNSELLOR.id,
    email: COUNSELLOR.email,
    displayName: COUNSELLOR.displayName,
    status: 'invited',
    role: 'counsellor',
    membershipStatus: 'active',
    organisationId: null,
    organisationName: null,
    lastLoginAt: null,
  },
];

function regionRoutes(overrides: Record<string, (request: Request) => Response | Promise<Response>> = {}) {
  return {
    'GET /api/v1/regions/:region/settings': (_request: Request, params: Record<string, string>) =>
      jsonResponse({ ...WEST_SETTINGS, region: params.region }),
    'GET /api/v1/regions/:region/members': () => jsonResponse({ items: MEMBERS, nextCursor: null }),
    'GET /api/v1/regions/:region/organisations': () =>
      jsonResponse({ items: [{ id: '20000000-0000-4000-8000-000000000001', name: 'CVO Kortrijk' }], nextCursor: null }),
    ...overrides,
  };
}

afterEach(() => {
  Reflect.deleteProperty(window.navigator, 'clipboard');
});

describe('region switcher', () => {
  it('lists the memberships and navigates to the chosen region', async () => {
    const server = createFakeServer({ me: COORDINATOR, routes: regionRoutes() });
    const { router } = renderApp({ path: '/regions/west-vlaanderen', fetch: server.fetch });
    await screen.findByRole('heading', { level: 1, name: 'Leerwinkel West-Vlaanderen' });

    const banner = screen.getByRole('banner');
    const toggle = within(banner).getByRole('button', { name: /Regio: Leerwinkel West-Vlaanderen/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    const list = within(banner).getByRole('list', { name: "Je regio's" });
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Leerwinkel West-Vlaanderen', 'Leerwinkel Oost-Vlaanderen']);
    expect(links[0]?.getAttribute('aria-current')).toBe('page');
    expect(links[1]?.getAttribute('href')).toBe('/regions/oost-vlaanderen');

    fireEvent.click(within(list).getByRole('link', { name: 'Leerwinkel Oost-Vlaanderen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Leerwinkel Oost-Vlaanderen' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/regions/oost-vlaanderen');
    expect(within(banner).getByRole('button', { name: /Regio: Leerwinkel Oost-Vlaanderen/ })).toBeDefined();
    await waitFor(() => {
      expect(server.calls('GET', '/api/v1/regions/oost-vlaanderen/settings')).toHaveLength(1);
    });
  });

  it('with one membership there is nothing to switch: the region is just named', async () => {
    const server = createFakeServer({ me: COUNSELLOR, routes: regionRoutes() });
    renderApp({ path: '/regions/west-vlaanderen', fetch: server.fetch });
    await screen.findByRole('heading', { level: 1, name: 'Leerwinkel West-Vlaanderen' });
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Regio: Leerwinkel West-Vlaanderen')).toBeDefined();
    expect(within(banner).queryByRole('button', { name: /Regio/ })).toBeNull();
  });
});

describe('region page', () => {
  it('shows the settings read-only to a counsellor, without the users tab', async () => {
    const server = createFakeServer({ me: COUNSELLOR, routes: regionRoutes() });
    renderApp({ path: '/regions/west-vlaanderen', fetch: server.fetch });

    expect(await screen.findByText('info@west.leerwinkel.test')).toBeDefined();
    expect(screen.getByText('14 dagen')).toBeDefined();
    expect(screen.getByText('05/03/2026 14:07')).toBeDefined();
    expect(screen.getByText('Alleen een coördinator kan deze instellingen wijzigen.')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Instellingen wijzigen' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Gebruikers' })).toBeNull();
    expect(document.title).toBe('Leerwinkel West-Vlaanderen — Leerwinkel');
  });

  it('a region the user is not a member of shows the 403 page', async () => {
    const server = createFakeServer({ me: COUNSELLOR, routes: regionRoutes() });
    renderApp({ path: '/regions/antwerpen', fetch: server.fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeDefined();
    expect(server.calls('GET', '/api/v1/regions/antwerpen/settings')).toHaveLength(0);
  });

  it('lets a coordinator change the settings, sending only what changed, with field errors at the field', async () => {
    let attempt = 0;
    let settings = { ...WEST_SETTINGS };
    const server = createFakeServer({
      me: COORDINATOR,
      routes: regionRoutes({
        'GET /api/v1/regions/:region/settings': () => jsonResponse(settings),
        'PATCH /api/v1/regions/:region/settings': async (request) => {
          attempt += 1;
          if (attempt === 1) {
            return problemResponse(400, 'VALIDATION.FAILED', {
              errors: [{ field: 'contactPhone', message: 'contactPhone must be a phone number', rule: 'matches' }],
            });
          }
          const changes = (await request.clone().json()) as object;
          settings = { ...settings, ...changes };
          return jsonResponse(settings);
        },
      }),
    });
    renderApp({ path: '/regions/west-vlaanderen', fetch: server.fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Instellingen wijzigen' }));

    fireEvent.change(screen.getByLabelText('Contacttelefoon'), { target: { value: 'bel me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Het formaat klopt niet.')).toBeDefined();
    expect(screen.getByLabelText('Contacttelefoon').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(screen.getByLabelText('Contacttelefoon'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('De instellingen zijn opgeslagen.')).toBeDefined();

    const patches = server.calls('PATCH', '/api/v1/regions/west-vlaanderen/settings');
    expect(await patches[0]?.json()).toEqual({ contactPhone: 'bel me' });
    expect(await patches[1]?.json()).toEqual({ contactPhone: null });
    expect(await screen.findByText('Niet ingevuld')).toBeDefined();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Instellingen wijzigen' }));
  });
});

describe('users page', () => {
  it('a coordinator sees the members, can invite someone and gets the link to hand over', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(window.navigator, 'clipboard', { configurable: true, value: { writeText } });
    const server = createFakeServer({
      me: COORDINATOR,
      routes: regionRoutes({
        'POST /api/v1/regions/:region/members': async (request) => {
          const body = (await request.clone().json()) as { email: string; displayName: string; role: 'counsellor' };
          return jsonResponse(
            {
              member: { ...MEMBERS[1], id: 'new', email: body.email, displayName: body.displayName, role: body.role },
              invitationUrl: 'http://localhost:3000/set-password#token=abc123',
              invitationExpiresAt: '2026-03-12T13:07:00Z',
            },
            201,
          );
        },
      }),
    });
    const { router } = renderApp({ path: '/regions/west-vlaanderen', fetch: server.fetch });

    fireEvent.click(await screen.findByRole('link', { name: 'Gebruikers' }));
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/regions/west-vlaanderen/users');
    });

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[2] as HTMLElement).getByText('Bert Begeleider')).toBeDefined();
    expect(within(rows[2] as HTMLElement).getByText('Uitgenodigd')).toBeDefined();
    expect(within(rows[2] as HTMLElement).getByText('Nog nooit')).toBeDefined();
    expect(within(rows[1] as HTMLElement).getByText('05/03/2026 14:07')).toBeDefined();
    expect(within(rows[1] as HTMLElement).getByText('(jij)')).toBeDefined();
    expect(screen.getByText('CVO Kortrijk', { selector: 'li' })).toBeDefined();

    const form = screen.getByRole('heading', { name: 'Iemand uitnodigen' }).closest('section') as HTMLElement;
    fireEvent.change(within(form).getByLabelText('Naam'), { target: { value: 'Nina Nieuw' } });
    fireEvent.change(within(form).getByLabelText('E-mailadres'), { target: { value: 'nina@west.test' } });
    fireEvent.change(within(form).getByLabelText('Organisatie'), {
      target: { value: '20000000-0000-4000-8000-000000000001' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Uitnodigen' }));

    const notice = await screen.findByRole('region', { name: 'Nina Nieuw is uitgenodigd' });
    expect(document.activeElement).toBe(notice);
    const link = within(notice).getByLabelText<HTMLInputElement>('Uitnodigingslink');
    expect(link.value).toBe('http://localhost:3000/set-password#token=abc123');
    expect(link.readOnly).toBe(true);
    expect(within(notice).getByText('De link is geldig tot 12/03/2026 14:07.')).toBeDefined();
    expect(within(notice).getByText(/Bezorg deze persoonlijke link zelf/)).toBeDefined();

    fireEvent.click(within(notice).getByRole('button', { name: 'Kopiëren' }));
    expect(await within(notice).findByText('Gekopieerd naar het klembord.')).toBeDefined();
    expect(writeText).toHaveBeenCalledWith('http://localhost:3000/set-password#token=abc123');

    const [invite] = server.calls('POST', '/api/v1/regions/west-vlaanderen/members');
    expect(await invite?.json()).toEqual({
      displayName: 'Nina Nieuw',
      email: 'nina@west.test',
      role: 'counsellor',
      organisationId: '20000000-0000-4000-8000-000000000001',
    });
    // The list is asked again after the invitation.
    await waitFor(() => {
      expect(server.calls('GET', '/api/v1/regions/west-vlaanderen/members').length).toBeGreaterThanOrEqual(2);
    });
  });

  it('a coordinator deactivates a membership and changes a role', async () => {
    const server = createFakeServer({
      me: COORDINATOR,
      routes: regionRoutes({
        'PATCH /api/v1/regions/:region/members/:userId': async (request) => {
          const changes = (await request.clone().json()) as Partial<Member>;
          return jsonResponse({ ...MEMBERS[1], ...changes });
        },
      }),
    });
    renderApp({ path: '/regions/west-vlaanderen/users', fetch: server.fetch });

    fireEvent.click(await screen.findByRole('button', { name: 'Deactiveren: Bert Begeleider' }));
    expect(await screen.findByText('De gegevens van Bert Begeleider zijn aangepast.')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Maak coördinator: Bert Begeleider' }));

    await waitFor(() => {
      expect(server.calls('PATCH', `/api/v1/regions/west-vlaanderen/members/${COUNSELLOR.id}`)).toHaveLength(2);
    });
    const patches = server.calls('PATCH', `/api/v1/regions/west-vlaanderen/members/${COUNSELLOR.id}`);
    expect(await patches[0]?.json()).toEqual({ status: 'deactivated' });
    expect(await patches[1]?.json()).toEqual({ role: 'coordinator' });
    // No buttons to change oneself.
    expect(screen.queryByRole('button', { name: /Cora Coördinator/ })).toBeNull();
  });

  it('a counsellor gets the 403 page, and the members are never asked', async () => {
    const server = createFakeServer({ me: COUNSELLOR, routes: regionRoutes() });
    const { router } = renderApp({ path: '/regions/west-vlaanderen/users', fetch: server.fetch });

    expect(await screen.findByRole('heading', { level: 2, name: 'Geen toegang' })).toBeDefined();
    expect(screen.getByRole('heading', { level: 1, name: 'Leerwinkel West-Vlaanderen' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/regions/west-vlaanderen/users');
    expect(screen.queryByRole('table')).toBeNull();
    expect(server.calls('GET', '/api/v1/regions/west-vlaanderen/members')).toHaveLength(0);
    expect(document.title).toBe('Geen toegang — Leerwinkel');
  });

  it('adds an organisation', async () => {
    const organisations = [{ id: '20000000-0000-4000-8000-000000000001', name: 'CVO Kortrijk' }];
    const server = createFakeServer({
      me: COORDINATOR,
      routes: regionRoutes({
        'GET /api/v1/regions/:region/organisations': () => jsonResponse({ items: organisations, nextCursor: null }),
        'POST /api/v1/regions/:region/organisations': async (request) => {
          const body = (await request.clone().json()) as { name: string };
          const created = { id: '20000000-0000-4000-8000-000000000002', name: body.name };
          organisations.push(created);
          return jsonResponse(created, 201);
        },
      }),
    });
    renderApp({ path: '/regions/west-vlaanderen/users', fetch: server.fetch });
    fireEvent.change(await screen.findByLabelText('Naam van de organisatie'), { target: { value: 'VDAB Brugge' } });
    fireEvent.click(screen.getByRole('button', { name: 'Organisatie toevoegen' }));

    expect(await screen.findByText('VDAB Brugge is toegevoegd.')).toBeDefined();
    expect(await screen.findByText('VDAB Brugge', { selector: 'li' })).toBeDefined();
  });

  it('loads more members with the cursor', async () => {
    const server = createFakeServer({
      me: COORDINATOR,
      routes: regionRoutes({
        'GET /api/v1/regions/:region/members': (request) =>
          new URL(request.url).searchParams.get('cursor') === 'page-2'
            ? jsonResponse({ items: [MEMBERS[1]], nextCursor: null })
            : jsonResponse({ items: [MEMBERS[0]], nextCursor: 'page-2' }),
      }),
    });
    renderApp({ path: '/regions/west-vlaanderen/users', fetch: server.fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Meer laden' }));
    expect(await screen.findByText('Bert Begeleider')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Meer laden' })).toBeNull();
  });
});
