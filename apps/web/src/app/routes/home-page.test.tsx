import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProblemCode, type Problem } from '@leerwinkel/contracts';
import { createFakeFetch, jsonResponse } from '@/test/fake-fetch';
import { HEALTHY_BODY, renderApp } from '@/test/render-app';

const DATABASE_DOWN_PROBLEM: Problem & { details: Record<string, { status: string }> } = {
  type: 'https://leerwinkel.be/problems/service-unavailable',
  title: 'Service Unavailable',
  status: 503,
  detail: 'The database is not reachable.',
  instance: '/api/health',
  code: ProblemCode.SERVICE_UNAVAILABLE,
  correlationId: '6f1c2f0e-0000-4000-8000-000000000001',
  details: { database: { status: 'down' } },
};

async function findHealthStatus(): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { level: 2, name: 'Systeemstatus' });
  const section = heading.closest('section');
  if (!section) throw new Error('The status heading is not inside a section');
  return section;
}

describe('home page', () => {
  it('shows the welcome text in Dutch', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Welkom bij Leerwinkel' })).toBeDefined();
    expect(screen.getByText(/ondersteunt loopbaanbegeleiders/)).toBeDefined();
    expect(document.title).toBe('Welkom — Leerwinkel');
  });

  it('asks GET /api/health once and reports a healthy API and database', async () => {
    const fake = createFakeFetch(() => jsonResponse(HEALTHY_BODY));
    renderApp({ fetch: fake.fetch });

    const status = await findHealthStatus();
    expect(await within(status).findByText('API en database bereikbaar')).toBeDefined();
    expect(within(status).queryByText('Database niet bereikbaar')).toBeNull();
    expect(within(status).getByRole('status').textContent).toContain('API en database bereikbaar');
    expect(within(status).getByText(/^Laatst gecontroleerd: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)).toBeDefined();

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe('GET');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/health');
  });

  it('reports an unreachable database when the API answers 503 with a problem', async () => {
    const fake = createFakeFetch(() => jsonResponse(DATABASE_DOWN_PROBLEM, 503, 'application/problem+json'));
    renderApp({ fetch: fake.fetch });

    const status = await findHealthStatus();
    expect(await within(status).findByText('Database niet bereikbaar')).toBeDefined();
    expect(within(status).getByText(/kan de database niet bereiken/)).toBeDefined();
    expect(within(status).queryByText('API en database bereikbaar')).toBeNull();
  });

  it("shows the problem's title when the API answers with another error", async () => {
    const problem: Problem = {
      type: 'https://leerwinkel.be/problems/internal-error',
      title: 'Onverwachte fout op de server',
      status: 500,
      code: ProblemCode.INTERNAL,
      correlationId: 'abc-123',
    };
    const fake = createFakeFetch(() => jsonResponse(problem, 500, 'application/problem+json'));
    renderApp({ fetch: fake.fetch });

    const status = await findHealthStatus();
    expect(await within(status).findByText('Status van de API niet beschikbaar')).toBeDefined();
    expect(within(status).getByText('Melding van de API: Onverwachte fout op de server')).toBeDefined();
    expect(within(status).queryByText('API en database bereikbaar')).toBeNull();
  });

  it('explains a network failure when the API cannot be reached at all', async () => {
    const fake = createFakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    renderApp({ fetch: fake.fetch });

    const status = await findHealthStatus();
    expect(await within(status).findByText('Status van de API niet beschikbaar')).toBeDefined();
    expect(within(status).getByText(/De API antwoordt niet/)).toBeDefined();
  });

  it('shows a loading state while the API has not answered', async () => {
    const fake = createFakeFetch(() => new Promise<Response>(() => undefined));
    renderApp({ fetch: fake.fetch });

    const status = await findHealthStatus();
    expect(within(status).getByText('Verbinding met de API wordt gecontroleerd…')).toBeDefined();
    expect(within(status).queryByRole('button')).toBeNull();
  });
});
