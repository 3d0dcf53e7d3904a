import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '@leerwinkel/contracts';
import { jsonResponse } from '@/test/fake-fetch';
import { ADMIN, ANALYST, COUNSELLOR, createFakeServer, noContent } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

type Client = components['schemas']['ClientDto'];

const PARTNER = { id: '10000000-0000-4000-8000-000000000001', name: 'CVO Brugge', status: 'active' as const };
const SECRET = 'lwcs_super-geheim-0123456789';
const ROTATED_SECRET = 'lwcs_nieuw-geheim-9876543210';

function partnerServer() {
  const clients: Client[] = [];
  const server = createFakeServer({
    me: ADMIN,
    routes: {
      'GET /api/v1/admin/partners': () => jsonResponse({ items: [PARTNER], nextCursor: null }),
      'GET /api/v1/admin/partners/:partnerId/clients': () => jsonResponse({ items: clients, nextCursor: null }),
      'POST /api/v1/admin/partners/:partnerId/clients': async (request) => {
        const body = (await request.clone().json()) as Pick<Client, 'name' | 'scopes'>;
        const client: Client = {
          clientId: 'lwc_abc',
          name: body.name,
          scopes: body.scopes,
          status: 'active',
          createdAt: '2026-03-05T13:07:00Z',
          secretRotatedAt: '2026-03-05T13:07:00Z',
        };
        clients.push(client);
        return jsonResponse({ client, clientSecret: SECRET }, 201);
      },
      'POST /api/v1/admin/partners/:partnerId/clients/:clientId/rotate-secret': () =>
        jsonResponse({ client: clients[0], clientSecret: ROTATED_SECRET }),
      'DELETE /api/v1/admin/partners/:partnerId/clients/:clientId': () => {
        const [client] = clients;
        if (client) client.status = 'revoked';
        return noContent();
      },
      'POST /api/v1/admin/partners/:partnerId/users': async (request) => {
        const body = (await request.clone().json()) as { email: string; displayName: string };
        return jsonResponse(
          {
            user: {
              id: 'u-1',
              ...body,
              status: 'invited',
              centralRole: null,
              partnerId: PARTNER.id,
              lastLoginAt: null,
            },
            invitationUrl: 'http://localhost:3000/set-password#token=partner-token',
            invitationExpiresAt: '2026-03-12T13:07:00Z',
          },
          201,
        );
      },
    },
  });
  return { server, clients };
}

async function openPartner(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Beheren: CVO Brugge' }));
  const heading = await screen.findByRole('heading', { level: 3, name: 'API-clients van CVO Brugge' });
  return heading.parentElement as HTMLElement;
}

