import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '@/test/fake-fetch';
import { COORDINATOR, COUNSELLOR, createFakeServer, problemResponse, WEST_SETTINGS } from '@/test/fake-api';
import {
  aCase,
  aConsent,
  aLearner,
  guidanceRoutes,
  LEARNER_ID,
  page,
  queryOf,
  REGION,
  type Learner,
  type LearnerSummary,
} from '@/test/guidance-fixtures';
import { renderApp } from '@/test/render-app';

const SUMMARY: LearnerSummary = {
  id: LEARNER_ID,
  firstName: 'Ayşe',
  lastName: 'Çelik',
  dateOfBirth: '1987-04-12',
  municipality: 'Brugge',
  latestCaseStatus: 'intake',
};
const LEARNER_PATH = `/api/v1/regions/${REGION}/learners/${LEARNER_ID}`;

describe('learner search (Lerenden)', () => {
  it('searches by name after a pause in typing and shows the results with links', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/learners': (request) =>
          page(new URL(request.url).searchParams.get('q') === 'ayse celik' ? [SUMMARY] : []),
      }),
    });
    const { router } = renderApp({ path: `/regions/${REGION}/learners`, fetch: server.fetch });
    expect(await screen.findByText('Deze regio heeft nog geen lerenden.')).toBeDefined();

    const search = screen.getByRole('searchbox', { name: 'Zoek op naam' });
    fireEvent.change(search, { target: { value: 'ayse' } });
    fireEvent.change(search, { target: { value: 'ayse celik' } });

    const table = await screen.findByRole('table', { name: 'Zoekresultaten' });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByRole('link', { name: 'Çelik, Ayşe' }).getAttribute('href')).toBe(
      `/regions/${REGION}/learners/${LEARNER_ID}`,
    );
    expect(within(row).getByText('12/04/1987')).toBeDefined();
    expect(within(row).getByText('Intake')).toBeDefined();
    expect(screen.getByText('1 lerende getoond.')).toBeDefined();

    // Debounced: the half-typed "ayse" was never sent.
    const queries = server.calls('GET', `/api/v1/regions/${REGION}/learners`).map((request) => queryOf(request).q);
    expect(queries).toEqual([undefined, 'ayse celik']);
    expect(router.state.location.search).toBe('?q=ayse+celik');
  });

  it('filters by date of birth and offers the new-learner button', async () => {
    const server = createFakeServer({ me: COUNSELLOR, routes: guidanceRoutes() });
    const { router } = renderApp({ path: `/regions/${REGION}/learners`, fetch: server.fetch });
    await screen.findByText('Deze regio heeft nog geen lerenden.');

    fireEvent.change(screen.getByLabelText('Geboortedatum'), { target: { value: '1987-04-12' } });
    expect(await screen.findByText(/Geen lerenden gevonden/)).toBeDefined();
    expect(queryOf(server.calls('GET', `/api/v1/regions/${REGION}/learners`).at(-1))).toEqual({
      dateOfBirth: '1987-04-12',
    });

    fireEvent.click(screen.getByRole('link', { name: 'Nieuwe lerende' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Nieuwe lerende' })).toBeDefined();
    expect(router.state.location.pathname).toBe(`/regions/${REGION}/learners/new`);
  });
});

/** Fills every required field of the new-learner form with valid values. */
function fillRequired(overrides: Record<string, string> = {}) {
  const values: Record<string, string> = {
    Voornaam: 'Ayse',
    Achternaam: 'Celik',
    Geboortedatum: '1987-04-12',
    Gender: 'female',
    Moedertaal: 'tr',
    'Niveau Nederlands': 'B1',
    'Hoogste diploma': 'isced_2',
    'Situatie op de arbeidsmarkt': 'job_seeker',
    'Doorverwezen door': 'vdab',
    ...overrides,
  };
  for (const [label, value] of Object.entries(values)) {
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
  }
}

describe('new learner', () => {
  it('checks the fields before sending, like the API does', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/settings': () => jsonResponse({ ...WEST_SETTINGS, inszEnabled: true }),
      }),
    });
    renderApp({ path: `/regions/${REGION}/learners/new`, fetch: server.fetch });
    const submit = await screen.findByRole('button', { name: 'Lerende registreren' });

    fireEvent.click(submit);
    expect(await screen.findByRole('alert')).toBeDefined();
    expect(screen.getByText('Niet alle gegevens zijn in orde. Kijk de gemarkeerde velden na.')).toBeDefined();
    const firstName = screen.getByLabelText('Voornaam');
    expect(firstName.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => {
      expect(document.activeElement).toBe(firstName);
    });
    expect(screen.getByLabelText('Gender').getAttribute('aria-invalid')).toBe('true');

    const tenYearsAgo = `${String(new Date().getFullYear() - 10)}-01-01`;
    fillRequired({ Geboortedatum: tenYearsAgo });
    fireEvent.change(screen.getByLabelText('Rijksregisternummer (INSZ) (niet verplicht)'), {
      target: { value: '85.07.30-033.29' },
    });
    fireEvent.change(screen.getByLabelText('Postcode (niet verplicht)'), { target: { value: '800' } });
    fireEvent.click(submit);

    expect(
      await screen.findByText('De lerende moet tussen 16 en 110 jaar oud zijn: controleer de geboortedatum.'),
    ).toBeDefined();
    expect(screen.getByText('Dit rijksregisternummer (INSZ) klopt niet: controleer de 11 cijfers.')).toBeDefined();
    expect(screen.getByText('Een Belgische postcode heeft 4 cijfers.')).toBeDefined();
    expect(screen.getByLabelText('Voornaam').getAttribute('aria-invalid')).toBeNull();
    expect(server.calls('POST', `/api/v1/regions/${REGION}/learners`)).toHaveLength(0);

    // A date input gives '' for a date that does not exist (30 February) or is not complete.
    fireEvent.change(screen.getByLabelText('Geboortedatum'), { target: { value: '2026-02-30' } });
    fireEvent.click(submit);
    await waitFor(() => {
      expect(screen.getByLabelText('Geboortedatum').getAttribute('aria-invalid')).toBe('true');
    });
    expect(screen.getAllByText('Vul dit veld in.')).toHaveLength(1);
    expect(server.calls('POST', `/api/v1/regions/${REGION}/learners`)).toHaveLength(0);
  });

  it('shows field errors of the API at their fields', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'POST /api/v1/regions/:region/learners': () =>
          problemResponse(400, 'VALIDATION.FAILED', {
            errors: [{ field: 'phone', message: 'phone must be a phone number', rule: 'matches' }],
          }),
      }),
    });
    renderApp({ path: `/regions/${REGION}/learners/new`, fetch: server.fetch });
    await screen.findByRole('button', { name: 'Lerende registreren' });
    fillRequired();
    fireEvent.click(screen.getByRole('button', { name: 'Lerende registreren' }));

    expect(await screen.findByText('Het formaat klopt niet.')).toBeDefined();
    const phone = screen.getByLabelText('Telefoon (niet verplicht)');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe(
      'Niet alle gegevens zijn in orde. Kijk de gemarkeerde velden na.',
    );
    // The INSZ field is only there where the region records it.
    expect(screen.queryByLabelText(/Rijksregisternummer/)).toBeNull();
  });

  it('shows possible duplicates with links, and registers anyway with confirmNewPerson', async () => {
    const created = aLearner({ id: '30000000-0000-4000-8000-000000000009', firstName: 'Ayse', lastName: 'Celik' });
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'POST /api/v1/regions/:region/learners': async (request) => {
          const body = (await request.clone().json()) as { confirmNewPerson?: boolean };
          if (body.confirmNewPerson !== true) {
            return problemResponse(409, 'LEARNER.POSSIBLE_DUPLICATE', {
              candidates: [
                {
                  id: LEARNER_ID,
                  firstName: 'Ayşe',
                  lastName: 'Çelik',
                  dateOfBirth: '1987-04-12',
                  municipality: 'Brugge',
                },
              ],
            });
          }
          return jsonResponse(created, 201);
        },
        'GET /api/v1/regions/:region/learners/:learnerId': () => jsonResponse(created),
      }),
    });
    const { router } = renderApp({ path: `/regions/${REGION}/learners/new`, fetch: server.fetch });
    await screen.findByRole('button', { name: 'Lerende registreren' });
    fillRequired();
    fireEvent.change(screen.getByLabelText('Gemeente (niet verplicht)'), { target: { value: ' Brugge ' } });
    fireEvent.click(screen.getByLabelText('Laaggeschoold'));
    fireEvent.click(screen.getByRole('button', { name: 'Lerende registreren' }));

    const warning = await screen.findByRole('region', { name: 'Is deze lerende al geregistreerd?' });
    await waitFor(() => {
      expect(document.activeElement).toBe(warning);
    });
    const candidate = within(warning).getByRole('link', { name: 'Ayşe Çelik' });
    expect(candidate.getAttribute('href')).toBe(`/regions/${REGION}/learners/${LEARNER_ID}`);
    expect(within(warning).getByText(/geboren op 12\/04\/1987/)).toBeDefined();

    fireEvent.click(within(warning).getByRole('button', { name: 'Dit is een andere persoon, toch registreren' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Ayse Celik' })).toBeDefined();
    expect(router.state.location.pathname).toBe(`/regions/${REGION}/learners/${created.id}`);
    const posts = server.calls('POST', `/api/v1/regions/${REGION}/learners`);
    expect(posts).toHaveLength(2);
    const first = (await posts[0]?.json()) as Record<string, unknown>;
    expect(first).toEqual({
      firstName: 'Ayse',
      lastName: 'Celik',
      dateOfBirth: '1987-04-12',
      gender: 'female',
      email: null,
      phone: null,
      postalCode: null,
      municipality: 'Brugge',
      nativeLanguage: 'tr',
      dutchLevel: 'B1',
      educationLevel: 'isced_2',
      employmentStatus: 'job_seeker',
      referralSource: 'vdab',
      targetGroups: ['low_qualified'],
    });
    expect(await posts[1]?.json()).toEqual({ ...first, confirmNewPerson: true });
    // The answer of the POST is the record: the learner page did not read it again (an audited read).
    expect(server.calls('GET', `/api/v1/regions/${REGION}/learners/${created.id}`)).toHaveLength(0);
  });
});

