import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '@leerwinkel/contracts';
import { jsonResponse } from '@/test/fake-fetch';
import {
  COORDINATOR,
  COUNSELLOR,
  createFakeServer,
  problemResponse,
  WEST_SETTINGS,
  type FakeRoutes,
  type Me,
} from '@/test/fake-api';
import { LEARNER_ID, queryOf, REGION } from '@/test/guidance-fixtures';
import { renderApp } from '@/test/render-app';

type ErasureRequest = components['schemas']['ErasureRequestDto'];
type UpcomingList = components['schemas']['UpcomingAnonymisationListDto'];

const PAGE = `/regions/${REGION}/data-protection`;
const ERASURES = `/api/v1/regions/${REGION}/erasure-requests`;
const OTHER_COORDINATOR_ID = '00000000-0000-4000-8000-000000000009';
const OTHER_LEARNER_ID = '30000000-0000-4000-8000-000000000002';

function anErasureRequest(overrides: Partial<ErasureRequest> = {}): ErasureRequest {
  return {
    id: '80000000-0000-4000-8000-000000000001',
    learnerId: LEARNER_ID,
    learnerName: 'Ayşe Çelik',
    pseudonym: '90000000-0000-4000-8000-000000000001',
    ground: 'consent_withdrawn',
    note: 'Mondelinge vraag op 28/11.',
    status: 'pending',
    requestedBy: COORDINATOR.id,
    requestedByName: null,
    requestedAt: '2026-03-04T10:00:00Z',
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    ...overrides,
  };
}

const UPCOMING: UpcomingList = {
  items: [
    { learnerId: LEARNER_ID, name: 'Ayşe Çelik', cases: 1, anonymiseOn: '2026-03-10T01:30:00Z' },
    { learnerId: OTHER_LEARNER_ID, name: 'Jan Peeters', cases: 2, anonymiseOn: '2026-03-28T01:30:00Z' },
  ],
  nextCursor: null,
  retentionInfoMonths: 12,
  retentionGuidanceMonths: 60,
};

/** A region whose erasure requests live in `requests`; confirm and cancel change them as the API would. */
function privacyServer(
  initial: ErasureRequest[],
  { me = COORDINATOR, routes = {} }: { me?: Me; routes?: FakeRoutes } = {},
) {
  let requests = initial;
  const decide = (id: string, status: 'erased' | 'cancelled'): ErasureRequest | undefined => {
    const found = requests.find((request) => request.id === id);
    if (!found) return undefined;
    const decided: ErasureRequest = {
      ...found,
      status,
      decidedBy: me.id,
      decidedByName: null,
      decidedAt: '2026-03-06T11:00:00Z',
      ...(status === 'erased' ? { learnerId: null, learnerName: null, note: null } : {}),
    };
    requests = requests.map((request) => (request.id === id ? decided : request));
    return decided;
  };
  return createFakeServer({
    me,
    routes: {
      'GET /api/v1/regions/:region/settings': () => jsonResponse(WEST_SETTINGS),
      'GET /api/v1/regions/:region/erasure-requests': (request) => {
        const { status } = queryOf(request);
        return jsonResponse({
          items: status === undefined ? requests : requests.filter((item) => item.status === status),
          nextCursor: null,
        });
      },
      'POST /api/v1/regions/:region/erasure-requests/:requestId/confirm': (_request, params) =>
        jsonResponse(decide(params.requestId ?? '', 'erased')),
      'POST /api/v1/regions/:region/erasure-requests/:requestId/cancel': (_request, params) =>
        jsonResponse(decide(params.requestId ?? '', 'cancelled')),
      'GET /api/v1/regions/:region/retention/upcoming': () => jsonResponse(UPCOMING),
      ...routes,
    },
  });
}

