import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANALYST, COORDINATOR, COUNSELLOR, createFakeServer, problemResponse, type FakeRoutes } from '@/test/fake-api';
import { jsonResponse } from '@/test/fake-fetch';
import { queryOf } from '@/test/guidance-fixtures';
import { aMonthReport, aRegionIndicatorReport, aRegionReport, REGIONS } from '@/test/indicator-fixtures';
import { renderApp } from '@/test/render-app';

const CENTRAL = '/api/v1/central/indicators';

function centralServer(routes: FakeRoutes = {}) {
  return createFakeServer({
    me: ANALYST,
    routes: {
      'GET /api/v1/regions': () => jsonResponse({ items: REGIONS, nextCursor: null }),
      [`GET ${CENTRAL}`]: (request) =>
        jsonResponse(queryOf(request).groupBy === 'month' ? aMonthReport() : aRegionReport()),
      ...routes,
    },
  });
}

/** The requests for one breakdown (month or region) of the central indicators. */
function indicatorCalls(server: ReturnType<typeof centralServer>, groupBy: string) {
  return server.calls('GET', CENTRAL).filter((request) => queryOf(request).groupBy === groupBy);
}

function tableByCaption(name: string | RegExp): HTMLElement {
  return screen.getByRole('table', { name });
}

/** The cells of the row whose header is `header` (texts). */
function rowOf(table: HTMLElement, header: string): string[] {
  const row = within(table).getByRole('rowheader', { name: header }).closest('tr') as HTMLElement;
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

describe('support point dashboard', () => {
  it('shows the key figures, "Cijfers van" and the charts from the API answer', async () => {
    const server = centralServer();
    renderApp({ path: '/central', fetch: server.fetch });

    expect(await screen.findByRole('heading', { level: 1, name: 'Ondersteuningspunt' })).toBeDefined();
    const figures = await screen.findByRole('region', { name: 'Kerncijfers' });
    const figure = (label: string) =>
      within(figures).getByText(label).parentElement?.querySelector('.key-figure__value')?.textContent;
    expect(figure('Nieuwe trajecten')).toBe('63');
    expect(figure('Laaggeschoold')).toBe('41,2%');
    expect(figure('Tot het eerste gesprek')).toBe('6 dagen');
    expect(figure('Tot de eerste toeleiding')).toBe('14 dagen');
    expect(figure('Zonder uitstroomgegevens')).toBe('25%');
    expect(screen.getByText('Cijfers van 05/03/2026 14:07')).toBeDefined();
    expect(screen.getByText('Periode: 1 januari 2026 tot en met 31 maart 2026')).toBeDefined();
    expect(document.title).toBe('Ondersteuningspunt — Leerwinkel');

    // Every chart is an image with a summary of what it shows.
    const trend = screen.getByRole('img', { name: /^Lijngrafiek van de nieuwe trajecten per maand/ });
    expect(trend.getAttribute('aria-label')).toContain('Begeleiding: 48 in totaal, het meest in maart 2026 (18).');
    expect(trend.getAttribute('aria-label')).toContain('onderbreking in de lijn');
    const bars = screen.getByRole('img', { name: /^Staafdiagram van de nieuwe trajecten in 3 regio's, samen 63\./ });
    expect(bars.getAttribute('aria-label')).toContain('Het meest: Leerwinkel West-Vlaanderen (42).');
    expect(bars.getAttribute('aria-label')).toContain('Bij 1 regio is het aantal verborgen.');
    expect(screen.getByRole('img', { name: /^Gestapelde staven/ }).getAttribute('aria-label')).toContain(
      'In totaal 24 verstuurd en 6 afgerond (25%).',
    );

    // Both breakdowns, with the default view: the last 12 months, all regions.
    expect(indicatorCalls(server, 'month')).toHaveLength(1);
    expect(indicatorCalls(server, 'region')).toHaveLength(1);
    const query = queryOf(indicatorCalls(server, 'region')[0]);
    expect(query.regions).toBeUndefined();
    expect(query.kind).toBeUndefined();
    expect(query.from).toMatch(/^\d{4}-\d{2}-01$/);
    expect(query.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows suppressed counts as "< 5" and explains why', async () => {
    renderApp({ path: '/central', fetch: centralServer().fetch });

    const comparison = await screen.findByRole('table', { name: /^De belangrijkste indicatoren per regio/ });
    expect(rowOf(comparison, 'Leerwinkel Oost-Vlaanderen').slice(0, 3)).toEqual(['< 5', 'verborgen', 'verborgen']);
    expect(rowOf(comparison, 'Leerwinkel West-Vlaanderen').slice(0, 3)).toEqual(['42', '37,5%', '7']);
    expect(rowOf(comparison, 'Vlaams totaal')).toEqual(['63', '41,2%', '6', '14', '24', '25%', '25%', '7']);

    const legend = screen.getByRole('complementary', { name: 'Kleine aantallen zijn verborgen' });
    expect(legend.textContent).toContain('< 5');
    expect(legend.textContent).toContain('Een aantal kleiner dan 5 wordt niet getoond, om de privacy');
  });

  it('has the data of every chart in a table next to it', async () => {
    renderApp({ path: '/central', fetch: centralServer().fetch });
    await screen.findByRole('region', { name: 'Kerncijfers' });

    const trendPanel = screen.getByRole('region', { name: 'Nieuwe trajecten per maand' });
    const disclosure = within(trendPanel).getByText('Toon de cijfers als tabel');
    fireEvent.click(disclosure);
    const trend = tableByCaption('Nieuwe trajecten per maand en per soort traject');
    expect(
      within(trend)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Maand', 'Infobemiddeling', 'Begeleiding', 'Totaal']);
    expect(rowOf(trend, 'januari 2026')).toEqual(['6', '14', '20']);
    expect(rowOf(trend, 'februari 2026')).toEqual(['< 5', '16', '< 5']);
    expect(rowOf(trend, 'Hele periode')).toEqual(['15', '48', '63']);

    const regions = tableByCaption('Nieuwe trajecten per regio');
    expect(rowOf(regions, 'Leerwinkel Antwerpen')).toEqual(['18']);
    expect(rowOf(regions, 'Leerwinkel Oost-Vlaanderen')).toEqual(['< 5']);
    expect(rowOf(regions, 'Vlaams totaal')).toEqual(['63']);

    const outcomes = tableByCaption('Toeleidingen per partnertype en hun uitkomst');
    expect(
      within(outcomes)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Partnertype', 'Verstuurd', 'Aanvaard', 'Ingeschreven', 'Gestart', 'Afgerond', 'Aandeel afgerond']);
    expect(rowOf(outcomes, 'Centrum voor volwassenenonderwijs (CVO)')).toEqual(['20', '15', '12', '10', '6', '30%']);
    expect(rowOf(outcomes, 'VDAB')).toEqual(['< 5', '< 5', '0', '0', '0', 'verborgen']);
    // A partner type without referrals is left out.
    expect(within(outcomes).queryByRole('rowheader', { name: 'Syntra' })).toBeNull();
  });

  it('lists every indicator as a table with Dutch category labels', async () => {
    renderApp({ path: '/central', fetch: centralServer().fetch });
    const all = await screen.findByRole('region', { name: 'Alle indicatoren' });

    fireEvent.click(within(all).getByText('Bereik per onderwijsniveau'));
    const education = tableByCaption(/^Bereik per onderwijsniveau, van 1 januari 2026/);
    expect(
      within(education)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Categorie', 'Aantal', 'Aandeel']);
    expect(rowOf(education, 'Laaggeschoold (ISCED 0–2)')).toEqual(['', '41,2%']);
    expect(rowOf(education, 'Onbekend')).toEqual(['12', '']);
    expect(rowOf(education, 'Totaal')).toEqual(['63', '']);
    expect(within(all).getByText('Geen passend aanbod')).toBeDefined();
  });

  it('reads the filters from the address and asks the API for that view', async () => {
    const server = centralServer();
    renderApp({
      path: '/central?from=2025-10-01&to=2026-03-31&kind=guidance&regions=west-vlaanderen,antwerpen',
      fetch: server.fetch,
    });
    await screen.findByRole('region', { name: 'Kerncijfers' });

    for (const groupBy of ['month', 'region']) {
      expect(queryOf(indicatorCalls(server, groupBy)[0])).toEqual({
        from: '2025-10-01',
        to: '2026-03-31',
        kind: 'guidance',
        regions: 'antwerpen,west-vlaanderen',
        groupBy,
      });
    }
    const form = screen.getByRole('form', { name: 'Filters' });
    expect(within(form).getByLabelText<HTMLInputElement>('Van').value).toBe('2025-10-01');
    expect(within(form).getByLabelText<HTMLInputElement>('Tot en met').value).toBe('2026-03-31');
    expect(within(form).getByLabelText<HTMLSelectElement>('Soort traject').value).toBe('guidance');
    const checked = (name: string) => within(form).getByLabelText<HTMLInputElement>(name).checked;
    expect(checked('Leerwinkel Antwerpen')).toBe(true);
    expect(checked('Leerwinkel Oost-Vlaanderen')).toBe(false);
    expect(checked('Leerwinkel West-Vlaanderen')).toBe(true);
    // Not all regions: the total is the selection's.
    expect(screen.getAllByRole('rowheader', { name: 'Totaal van de selectie' }).length).toBeGreaterThan(0);
    // One kind: one line, named in the chart's summary.
    expect(screen.getByRole('img', { name: /^Lijngrafiek/ }).getAttribute('aria-label')).not.toContain(
      'Infobemiddeling',
    );
  });

  it('writes the chosen filters to the address and shows that view', async () => {
    const server = centralServer();
    const { router } = renderApp({ path: '/central', fetch: server.fetch });
    const form = await screen.findByRole('form', { name: 'Filters' });
    await within(form).findByLabelText('Leerwinkel Oost-Vlaanderen');

    fireEvent.change(within(form).getByLabelText('Van'), { target: { value: '2025-07-01' } });
    fireEvent.change(within(form).getByLabelText('Tot en met'), { target: { value: '2025-12-31' } });
    fireEvent.change(within(form).getByLabelText('Soort traject'), { target: { value: 'info' } });
    fireEvent.click(within(form).getByLabelText('Leerwinkel Oost-Vlaanderen'));
    fireEvent.click(within(form).getByRole('button', { name: 'Toon de cijfers' }));

    await waitFor(() => {
      expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
        from: '2025-07-01',
        to: '2025-12-31',
        kind: 'info',
        regions: 'antwerpen,west-vlaanderen',
      });
    });
    await waitFor(() => {
      expect(queryOf(indicatorCalls(server, 'region').at(-1))).toEqual({
        from: '2025-07-01',
        to: '2025-12-31',
        kind: 'info',
        regions: 'antwerpen,west-vlaanderen',
        groupBy: 'region',
      });
    });

    // Back to the default view: no filters in the address.
    fireEvent.click(await screen.findByRole('button', { name: 'Standaardweergave' }));
    await waitFor(() => {
      expect(router.state.location.search).toBe('');
    });
  });

  it("checks the period before asking, and shows the API's field errors at the field", async () => {
    const server = centralServer({
      [`GET ${CENTRAL}`]: () =>
        problemResponse(400, 'VALIDATION.FAILED', {
          errors: [{ field: 'to', message: 'to must not be more than a year ahead', rule: 'period' }],
        }),
    });
    renderApp({ path: '/central?from=2026-01-01&to=2030-12-31', fetch: server.fetch });

    expect(await screen.findByText('Niet alle gegevens zijn in orde. Kijk de gemarkeerde velden na.')).toBeDefined();
    const form = screen.getByRole('form', { name: 'Filters' });
    const to = within(form).getByLabelText('Tot en met');
    await waitFor(() => {
      expect(to.getAttribute('aria-invalid')).toBe('true');
    });

    const before = server.calls('GET', CENTRAL).length;
    fireEvent.change(to, { target: { value: '2025-12-31' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Toon de cijfers' }));
    expect(await within(form).findByText('Deze datum ligt vóór de begindatum.')).toBeDefined();
    expect(server.calls('GET', CENTRAL)).toHaveLength(before);
  });
});

describe('export', () => {
  let clicked: { download: string; href: string }[];

  beforeEach(() => {
    clicked = [];
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: vi.fn(() => 'blob:indicatoren') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
  });

  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it("downloads the same view as CSV and Excel with the server's file name, one at a time", async () => {
    let release: () => void = () => undefined;
    const server = centralServer({
      [`GET ${CENTRAL}`]: async (request) => {
        const { format, groupBy } = queryOf(request);
        if (format === undefined) return jsonResponse(groupBy === 'month' ? aMonthReport() : aRegionReport());
        if (format === 'csv') await new Promise<void>((resolve) => (release = resolve));
        return new Response(format === 'csv' ? 'indicator,region\r\n' : 'PK', {
          headers: {
            'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/octet-stream',
            'content-disposition': `attachment; filename="leerwinkel-indicatoren-2026-01-01-2026-03-31.${format}"`,
          },
        });
      },
    });
    renderApp({ path: '/central?from=2026-01-01&to=2026-03-31&kind=info', fetch: server.fetch });
    await screen.findByRole('region', { name: 'Kerncijfers' });
    const exports = screen.getByRole('group', { name: 'Downloaden' });

    fireEvent.click(within(exports).getByRole('button', { name: 'CSV' }));
    const busy = await within(exports).findByRole('button', { name: 'CSV wordt gemaakt…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    expect(within(exports).getByRole<HTMLButtonElement>('button', { name: 'Excel' }).disabled).toBe(true);
    release();

    expect(await screen.findByText('leerwinkel-indicatoren-2026-01-01-2026-03-31.csv is gedownload.')).toBeDefined();
    expect(clicked).toEqual([
      { download: 'leerwinkel-indicatoren-2026-01-01-2026-03-31.csv', href: 'blob:indicatoren' },
    ]);
    const csv = server.calls('GET', CENTRAL).find((request) => queryOf(request).format === 'csv');
    expect(queryOf(csv)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      kind: 'info',
      groupBy: 'region,month',
      format: 'csv',
    });
    // The file is fetched like every other call: with the session's access token.
    expect(csv?.headers.get('authorization')).toMatch(/^Bearer /);

    fireEvent.click(within(exports).getByRole('button', { name: 'Excel' }));
    expect(await screen.findByText('leerwinkel-indicatoren-2026-01-01-2026-03-31.xlsx is gedownload.')).toBeDefined();
    expect(queryOf(server.calls('GET', CENTRAL).find((request) => queryOf(request).format === 'xlsx')).format).toBe(
      'xlsx',
    );
    expect(clicked.at(-1)?.download).toBe('leerwinkel-indicatoren-2026-01-01-2026-03-31.xlsx');
  });

  it('explains a refused export in plain words', async () => {
    const server = centralServer({
      [`GET ${CENTRAL}`]: (request) => {
        const { format, groupBy } = queryOf(request);
        if (format === undefined) return jsonResponse(groupBy === 'month' ? aMonthReport() : aRegionReport());
        return problemResponse(400, 'VALIDATION.FAILED', {
          errors: [{ field: 'groupBy', message: 'this breakdown has 1210 groups', rule: 'size' }],
        });
      },
    });
    renderApp({ path: '/central', fetch: server.fetch });
    await screen.findByRole('region', { name: 'Kerncijfers' });
    fireEvent.click(screen.getByRole('button', { name: 'Excel' }));
    expect(
      await screen.findByText(
        "Dit zijn te veel regio's en maanden voor één bestand. Kies minder regio's of een kortere periode.",
      ),
    ).toBeDefined();
    expect(clicked).toEqual([]);
  });
});

describe('coordinator dashboard', () => {
  function regionServer(me = COORDINATOR) {
    return createFakeServer({
      me,
      routes: {
        'GET /api/v1/regions/:region/settings': () =>
          jsonResponse({
            region: 'west-vlaanderen',
            contactEmail: null,
            contactPhone: null,
            referralExpiryDays: 14,
            inszEnabled: false,
            updatedAt: '2026-03-05T13:07:00Z',
          }),
        'GET /api/v1/regions/:region/indicators': () => jsonResponse(aRegionIndicatorReport()),
      },
    });
  }

  it('is in the region navigation for coordinators only', async () => {
    renderApp({ path: '/regions/west-vlaanderen', fetch: regionServer().fetch });
    const sections = await screen.findByRole('navigation', { name: 'Onderdelen van de regio' });
    expect(within(sections).getByRole('link', { name: 'Dashboard' }).getAttribute('href')).toBe(
      '/regions/west-vlaanderen/dashboard',
    );
  });

  it('is not offered to counsellors, and refused when they go there anyway', async () => {
    const server = regionServer(COUNSELLOR);
    renderApp({ path: '/regions/west-vlaanderen/dashboard', fetch: server.fetch });
    expect(await screen.findByRole('heading', { level: 2, name: 'Geen toegang' })).toBeDefined();
    const sections = screen.getByRole('navigation', { name: 'Onderdelen van de regio' });
    expect(within(sections).queryByRole('link', { name: 'Dashboard' })).toBeNull();
    expect(server.calls('GET', '/api/v1/regions/west-vlaanderen/indicators')).toHaveLength(0);
  });

  it("shows the region's figures, the trend and the open cases per counsellor", async () => {
    const server = regionServer();
    renderApp({ path: '/regions/west-vlaanderen/dashboard?kind=guidance', fetch: server.fetch });

    expect(await screen.findByRole('heading', { level: 2, name: 'Dashboard' })).toBeDefined();
    const caseload = await screen.findByRole('table', { name: 'Open trajecten per begeleider en per status' });
    expect(
      within(caseload)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Begeleider', 'Open', 'Aangemeld', 'Intake', 'Begeleiding', 'Opvolging']);
    expect(rowOf(caseload, 'Bert Begeleider')).toEqual(['23', '3', '5', '11', '4']);
    expect(rowOf(caseload, 'An Peeters')).toEqual(['9', '1', '2', '4', '2']);
    expect(rowOf(caseload, 'Totaal')).toEqual(['32', '4', '7', '15', '6']);

    const figures = screen.getByRole('region', { name: 'Kerncijfers' });
    expect(within(figures).getByText('63')).toBeDefined();
    expect(screen.getByRole('img', { name: /^Lijngrafiek van de nieuwe trajecten per maand/ })).toBeDefined();
    // A region's own figures are not suppressed: no legend about small numbers, no regions filter.
    expect(screen.queryByRole('complementary', { name: 'Kleine aantallen zijn verborgen' })).toBeNull();
    expect(screen.queryByRole('group', { name: /Regio's/ })).toBeNull();
    expect(screen.getByRole('region', { name: 'Alle indicatoren' })).toBeDefined();

    const [call] = server.calls('GET', '/api/v1/regions/west-vlaanderen/indicators');
    expect(queryOf(call)).toMatchObject({ kind: 'guidance', groupBy: 'month' });
    expect(queryOf(call).regions).toBeUndefined();
  });
});