describe('admin: partners and API clients', () => {
  it('shows a new client secret once, with copy buttons and a warning, and keeps it nowhere', async () => {
    const { server } = partnerServer();
    const { queryClient } = renderApp({ path: '/admin/partners', fetch: server.fetch });
    const detail = await openPartner();
    expect(await within(detail).findByText('Deze partner heeft nog geen API-clients.')).toBeDefined();

    fireEvent.change(within(detail).getByLabelText('Naam van de API-client'), {
      target: { value: 'Leerlingenadministratie' },
    });
    fireEvent.click(within(detail).getByRole('checkbox', { name: /Doorverwijzingen lezen/ }));
    fireEvent.click(within(detail).getByRole('button', { name: 'API-client aanmaken' }));

    const notice = await screen.findByRole('region', { name: 'Het geheim van Leerlingenadministratie' });
    expect(document.activeElement).toBe(notice);
    expect(within(notice).getByText(/Het wordt maar één keer getoond/)).toBeDefined();
    expect(within(notice).getByLabelText<HTMLInputElement>('Clientgeheim').value).toBe(SECRET);
    expect(within(notice).getByLabelText<HTMLInputElement>('Client-ID').value).toBe('lwc_abc');
    expect(within(notice).getAllByRole('button', { name: 'Kopiëren' })).toHaveLength(2);

    const [create] = server.calls('POST', `/api/v1/admin/partners/${PARTNER.id}/clients`);
    expect(await create?.json()).toEqual({ name: 'Leerlingenadministratie', scopes: ['referrals:read'] });

    // The list is refreshed and shows the client, never the secret.
    const table = await within(detail).findByRole('table');
    expect(within(table).getByText('Leerlingenadministratie')).toBeDefined();
    expect(table.innerHTML).not.toContain(SECRET);

    fireEvent.click(within(notice).getByRole('button', { name: 'Ik heb het geheim veilig bewaard' }));

    expect(screen.queryByRole('region', { name: 'Het geheim van Leerlingenadministratie' })).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET);
    await waitFor(() => {
      const cached = JSON.stringify([
        ...queryClient
          .getQueryCache()
          .getAll()
          .map((query) => query.state.data),
        ...queryClient
          .getMutationCache()
          .getAll()
          .map((mutation) => mutation.state.data),
      ]);
      expect(cached).not.toContain(SECRET);
    });
  });

  it('rotates a secret after confirmation and shows the new one once', async () => {
    const { server, clients } = partnerServer();
    clients.push({
      clientId: 'lwc_abc',
      name: 'Leerlingenadministratie',
      scopes: ['referrals:read'],
      status: 'active',
      createdAt: '2026-03-05T13:07:00Z',
      secretRotatedAt: '2026-03-05T13:07:00Z',
    });
    renderApp({ path: '/admin/partners', fetch: server.fetch });
    const detail = await openPartner();

    fireEvent.click(await within(detail).findByRole('button', { name: 'Nieuw geheim: Leerlingenadministratie' }));
    expect(within(detail).getByText(/werkt dan meteen niet meer/)).toBeDefined();
    expect(server.calls('POST', `/api/v1/admin/partners/${PARTNER.id}/clients/lwc_abc/rotate-secret`)).toHaveLength(0);
    fireEvent.click(within(detail).getByRole('button', { name: 'Ja, nieuw geheim' }));

    const notice = await screen.findByRole('region', { name: 'Het geheim van Leerlingenadministratie' });
    expect(within(notice).getByLabelText<HTMLInputElement>('Clientgeheim').value).toBe(ROTATED_SECRET);
  });

  it('revokes a client after confirmation', async () => {
    const { server, clients } = partnerServer();
    clients.push({
      clientId: 'lwc_abc',
      name: 'Leerlingenadministratie',
      scopes: ['referrals:read', 'registrations:write'],
      status: 'active',
      createdAt: '2026-03-05T13:07:00Z',
      secretRotatedAt: '2026-03-05T13:07:00Z',
    });
    renderApp({ path: '/admin/partners', fetch: server.fetch });
    const detail = await openPartner();
    expect(await within(detail).findByText('Doorverwijzingen lezen, Inschrijvingen doorgeven')).toBeDefined();

    fireEvent.click(within(detail).getByRole('button', { name: 'Intrekken: Leerlingenadministratie' }));
    fireEvent.click(within(detail).getByRole('button', { name: 'Ja, intrekken' }));

    expect(await within(detail).findByText('De API-client is ingetrokken.')).toBeDefined();
    expect(await within(detail).findByText('Ingetrokken')).toBeDefined();
    expect(server.calls('DELETE', `/api/v1/admin/partners/${PARTNER.id}/clients/lwc_abc`)).toHaveLength(1);
  });

  it('invites a partner user and shows the link', async () => {
    const { server } = partnerServer();
    renderApp({ path: '/admin/partners', fetch: server.fetch });
    const detail = await openPartner();
    const section = within(detail).getByRole('heading', { name: 'Gebruiker van de partner uitnodigen' })
      .parentElement as HTMLElement;
    fireEvent.change(within(section).getByLabelText('Naam'), { target: { value: 'Pia Partner' } });
    fireEvent.change(within(section).getByLabelText('E-mailadres'), { target: { value: 'pia@cvo.test' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Uitnodigen' }));

    const notice = await screen.findByRole('region', { name: 'Pia Partner is uitgenodigd' });
    expect(within(notice).getByLabelText<HTMLInputElement>('Uitnodigingslink').value).toBe(
      'http://localhost:3000/set-password#token=partner-token',
    );
  });
});

describe('admin: regions and central users', () => {
  it('appoints a coordinator and shows the invitation link', async () => {
    const server = createFakeServer({
      me: ADMIN,
      routes: {
        'GET /api/v1/admin/regions': () =>
          jsonResponse({
            items: [
              {
                id: 'r-1',
                slug: 'limburg',
                displayName: 'Leerwinkel Limburg',
                status: 'active',
                schemaVersion: 1,
                createdAt: '2026-01-02T10:00:00Z',
              },
            ],
            nextCursor: null,
          }),
        'POST /api/v1/admin/regions/:slug/coordinators': () =>
          jsonResponse(
            {
              member: {
                id: 'm-1',
                email: 'coordinator@limburg.test',
                displayName: 'Lies Limburg',
                status: 'invited',
                role: 'coordinator',
                membershipStatus: 'active',
                organisationId: null,
                lastLoginAt: null,
              },
              invitationUrl: 'http://localhost:3000/set-password#token=coord',
              invitationExpiresAt: '2026-03-12T13:07:00Z',
            },
            201,
          ),
      },
    });
    renderApp({ path: '/admin', fetch: server.fetch });

    fireEvent.click(await screen.findByRole('button', { name: 'Coördinator aanstellen: Leerwinkel Limburg' }));
    const form = screen.getByRole('form', { name: 'Coördinator aanstellen voor Leerwinkel Limburg' });
    fireEvent.change(within(form).getByLabelText('Naam'), { target: { value: 'Lies Limburg' } });
    fireEvent.change(within(form).getByLabelText('E-mailadres'), { target: { value: 'coordinator@limburg.test' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Coördinator aanstellen' }));

    const notice = await screen.findByRole('region', { name: 'Lies Limburg is coördinator van Leerwinkel Limburg' });
    expect(within(notice).getByLabelText<HTMLInputElement>('Uitnodigingslink').value).toBe(
      'http://localhost:3000/set-password#token=coord',
    );
    expect(server.calls('POST', '/api/v1/admin/regions/limburg/coordinators')).toHaveLength(1);
  });

  it('refuses an invalid region code before asking the API', async () => {
    const server = createFakeServer({
      me: ADMIN,
      routes: { 'GET /api/v1/admin/regions': () => jsonResponse({ items: [], nextCursor: null }) },
    });
    renderApp({ path: '/admin', fetch: server.fetch });
    fireEvent.change(await screen.findByLabelText('Naam'), { target: { value: 'Gent' } });
    fireEvent.change(screen.getByLabelText(/^Code/), { target: { value: 'Gent Centrum' } });
    fireEvent.click(screen.getByRole('button', { name: 'Regio aanmaken' }));
    expect(await screen.findByText(/Gebruik 2 tot 41 tekens/)).toBeDefined();
    expect(server.calls('POST', '/api/v1/admin/regions')).toHaveLength(0);
  });

  it('creates a central user with a role and deactivates another', async () => {
    const users = [
      {
        id: ADMIN.id,
        email: ADMIN.email,
        displayName: ADMIN.displayName,
        status: 'active' as const,
        centralRole: 'platform_admin' as const,
        partnerId: null,
        lastLoginAt: null,
      },
      {
        id: ANALYST.id,
        email: ANALYST.email,
        displayName: ANALYST.displayName,
        status: 'active' as const,
        centralRole: 'analyst' as const,
        partnerId: null,
        lastLoginAt: null,
      },
    ];
    const server = createFakeServer({
      me: ADMIN,
      routes: {
        'GET /api/v1/admin/users': () => jsonResponse({ items: users, nextCursor: null }),
        'POST /api/v1/admin/users': async (request) => {
          const body = (await request.clone().json()) as { email: string; displayName: string };
          return jsonResponse(
            {
              user: { ...users[1], id: 'new', ...body },
              invitationUrl: 'http://localhost:3000/set-password#token=central',
              invitationExpiresAt: '2026-03-12T13:07:00Z',
            },
            201,
          );
        },
        'PATCH /api/v1/admin/users/:userId': () => jsonResponse({ ...users[1], status: 'deactivated' }),
      },
    });
    renderApp({ path: '/admin/users', fetch: server.fetch });

    fireEvent.click(await screen.findByRole('button', { name: 'Deactiveren: Ann Analist' }));
    expect(await screen.findByText('De gegevens van Ann Analist zijn aangepast.')).toBeDefined();
    expect(await server.calls('PATCH', `/api/v1/admin/users/${ANALYST.id}`)[0]?.json()).toEqual({
      status: 'deactivated',
    });
    expect(screen.queryByRole('button', { name: 'Deactiveren: Ad Beheerder' })).toBeNull();

    const form = screen.getByRole('heading', { name: 'Nieuwe gebruiker van het ondersteuningspunt' })
      .parentElement as HTMLElement;
    fireEvent.change(within(form).getByLabelText('Naam'), { target: { value: 'Nora Nieuw' } });
    fireEvent.change(within(form).getByLabelText('E-mailadres'), { target: { value: 'nora@op.test' } });
    fireEvent.change(within(form).getByLabelText('Rol'), { target: { value: 'platform_admin' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gebruiker aanmaken' }));

    expect(await screen.findByRole('region', { name: 'Nora Nieuw is aangemaakt' })).toBeDefined();
    expect(await server.calls('POST', '/api/v1/admin/users')[0]?.json()).toEqual({
      displayName: 'Nora Nieuw',
      email: 'nora@op.test',
      centralRole: 'platform_admin',
    });
  });

  it('a counsellor who opens /admin gets the 403 page', async () => {
    const server = createFakeServer({ me: COUNSELLOR });
    renderApp({ path: '/admin/partners', fetch: server.fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeDefined();
    expect(server.calls('GET', '/api/v1/admin/partners')).toHaveLength(0);
  });

  it('an analyst sees no admin pages either', async () => {
    renderApp({ path: '/admin', fetch: createFakeServer({ me: ANALYST }).fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeDefined();
  });
});