describe('learner page', () => {
  it('saves a change with the version it is based on; on 412 keeps the input and reloads', async () => {
    let stored: Learner = aLearner();
    let patches = 0;
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/learners/:learnerId': () => jsonResponse(stored),
        'PATCH /api/v1/regions/:region/learners/:learnerId': async (request) => {
          patches += 1;
          const body = (await request.clone().json()) as Partial<Learner>;
          if (patches === 1) {
            // Meanwhile a colleague changed the phone number.
            stored = { ...stored, phone: '050 11 22 33', version: 4 };
            return problemResponse(412, 'RESOURCE.STALE', { currentVersion: 4 });
          }
          stored = { ...stored, ...body, version: stored.version + 1 };
          return jsonResponse(stored);
        },
      }),
    });
    renderApp({ path: `/regions/${REGION}/learners/${LEARNER_ID}`, fetch: server.fetch });

    fireEvent.click(await screen.findByRole('button', { name: 'Gegevens wijzigen' }));
    fireEvent.change(screen.getByLabelText('Gemeente (niet verplicht)'), { target: { value: 'Oostende' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Iemand anders heeft dit intussen gewijzigd.');
    expect(screen.getByLabelText<HTMLInputElement>('Gemeente (niet verplicht)').value).toBe('Oostende');
    const [first] = server.calls('PATCH', LEARNER_PATH);
    expect(await first?.json()).toEqual({ municipality: 'Oostende', version: 3 });

    fireEvent.click(within(alert).getByRole('button', { name: 'Opnieuw laden' }));
    expect(await screen.findByText(/De nieuwste versie is geladen/)).toBeDefined();
    // The colleague's change arrived; what the user typed stayed.
    expect(screen.getByLabelText<HTMLInputElement>('Telefoon (niet verplicht)').value).toBe('050 11 22 33');
    expect(screen.getByLabelText<HTMLInputElement>('Gemeente (niet verplicht)').value).toBe('Oostende');

    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('De gegevens zijn opgeslagen.')).toBeDefined();
    const second = server.calls('PATCH', LEARNER_PATH)[1];
    expect(await second?.json()).toEqual({ municipality: 'Oostende', version: 4 });
    expect(screen.getByText('Oostende')).toBeDefined();
    expect(screen.getByText('050 11 22 33')).toBeDefined();
  });

  it('shows the masked INSZ and fetches the full number only on request', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/learners/:learnerId': () =>
          jsonResponse(aLearner({ inszMasked: '85.07.30-***.**' })),
        'GET /api/v1/regions/:region/learners/:learnerId/insz': () => jsonResponse({ insz: '85073003328' }),
      }),
    });
    renderApp({ path: `/regions/${REGION}/learners/${LEARNER_ID}`, fetch: server.fetch });

    expect(await screen.findByText('85.07.30-***.**')).toBeDefined();
    const reveal = screen.getByRole('button', { name: 'Toon INSZ' });
    expect(reveal.getAttribute('aria-describedby')).not.toBeNull();
    expect(screen.getByText(/Het volledige nummer tonen wordt gelogd/)).toBeDefined();
    await screen.findByRole('heading', { name: 'Toestemmingen' });
    expect(server.calls('GET', `${LEARNER_PATH}/insz`)).toHaveLength(0);

    fireEvent.click(reveal);
    expect(await screen.findByText('85.07.30-033.28')).toBeDefined();
    expect(server.calls('GET', `${LEARNER_PATH}/insz`)).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Verberg INSZ' }));
    expect(await screen.findByText('85.07.30-***.**')).toBeDefined();
    expect(screen.queryByText('85.07.30-033.28')).toBeNull();
  });

  it('lists the cases and consents; a counsellor does not see the access log', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/cases': () => page([aCase({ status: 'intake' })]),
        'GET /api/v1/regions/:region/learners/:learnerId/consents': () => page([aConsent()]),
      }),
    });
    renderApp({ path: `/regions/${REGION}/learners/${LEARNER_ID}`, fetch: server.fetch });

    expect(await screen.findByRole('link', { name: 'Begeleiding, geopend op 20/02/2026' })).toBeDefined();
    expect(queryOf(server.calls('GET', `/api/v1/regions/${REGION}/cases`)[0])).toEqual({ learnerId: LEARNER_ID });
    const consents = await screen.findByRole('table', { name: 'Toestemmingen van deze lerende, ook ingetrokken' });
    expect(within(consents).getByRole('rowheader', { name: 'Verwerking voor begeleiding' })).toBeDefined();
    expect(within(consents).getByText('Geldig')).toBeDefined();
    expect(screen.queryByRole('heading', { name: 'Toegangslog' })).toBeNull();
    expect(server.calls('GET', `${LEARNER_PATH}/access-log`)).toHaveLength(0);
  });

  it('shows a coordinator the access log', async () => {
    const server = createFakeServer({
      me: COORDINATOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/learners/:learnerId/access-log': () =>
          page([
            {
              id: '9',
              userId: COUNSELLOR.id,
              userName: 'Bert Begeleider',
              accessedAt: '2026-03-05T13:07:00Z',
              parts: ['profile', 'insz'],
            },
          ]),
      }),
    });
    renderApp({ path: `/regions/${REGION}/learners/${LEARNER_ID}`, fetch: server.fetch });

    const table = await screen.findByRole('table', { name: 'Toegangslog van deze lerende, nieuwste eerst' });
    expect(within(table).getByText('Bert Begeleider')).toBeDefined();
    expect(within(table).getByText('05/03/2026 14:07')).toBeDefined();
    expect(within(table).getByText('Gegevens, INSZ')).toBeDefined();
  });

  it('withdraws a consent only after confirmation', async () => {
    let consent = aConsent();
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/learners/:learnerId/consents': () => page([consent]),
        'POST /api/v1/regions/:region/learners/:learnerId/consents/:consentId/withdraw': () => {
          consent = { ...consent, withdrawnAt: '2026-03-06T10:00:00Z', withdrawnBy: COUNSELLOR.id };
          return jsonResponse(consent);
        },
      }),
    });
    renderApp({ path: `/regions/${REGION}/learners/${LEARNER_ID}`, fetch: server.fetch });

    fireEvent.click(await screen.findByRole('button', { name: 'Intrekken: Verwerking voor begeleiding' }));
    const confirm = screen.getByRole('group', { name: 'Intrekken bevestigen: Verwerking voor begeleiding' });
    expect(server.calls('POST', `${LEARNER_PATH}/consents/${consent.id}/withdraw`)).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ja, intrekken' }));

    expect(await screen.findByText('Ingetrokken op 06/03/2026')).toBeDefined();
    expect(server.calls('POST', `${LEARNER_PATH}/consents/${consent.id}/withdraw`)).toHaveLength(1);
  });
});
