import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COUNSELLOR, createFakeServer } from '@/test/fake-api';
import { aCase, guidanceRoutes, page, queryOf, REGION, type Case } from '@/test/guidance-fixtures';
import { renderApp } from '@/test/render-app';

const ON_TIME = aCase({
  id: '40000000-0000-4000-8000-00000000000a',
  learnerName: 'Jan Peeters',
  status: 'guidance',
  nextDueDate: '2026-12-20',
  contactCount: 3,
});
const LATE = aCase({
  id: '40000000-0000-4000-8000-00000000000b',
  learnerName: 'Ayşe Çelik',
  status: 'intake',
  nextDueDate: '2026-03-01',
  overdue: true,
  contactCount: 1,
});

function caseloadServer(cases: Case[]) {
  return createFakeServer({
    me: COUNSELLOR,
    routes: guidanceRoutes({
      'GET /api/v1/regions/:region/cases': (request) => {
        const status = new URL(request.url).searchParams.get('status');
        return page(cases.filter((item) => status === null || item.status === status));
      },
    }),
  });
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('caseload (Mijn dossiers)', () => {
  it('asks for my cases and shows the overdue ones first, marked in words', async () => {
    const server = caseloadServer([ON_TIME, LATE]);
    renderApp({ path: `/regions/${REGION}/caseload`, fetch: server.fetch });

    expect(await screen.findByRole('heading', { level: 2, name: 'Mijn dossiers' })).toBeDefined();
    const table = await screen.findByRole('table', { name: 'Mijn dossiers, achterstallige eerst' });
    const rows = rowsOf(table);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Ayşe Çelik', 'Jan Peeters']);
    expect(within(rows[0] as HTMLElement).getByText('Achterstallig')).toBeDefined();
    expect(within(rows[0] as HTMLElement).getByText('01/03/2026')).toBeDefined();
    expect(within(rows[1] as HTMLElement).queryByText('Achterstallig')).toBeNull();
    // Kind and status of Jan's case are both "Begeleiding".
    expect(within(rows[1] as HTMLElement).getAllByText('Begeleiding', { selector: 'td' })).toHaveLength(2);
    expect(screen.getByText('2 dossiers getoond. 1 ervan is achterstallig.')).toBeDefined();

    const [request] = server.calls('GET', `/api/v1/regions/${REGION}/cases`);
    expect(queryOf(request)).toEqual({ mine: 'true' });
    expect(document.title).toBe('Mijn dossiers — Leerwinkel West-Vlaanderen — Leerwinkel');
  });

  it('filters by status, sending it to the API and keeping it in the address', async () => {
    const server = caseloadServer([ON_TIME, LATE]);
    const { router } = renderApp({ path: `/regions/${REGION}/caseload`, fetch: server.fetch });
    await screen.findByRole('table');

    fireEvent.change(screen.getByLabelText('Toon dossiers met status'), { target: { value: 'guidance' } });

    const table = await screen.findByRole('table', {
      name: 'Mijn dossiers met status Begeleiding, achterstallige eerst',
    });
    await waitFor(() => {
      expect(rowsOf(table).map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Jan Peeters']);
    });
    const calls = server.calls('GET', `/api/v1/regions/${REGION}/cases`);
    expect(queryOf(calls.at(-1))).toEqual({ mine: 'true', status: 'guidance' });
    expect(router.state.location.search).toBe('?status=guidance');

    fireEvent.change(screen.getByLabelText('Toon dossiers met status'), { target: { value: 'closed' } });
    expect(await screen.findByText('Je hebt geen dossiers met status Afgesloten.')).toBeDefined();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('links each case to its page, where the focus lands on the heading', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/cases': () => page([LATE]),
        'GET /api/v1/regions/:region/cases/:caseId': () => Promise.resolve(new Response(JSON.stringify(LATE))),
      }),
    });
    const { router } = renderApp({ path: `/regions/${REGION}/caseload`, fetch: server.fetch });

    fireEvent.click(await screen.findByRole('link', { name: 'Ayşe Çelik' }));

    const heading = await screen.findByRole('heading', { level: 2, name: 'Traject van Ayşe Çelik' });
    expect(router.state.location.pathname).toBe(`/regions/${REGION}/cases/${LATE.id}`);
    await waitFor(() => {
      expect(document.activeElement).toBe(heading);
    });
  });

  it('is in the region navigation, for counsellors too', async () => {
    const server = caseloadServer([]);
    const { router } = renderApp({ path: `/regions/${REGION}`, fetch: server.fetch });
    const nav = await screen.findByRole('navigation', { name: 'Onderdelen van de regio' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Mijn dossiers' }));
    expect(await screen.findByText(/Je hebt nog geen dossiers/)).toBeDefined();
    expect(router.state.location.pathname).toBe(`/regions/${REGION}/caseload`);
    expect(within(nav).getByRole('link', { name: 'Mijn dossiers' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Lerenden' })).toBeDefined();
  });
});