const MINE = anErasureRequest();
const THEIRS = anErasureRequest({
  id: '80000000-0000-4000-8000-000000000002',
  learnerId: OTHER_LEARNER_ID,
  learnerName: 'Jan Peeters',
  ground: 'no_longer_necessary',
  note: null,
  requestedBy: OTHER_COORDINATOR_ID,
  requestedByName: null,
  requestedAt: '2026-03-05T09:00:00Z',
});

describe('data protection page', () => {
  it('is in the region navigation for coordinators', async () => {
    renderApp({ path: `/regions/${REGION}`, fetch: privacyServer([]).fetch });
    const sections = await screen.findByRole('navigation', { name: 'Onderdelen van de regio' });
    expect(within(sections).getByRole('link', { name: 'Gegevensbescherming' }).getAttribute('href')).toBe(PAGE);
  });

  it('is refused to counsellors, without asking the API', async () => {
    const server = privacyServer([], { me: COUNSELLOR });
    renderApp({ path: PAGE, fetch: server.fetch });
    expect(await screen.findByRole('heading', { level: 2, name: 'Geen toegang' })).toBeDefined();
    const sections = screen.getByRole('navigation', { name: 'Onderdelen van de regio' });
    expect(within(sections).queryByRole('link', { name: 'Gegevensbescherming' })).toBeNull();
    expect(server.calls('GET', ERASURES)).toHaveLength(0);
    expect(server.calls('GET', `/api/v1/regions/${REGION}/retention/upcoming`)).toHaveLength(0);
  });

  it('explains the four eyes and does not let the requester confirm their own request', async () => {
    const server = privacyServer([THEIRS, MINE]);
    renderApp({ path: PAGE, fetch: server.fetch });

    expect(await screen.findByRole('heading', { level: 2, name: 'Gegevensbescherming' })).toBeDefined();
    expect(document.title).toBe('Gegevensbescherming — Leerwinkel West-Vlaanderen — Leerwinkel');
    const pending = screen.getByRole('region', { name: 'Wisverzoeken die op bevestiging wachten' });
    expect(within(pending).getByText(/een wissing gebeurt pas als een tweede coördinator ze bevestigt/)).toBeDefined();
    const table = await within(pending).findByRole('table', {
      name: 'Wisverzoeken die op bevestiging wachten, nieuwste eerst',
    });

    const mine = within(table).getByRole<HTMLButtonElement>('button', { name: 'Bevestigen: Ayşe Çelik' });
    expect(mine.disabled).toBe(true);
    const description = document.getElementById(mine.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('Jij vroeg deze wissing aan: een andere coördinator moet ze bevestigen.');
    const myRow = within(table).getByRole('rowheader', { name: 'Ayşe Çelik' }).closest('tr') as HTMLElement;
    expect(within(myRow).getByText('De lerende trekt de toestemming in')).toBeDefined();
    expect(within(myRow).getByText('Mondelinge vraag op 28/11.')).toBeDefined();
    expect(within(myRow).getByText('Jij')).toBeDefined();
    expect(within(myRow).getByText('04/03/2026')).toBeDefined();
    expect(within(myRow).getByRole('link', { name: 'Ayşe Çelik' }).getAttribute('href')).toBe(
      `/regions/${REGION}/learners/${LEARNER_ID}`,
    );

    const theirs = within(table).getByRole<HTMLButtonElement>('button', { name: 'Bevestigen: Jan Peeters' });
    expect(theirs.disabled).toBe(false);
    const theirRow = within(table).getByRole('rowheader', { name: 'Jan Peeters' }).closest('tr') as HTMLElement;
    expect(within(theirRow).getByText('Een andere coördinator')).toBeDefined();
    expect(queryOf(server.calls('GET', ERASURES)[0])).toEqual({ status: 'pending' });
  });

  it("confirms another coordinator's request only after a second 'yes', then lists it as erased", async () => {
    const server = privacyServer([THEIRS, MINE]);
    renderApp({ path: PAGE, fetch: server.fetch });
    const pending = await screen.findByRole('region', { name: 'Wisverzoeken die op bevestiging wachten' });

    fireEvent.click(await within(pending).findByRole('button', { name: 'Bevestigen: Jan Peeters' }));
    const confirm = within(pending).getByRole('group', { name: 'Wissing bevestigen: Jan Peeters' });
    expect(
      within(confirm).getByText(
        'Alle gegevens van Jan Peeters definitief wissen? Dit kan niet ongedaan worden gemaakt.',
      ),
    ).toBeDefined();
    expect(server.calls('POST', `${ERASURES}/${THEIRS.id}/confirm`)).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ja, definitief wissen' }));

    expect(await within(pending).findByText(/De gegevens van Jan Peeters zijn gewist/)).toBeDefined();
    expect(server.calls('POST', `${ERASURES}/${THEIRS.id}/confirm`)).toHaveLength(1);
    await waitFor(() => {
      expect(within(pending).queryByRole('rowheader', { name: 'Jan Peeters' })).toBeNull();
    });
    await waitFor(() => {
      expect(document.activeElement).toBe(within(pending).getByRole('heading', { level: 3 }));
    });
    const history = await screen.findByRole('table', { name: 'Afgehandelde wisverzoeken, nieuwste eerst' });
    expect(within(history).getByRole('rowheader', { name: `Gewist (pseudoniem ${THEIRS.pseudonym})` })).toBeDefined();
  });

  it('cancels a request only after a confirmation', async () => {
    const server = privacyServer([MINE]);
    renderApp({ path: PAGE, fetch: server.fetch });
    const pending = await screen.findByRole('region', { name: 'Wisverzoeken die op bevestiging wachten' });

    fireEvent.click(await within(pending).findByRole('button', { name: 'Annuleren: Ayşe Çelik' }));
    let confirm = within(pending).getByRole('group', { name: 'Wisverzoek annuleren: Ayşe Çelik' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Terug' }));
    expect(within(pending).queryByRole('group', { name: 'Wisverzoek annuleren: Ayşe Çelik' })).toBeNull();
    expect(server.calls('POST', `${ERASURES}/${MINE.id}/cancel`)).toHaveLength(0);

    fireEvent.click(within(pending).getByRole('button', { name: 'Annuleren: Ayşe Çelik' }));
    confirm = within(pending).getByRole('group', { name: 'Wisverzoek annuleren: Ayşe Çelik' });
    expect(
      within(confirm).getByText('Het wisverzoek voor Ayşe Çelik annuleren? Er wordt dan niets gewist.'),
    ).toBeDefined();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ja, wisverzoek annuleren' }));

    expect(await within(pending).findByText('Het wisverzoek voor Ayşe Çelik is geannuleerd.')).toBeDefined();
    expect(server.calls('POST', `${ERASURES}/${MINE.id}/cancel`)).toHaveLength(1);
    expect(await within(pending).findByText('Er wachten geen wisverzoeken.')).toBeDefined();
    const history = await screen.findByRole('table', { name: 'Afgehandelde wisverzoeken, nieuwste eerst' });
    const row = within(history).getByRole('rowheader', { name: 'Ayşe Çelik' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Geannuleerd')).toBeDefined();
  });

  it('explains a refused confirmation (four eyes) in plain words', async () => {
    const server = privacyServer([THEIRS], {
      routes: {
        'POST /api/v1/regions/:region/erasure-requests/:requestId/confirm': () =>
          problemResponse(409, 'ERASURE.FOUR_EYES'),
      },
    });
    renderApp({ path: PAGE, fetch: server.fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Bevestigen: Jan Peeters' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, definitief wissen' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Jij vroeg deze wissing aan. Een andere coördinator van de regio moet ze bevestigen.',
    );
  });

  it('lists the learners due for anonymisation in the coming 30 days, with the retention periods', async () => {
    const server = privacyServer([]);
    renderApp({ path: PAGE, fetch: server.fetch });

    const section = await screen.findByRole('region', { name: 'Binnenkort geanonimiseerd' });
    const table = await within(section).findByRole('table', {
      name: 'Lerenden die de komende 30 dagen geanonimiseerd worden, eerst wie het eerst aan de beurt is',
    });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Ayşe Çelik', '10/03/2026', '1'],
      ['Jan Peeters', '28/03/2026', '2'],
    ]);
    expect(within(table).getByRole('link', { name: 'Jan Peeters' }).getAttribute('href')).toBe(
      `/regions/${REGION}/learners/${OTHER_LEARNER_ID}`,
    );
    expect(
      within(section).getByText(
        /Bewaartermijnen van deze regio: 12 maanden na het afsluiten van infobemiddeling, 60 maanden na het afsluiten van begeleiding\./,
      ),
    ).toBeDefined();
    expect(
      within(section)
        .getByRole('link', { name: 'Bewaartermijnen wijzigen bij de instellingen van de regio' })
        .getAttribute('href'),
    ).toBe(`/regions/${REGION}`);
    expect(queryOf(server.calls('GET', `/api/v1/regions/${REGION}/retention/upcoming`)[0])).toEqual({ days: '30' });
  });

  it('says when nobody is due and no request is waiting', async () => {
    const server = privacyServer([], {
      routes: {
        'GET /api/v1/regions/:region/retention/upcoming': () => jsonResponse({ ...UPCOMING, items: [] }),
      },
    });
    renderApp({ path: PAGE, fetch: server.fetch });
    expect(await screen.findByText('De komende 30 dagen wordt niemand geanonimiseerd.')).toBeDefined();
    expect(await screen.findByText('Er wachten geen wisverzoeken.')).toBeDefined();
    expect(await screen.findByText('Er zijn nog geen wisverzoeken afgehandeld.')).toBeDefined();
  });
});

describe('region settings: retention periods', () => {
  it('shows the periods and lets a coordinator change them, checked before sending, API errors at the field', async () => {
    let settings = { ...WEST_SETTINGS };
    let attempt = 0;
    const server = privacyServer([], {
      routes: {
        'GET /api/v1/regions/:region/settings': () => jsonResponse(settings),
        'PATCH /api/v1/regions/:region/settings': async (request) => {
          attempt += 1;
          if (attempt === 1) {
            return problemResponse(400, 'VALIDATION.FAILED', {
              errors: [{ field: 'retentionGuidanceMonths', message: 'must not be greater than 240', rule: 'max' }],
            });
          }
          settings = { ...settings, ...((await request.clone().json()) as object) };
          return jsonResponse(settings);
        },
      },
    });
    renderApp({ path: `/regions/${REGION}`, fetch: server.fetch });

    expect(await screen.findByText('Bewaartermijn na infobemiddeling')).toBeDefined();
    expect(screen.getByText('12 maanden')).toBeDefined();
    expect(screen.getByText('60 maanden')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Instellingen wijzigen' }));

    const info = screen.getByLabelText('Bewaartermijn na infobemiddeling');
    const guidance = screen.getByLabelText('Bewaartermijn na begeleiding');
    fireEvent.change(info, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Vul een geheel aantal maanden in, van 1 tot 240.')).toBeDefined();
    expect(info.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => {
      expect(document.activeElement).toBe(info);
    });
    expect(server.calls('PATCH', `/api/v1/regions/${REGION}/settings`)).toHaveLength(0);

    fireEvent.change(info, { target: { value: '24' } });
    fireEvent.change(guidance, { target: { value: '84' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Dit getal is te groot.')).toBeDefined();
    expect(guidance.getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('De instellingen zijn opgeslagen.')).toBeDefined();
    const patches = server.calls('PATCH', `/api/v1/regions/${REGION}/settings`);
    expect(await patches[1]?.json()).toEqual({ retentionInfoMonths: 24, retentionGuidanceMonths: 84 });
    expect(screen.getByText('24 maanden')).toBeDefined();
    expect(screen.getByText('84 maanden')).toBeDefined();
  });
});
