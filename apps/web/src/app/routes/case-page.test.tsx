import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '@/test/fake-fetch';
import { COUNSELLOR, createFakeServer, problemResponse } from '@/test/fake-api';
import {
  aCase,
  aContact,
  anActionItem,
  anOfferGap,
  aTransition,
  CASE_ID,
  guidanceRoutes,
  LEARNER_ID,
  page,
  queryOf,
  REGION,
  type ActionItem,
  type Case,
  type OfferGap,
} from '@/test/guidance-fixtures';
import { renderApp } from '@/test/render-app';

const CASE_PATH = `/api/v1/regions/${REGION}/cases/${CASE_ID}`;

function caseServer(initial: Case, routes: Parameters<typeof guidanceRoutes>[0] = {}) {
  let current = initial;
  const server = createFakeServer({
    me: COUNSELLOR,
    routes: guidanceRoutes({
      'GET /api/v1/regions/:region/cases/:caseId': () => jsonResponse(current),
      'POST /api/v1/regions/:region/cases/:caseId/transitions': async (request) => {
        const body = (await request.clone().json()) as Partial<Case> & { to: Case['status'] };
        current = {
          ...current,
          status: body.to,
          allowedTransitions: body.to === 'closed' ? ['intake', 'guidance'] : ['closed'],
          exitReason: body.exitReason ?? null,
          objectivesMet: body.objectivesMet ?? null,
          version: current.version + 1,
        };
        return jsonResponse(current);
      },
      ...routes,
    }),
  });
  return server;
}

describe('case page', () => {
  it('shows the header: learner (link), kind, status, counsellor, next due with the overdue flag', async () => {
    const server = caseServer(
      aCase({ status: 'intake', nextDueDate: '2026-03-01', overdue: true, counsellorName: null }),
    );
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });

    expect(await screen.findByRole('heading', { level: 2, name: 'Traject van Ayşe Çelik' })).toBeDefined();
    const overview = screen.getByRole('region', { name: 'Overzicht van het traject' });
    expect(within(overview).getByRole('link', { name: 'Ayşe Çelik' }).getAttribute('href')).toBe(
      `/regions/${REGION}/learners/${LEARNER_ID}`,
    );
    expect(within(overview).getByText('Begeleiding')).toBeDefined();
    expect(within(overview).getByText('Intake')).toBeDefined();
    // The API leaves counsellorName empty on a single case: the signed-in counsellor is "you".
    expect(within(overview).getByText('Jij')).toBeDefined();
    expect(within(overview).getByText('01/03/2026')).toBeDefined();
    expect(within(overview).getByText('Achterstallig')).toBeDefined();
    expect(document.title).toBe('Traject van Ayşe Çelik — Leerwinkel West-Vlaanderen — Leerwinkel');
  });

  it('offers only the status changes the case allows', async () => {
    const server = caseServer(aCase({ status: 'registered', allowedTransitions: ['intake', 'closed'] }));
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });

    const actions = await screen.findByRole('group', { name: 'Status wijzigen' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Naar intake', 'Traject afsluiten']);
    expect(screen.queryByRole('button', { name: 'Start begeleiding' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Naar opvolging' })).toBeNull();

    fireEvent.click(within(actions).getByRole('button', { name: 'Naar intake' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('De status is nu: Intake.')).toBeDefined();
    const [post] = server.calls('POST', `${CASE_PATH}/transitions`);
    expect(await post?.json()).toEqual({ to: 'intake' });
    // The new case answers its own allowed transitions.
    expect(within(screen.getByRole('group', { name: 'Status wijzigen' })).getAllByRole('button')).toHaveLength(1);
  });

  it('closing needs an exit reason and whether the objectives were met, and sends both', async () => {
    const server = caseServer(aCase({ status: 'guidance', allowedTransitions: ['follow_up', 'closed'] }));
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });

    fireEvent.click(await screen.findByRole('button', { name: 'Traject afsluiten' }));
    const form = (await screen.findByRole('heading', { level: 4, name: 'Traject afsluiten' })).closest(
      'form',
    ) as HTMLElement;
    expect(within(form).getByText(/opvolgingen na 3, 6 en 12 maanden/)).toBeDefined();
    fireEvent.click(within(form).getByRole('button', { name: 'Bevestigen' }));

    const exitReason = within(form).getByLabelText('Reden van afsluiten');
    const objectivesMet = within(form).getByLabelText('Doelen bereikt');
    await waitFor(() => {
      expect(exitReason.getAttribute('aria-invalid')).toBe('true');
    });
    expect(objectivesMet.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getAllByText('Vul dit veld in.')).toHaveLength(2);
    expect(within(form).getByRole('alert').textContent).toContain('Niet alle gegevens zijn in orde');
    await waitFor(() => {
      expect(document.activeElement).toBe(exitReason);
    });
    expect(server.calls('POST', `${CASE_PATH}/transitions`)).toHaveLength(0);

    fireEvent.change(exitReason, { target: { value: 'found_work' } });
    fireEvent.change(objectivesMet, { target: { value: 'partly' } });
    fireEvent.change(within(form).getByLabelText('Notitie (niet verplicht)'), {
      target: { value: ' Werkt bij AZ Sint-Jan. ' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Bevestigen' }));

    expect(await screen.findByText('De status is nu: Afgesloten.')).toBeDefined();
    const [post] = server.calls('POST', `${CASE_PATH}/transitions`);
    expect(await post?.json()).toEqual({
      to: 'closed',
      exitReason: 'found_work',
      objectivesMet: 'partly',
      note: 'Werkt bij AZ Sint-Jan.',
    });
    const overview = screen.getByRole('region', { name: 'Overzicht van het traject' });
    expect(within(overview).getByText('Werk gevonden')).toBeDefined();
    expect(within(overview).getByText('Gedeeltelijk')).toBeDefined();
    // Follow-ups may have been planned: the action plan is read again.
    await waitFor(() => {
      expect(server.calls('GET', `${CASE_PATH}/action-items`).length).toBeGreaterThanOrEqual(2);
    });
  });

  it('shows field errors of a refused close at their fields', async () => {
    const server = caseServer(aCase({ status: 'intake', allowedTransitions: ['guidance', 'closed'] }), {
      'POST /api/v1/regions/:region/cases/:caseId/transitions': () =>
        problemResponse(400, 'VALIDATION.FAILED', {
          errors: [
            { field: 'objectivesMet', message: 'objectivesMet is required to close a case', rule: 'requiredToClose' },
          ],
        }),
    });
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Traject afsluiten' }));
    fireEvent.change(await screen.findByLabelText('Reden van afsluiten'), { target: { value: 'moved' } });
    fireEvent.change(screen.getByLabelText('Doelen bereikt'), { target: { value: 'unknown' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Doelen bereikt').getAttribute('aria-invalid')).toBe('true');
    });
    expect(screen.getByLabelText('Reden van afsluiten').getAttribute('aria-invalid')).toBeNull();
  });

  it('reopening a closed case asks for a reason', async () => {
    const server = caseServer(
      aCase({ status: 'closed', allowedTransitions: ['intake', 'guidance'], closedAt: '2026-03-01T10:00:00Z' }),
    );
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });

    fireEvent.click(await screen.findByRole('button', { name: 'Heropenen voor begeleiding' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('Geef een reden op.')).toBeDefined();
    expect(server.calls('POST', `${CASE_PATH}/transitions`)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Reden van heropening'), { target: { value: 'Wil toch een opleiding.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('De status is nu: Begeleiding.')).toBeDefined();
    expect(await server.calls('POST', `${CASE_PATH}/transitions`)[0]?.json()).toEqual({
      to: 'guidance',
      note: 'Wil toch een opleiding.',
    });
  });

  it('adds a conversation: time defaults to now, duration to 60, and the body is what the API takes', async () => {
    const server = caseServer(aCase({ status: 'guidance', allowedTransitions: ['follow_up', 'closed'] }), {
      'POST /api/v1/regions/:region/cases/:caseId/contacts': async (request) =>
        jsonResponse(aContact({ ...((await request.clone().json()) as object), id: 'new' }), 201),
    });
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });

    fireEvent.click(await screen.findByRole('button', { name: 'Gesprek toevoegen' }));
    const when = await screen.findByLabelText<HTMLInputElement>('Datum en tijd');
    expect(when.value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(screen.getByLabelText<HTMLInputElement>('Duur in minuten').value).toBe('60');
    // The kind follows the case's status.
    expect(screen.getByLabelText<HTMLSelectElement>('Soort gesprek').value).toBe('guidance');

    fireEvent.change(when, { target: { value: '2026-03-05T14:07' } });
    fireEvent.change(screen.getByLabelText('Duur in minuten'), { target: { value: '45' } });
    fireEvent.change(screen.getByLabelText('Kanaal'), { target: { value: 'phone' } });
    fireEvent.change(screen.getByLabelText('Notities (niet verplicht)'), {
      target: { value: '  Opleiding besproken.  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Gesprek opslaan' }));

    expect(await screen.findByText('Het gesprek is toegevoegd.')).toBeDefined();
    const [post] = server.calls('POST', `${CASE_PATH}/contacts`);
    expect(await post?.json()).toEqual({
      occurredAt: '2026-03-05T14:07:00+01:00',
      durationMinutes: 45,
      channel: 'phone',
      kind: 'guidance',
      notes: 'Opleiding besproken.',
    });
    await waitFor(() => {
      expect(server.calls('GET', `${CASE_PATH}/contacts`)).toHaveLength(2);
    });
  });

  it('refuses a conversation of 0 minutes before sending', async () => {
    const server = caseServer(aCase());
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Gesprek toevoegen' }));
    fireEvent.change(await screen.findByLabelText('Duur in minuten'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gesprek opslaan' }));
    expect(await screen.findByText('Vul een geheel aantal minuten in, van 1 tot 600.')).toBeDefined();
    expect(server.calls('POST', `${CASE_PATH}/contacts`)).toHaveLength(0);
  });

  it('merges conversations and status changes into one timeline, newest first', async () => {
    const server = caseServer(aCase({ status: 'guidance' }), {
      'GET /api/v1/regions/:region/cases/:caseId/contacts': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'older'
          ? page([aContact({ id: 'c1', occurredAt: '2026-02-25T09:00:00Z', kind: 'intake', channel: 'video' })])
          : page(
              [
                aContact({ id: 'c3', occurredAt: '2026-03-12T09:00:00Z', kind: 'guidance', notes: 'CV nagekeken.' }),
                aContact({ id: 'c2', occurredAt: '2026-03-02T09:00:00Z', kind: 'intake', channel: 'phone' }),
              ],
              'older',
            ),
      'GET /api/v1/regions/:region/cases/:caseId/transitions': () =>
        page([
          aTransition({ id: '1', from: null, to: 'registered', at: '2026-02-20T09:00:00Z' }),
          aTransition({ id: '2', from: 'registered', to: 'intake', at: '2026-03-01T09:00:00Z' }),
          aTransition({ id: '3', from: 'intake', to: 'guidance', at: '2026-03-05T09:00:00Z', note: 'Start traject.' }),
        ]),
    });
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });

    const list = await screen.findByRole('list', { name: 'Gesprekken en statuswijzigingen, nieuwste eerst' });
    const titles = () =>
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.timeline__title')?.textContent);
    // Older conversations are still to come: the status changes before 2 March wait for them.
    expect(titles()).toEqual([
      'Gesprek: Begeleiding, fysiek, 60 minuten',
      'Status: van Intake naar Begeleiding',
      'Gesprek: Intake, telefoon, 60 minuten',
    ]);
    expect(within(list).getByText('CV nagekeken.')).toBeDefined();
    expect(within(list).getByText('Start traject.')).toBeDefined();
    expect(within(list).getAllByText('12/03/2026 10:00', { exact: false })).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Meer laden' }));
    await waitFor(() => {
      expect(titles()).toEqual([
        'Gesprek: Begeleiding, fysiek, 60 minuten',
        'Status: van Intake naar Begeleiding',
        'Gesprek: Intake, telefoon, 60 minuten',
        'Status: van Aangemeld naar Intake',
        'Gesprek: Intake, video, 60 minuten',
        'Status: traject aangemaakt als Aangemeld',
      ]);
    });
    expect(queryOf(server.calls('GET', `${CASE_PATH}/contacts`).at(-1))).toEqual({ cursor: 'older' });
  });

  it('keeps the action plan: add, mark done with the version, record a follow-up outcome', async () => {
    let items: ActionItem[] = [
      anActionItem({ id: 'a1', task: 'Inschrijving CVO regelen', overdue: true, dueDate: '2026-03-01' }),
      anActionItem({ id: 'f3', task: 'Opvolging na 3 maanden', followUpMonths: 3, owner: 'counsellor', version: 2 }),
    ];
    const server = caseServer(aCase({ status: 'closed', allowedTransitions: ['intake', 'guidance'] }), {
      'GET /api/v1/regions/:region/cases/:caseId/action-items': () => page(items),
      'POST /api/v1/regions/:region/cases/:caseId/action-items': async (request) => {
        const body = (await request.clone().json()) as Partial<ActionItem>;
        const created = anActionItem({ ...body, id: 'a2', dueDate: body.dueDate ?? null });
        items = [...items, created];
        return jsonResponse(created, 201);
      },
      'PATCH /api/v1/regions/:region/cases/:caseId/action-items/:itemId': async (request, params) => {
        const body = (await request.clone().json()) as Partial<ActionItem> & { done?: boolean };
        items = items.map((item) =>
          item.id === params.itemId
            ? {
                ...item,
                ...body,
                doneAt: body.done === undefined ? item.doneAt : body.done ? '2026-03-06T10:00:00Z' : null,
                version: item.version + 1,
              }
            : item,
        );
        return jsonResponse(items.find((item) => item.id === params.itemId));
      },
    });
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });

    const table = await screen.findByRole('table', { name: 'Acties van het actieplan' });
    const row = within(table).getByRole('row', { name: /Inschrijving CVO regelen/ });
    expect(within(row).getByText('Achterstallig')).toBeDefined();
    expect(within(row).getByText('Lerende')).toBeDefined();

    fireEvent.click(within(row).getByRole('button', { name: 'Markeer als gedaan: Inschrijving CVO regelen' }));
    expect(await within(table).findByText('Gedaan op 06/03/2026')).toBeDefined();
    expect(await server.calls('PATCH', `${CASE_PATH}/action-items/a1`)[0]?.json()).toEqual({ done: true, version: 1 });

    fireEvent.change(screen.getByLabelText('Actie'), { target: { value: 'Bellen met VDAB' } });
    fireEvent.change(screen.getByLabelText('Wie'), { target: { value: 'counsellor' } });
    fireEvent.change(screen.getByLabelText('Tegen (niet verplicht)'), { target: { value: '2026-04-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Actie toevoegen' }));
    expect(await within(table).findByText('Bellen met VDAB')).toBeDefined();
    expect(await server.calls('POST', `${CASE_PATH}/action-items`)[0]?.json()).toEqual({
      task: 'Bellen met VDAB',
      owner: 'counsellor',
      dueDate: '2026-04-01',
    });

    const followUp = screen.getByRole('article', { name: 'Opvolging na 3 maanden' });
    fireEvent.change(within(followUp).getByLabelText('Volgt een opleiding'), { target: { value: 'yes' } });
    fireEvent.change(within(followUp).getByLabelText('Aan het werk'), { target: { value: 'no' } });
    fireEvent.change(within(followUp).getByLabelText('Notitie bij de uitkomst'), {
      target: { value: 'Volgt zorgkundige.' },
    });
    fireEvent.click(within(followUp).getByRole('button', { name: 'Uitkomst opslaan' }));
    expect(await within(followUp).findByText('De uitkomst is opgeslagen.')).toBeDefined();
    expect(await server.calls('PATCH', `${CASE_PATH}/action-items/f3`)[0]?.json()).toEqual({
      inEducation: true,
      certificateObtained: null,
      employed: false,
      outcomeNote: 'Volgt zorgkundige.',
      version: 2,
    });
  });

  it('edits the learning question with the version; a 412 keeps the input', async () => {
    let patches = 0;
    const server = caseServer(aCase(), {
      'PATCH /api/v1/regions/:region/cases/:caseId': () => {
        patches += 1;
        return patches === 1
          ? problemResponse(412, 'RESOURCE.STALE')
          : jsonResponse(aCase({ learningQuestion: 'Wil zorgkundige worden.', version: 2 }));
      },
    });
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Leervraag en doel wijzigen' }));
    fireEvent.change(screen.getByLabelText('Leervraag'), { target: { value: 'Wil zorgkundige worden.' } });
    fireEvent.click(screen.getByLabelText('Digitale vaardigheden', { selector: 'fieldset:last-of-type input' }));
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    expect(await screen.findByText(/Iemand anders heeft dit intussen gewijzigd/)).toBeDefined();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Leervraag').value).toBe('Wil zorgkundige worden.');
    expect(await server.calls('PATCH', CASE_PATH)[0]?.json()).toEqual({
      learningQuestion: 'Wil zorgkundige worden.',
      barriers: ['cost', 'digital_skills'],
      version: 1,
    });
  });
});

describe('case page: no suitable offer', () => {
  function gapServer(initial: OfferGap[] = [anOfferGap()]) {
    const gaps = [...initial];
    return createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/cases/:caseId/offer-gaps': () => jsonResponse({ items: gaps }),
        'POST /api/v1/regions/:region/cases/:caseId/offer-gaps': async (request) => {
          const body = (await request.clone().json()) as Pick<OfferGap, 'theme'> & { description?: string };
          const gap = anOfferGap({
            id: '65000000-0000-4000-8000-000000000002',
            theme: body.theme,
            description: body.description ?? null,
            signalledAt: '2026-03-05T13:07:00Z',
          });
          gaps.unshift(gap);
          return jsonResponse(gap, 201);
        },
      }),
    });
  }

  it("lists the case's signals with the theme in Dutch", async () => {
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: gapServer().fetch });
    const panel = await screen.findByRole('region', { name: 'Geen passend aanbod' });
    const table = await within(panel).findByRole('table', { name: 'Signalen van geen passend aanbod bij dit traject' });
    const row = within(table).getByRole('rowheader', { name: 'Nederlands leren' }).closest('tr') as HTMLElement;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Geen NT2 op zaterdag in Brugge.', 'Bert Begeleider', '02/03/2026']);
  });

  it('asks for a theme, then posts the theme and the description', async () => {
    const server = gapServer([]);
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });
    const panel = await screen.findByRole('region', { name: 'Geen passend aanbod' });
    expect(await within(panel).findByText('Nog geen signalen bij dit traject.')).toBeDefined();
    const theme = within(panel).getByLabelText('Thema');
    expect(within(theme).getByRole('option', { name: 'Beroepsopleiding' })).toBeDefined();

    fireEvent.click(within(panel).getByRole('button', { name: 'Signaal bewaren' }));
    await waitFor(() => {
      expect(theme.getAttribute('aria-invalid')).toBe('true');
    });
    expect(within(panel).getByText('Vul dit veld in.')).toBeDefined();
    expect(server.calls('POST', `${CASE_PATH}/offer-gaps`)).toHaveLength(0);

    fireEvent.change(theme, { target: { value: 'vocational_training' } });
    fireEvent.change(within(panel).getByLabelText('Wat ontbrak er? (niet verplicht)'), {
      target: { value: ' Geen avondopleiding lasser binnen 30 km. ' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Signaal bewaren' }));

    expect(await within(panel).findByText('Het signaal is bewaard.')).toBeDefined();
    expect(await server.calls('POST', `${CASE_PATH}/offer-gaps`)[0]?.json()).toEqual({
      theme: 'vocational_training',
      description: 'Geen avondopleiding lasser binnen 30 km.',
    });
    // The list is read again and shows the new signal; the form is empty for the next one.
    expect(await within(panel).findByRole('rowheader', { name: 'Beroepsopleiding' })).toBeDefined();
    expect((theme as HTMLSelectElement).value).toBe('');
  });

  it('posts only the theme when there is no description, and shows field errors at the field', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/cases/:caseId/offer-gaps': () => jsonResponse({ items: [] }),
        'POST /api/v1/regions/:region/cases/:caseId/offer-gaps': () =>
          problemResponse(400, 'VALIDATION.FAILED', {
            errors: [{ field: 'theme', message: 'theme must be one of the themes', rule: 'isIn' }],
          }),
      }),
    });
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });
    const panel = await screen.findByRole('region', { name: 'Geen passend aanbod' });
    fireEvent.change(within(panel).getByLabelText('Thema'), { target: { value: 'financing' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Signaal bewaren' }));

    expect(await within(panel).findByText('Kies een van de mogelijkheden.')).toBeDefined();
    expect(within(panel).getByLabelText('Thema').getAttribute('aria-invalid')).toBe('true');
    expect(await server.calls('POST', `${CASE_PATH}/offer-gaps`)[0]?.json()).toEqual({ theme: 'financing' });
  });
});

describe('case page: health as a barrier (special category)', () => {
  it('keeps health out of the barriers and shows it only when the counsellor asks, every time', async () => {
    const server = caseServer(aCase(), {
      'GET /api/v1/regions/:region/cases/:caseId/sensitive': () => jsonResponse({ healthBarrier: true }),
    });
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });

    const details = await screen.findByRole('region', { name: 'Leervraag en doel' });
    expect(within(details).getByText('Verborgen (gevoelig gegeven)')).toBeDefined();
    const reveal = within(details).getByRole('button', { name: 'Toon gevoelige gegevens' });
    expect(reveal.getAttribute('aria-describedby')).not.toBeNull();
    expect(within(details).getByText(/Tonen wordt gelogd/)).toBeDefined();
    // Each read is audited: nothing is fetched before the click.
    expect(server.calls('GET', `${CASE_PATH}/sensitive`)).toHaveLength(0);

    fireEvent.click(reveal);
    expect(await within(details).findByText('Ja')).toBeDefined();
    expect(server.calls('GET', `${CASE_PATH}/sensitive`)).toHaveLength(1);

    fireEvent.click(within(details).getByRole('button', { name: 'Verberg gevoelige gegevens' }));
    expect(within(details).getByText('Verborgen (gevoelig gegeven)')).toBeDefined();
    fireEvent.click(within(details).getByRole('button', { name: 'Toon gevoelige gegevens' }));
    expect(await within(details).findByText('Ja')).toBeDefined();
    expect(server.calls('GET', `${CASE_PATH}/sensitive`)).toHaveLength(2);
  });

  it('explains a refused reveal (403) in plain words', async () => {
    const server = caseServer(aCase(), {
      'GET /api/v1/regions/:region/cases/:caseId/sensitive': () => problemResponse(403, 'AUTH.FORBIDDEN'),
    });
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });

    fireEvent.click(await screen.findByRole('button', { name: 'Toon gevoelige gegevens' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Alleen de begeleider van dit traject en de coördinatoren kunnen gevoelige gegevens zien.',
    );
    expect(screen.getByText('Verborgen (gevoelig gegeven)')).toBeDefined();
  });

  it("does not offer the reveal on another counsellor's case", async () => {
    const server = caseServer(aCase({ counsellorId: '00000000-0000-4000-8000-000000000009' }));
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });

    const details = await screen.findByRole('region', { name: 'Leervraag en doel' });
    expect(
      within(details).getByText('Alleen de begeleider van dit traject en de coördinatoren kunnen dit zien.'),
    ).toBeDefined();
    expect(within(details).queryByRole('button', { name: 'Toon gevoelige gegevens' })).toBeNull();
  });

  it('edits health apart from the barriers: untouched it is not sent, changed it is', async () => {
    let current = aCase();
    const server = caseServer(current, {
      'GET /api/v1/regions/:region/cases/:caseId': () => jsonResponse(current),
      'GET /api/v1/regions/:region/cases/:caseId/sensitive': () => jsonResponse({ healthBarrier: true }),
      'PATCH /api/v1/regions/:region/cases/:caseId': async (request) => {
        const body = (await request.clone().json()) as Partial<Case>;
        current = { ...current, ...body, version: current.version + 1 };
        return jsonResponse(current);
      },
    });
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });

    // Not revealed: the box cannot show the current value and says so; left alone, nothing about health is sent.
    fireEvent.click(await screen.findByRole('button', { name: 'Leervraag en doel wijzigen' }));
    const barriers = screen.getByRole('group', { name: 'Drempels' });
    expect(within(barriers).queryByLabelText('Gezondheid')).toBeNull();
    const health = screen.getByLabelText<HTMLInputElement>('Gezondheid is een drempel');
    expect(health.indeterminate).toBe(true);
    expect(screen.getByText(/De huidige waarde wordt niet getoond/)).toBeDefined();
    fireEvent.change(screen.getByLabelText('Leervraag'), { target: { value: 'Wil zorgkundige worden.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Leervraag en doel zijn opgeslagen.')).toBeDefined();
    expect(await server.calls('PATCH', CASE_PATH)[0]?.json()).toEqual({
      learningQuestion: 'Wil zorgkundige worden.',
      version: 1,
    });

    // Revealed: the box starts from the value shown; unticking it sends false.
    fireEvent.click(screen.getByRole('button', { name: 'Toon gevoelige gegevens' }));
    const details = screen.getByRole('region', { name: 'Leervraag en doel' });
    expect(await within(details).findByText('Ja')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Leervraag en doel wijzigen' }));
    const box = screen.getByLabelText<HTMLInputElement>('Gezondheid is een drempel');
    expect(box.checked).toBe(true);
    expect(box.indeterminate).toBe(false);
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Leervraag en doel zijn opgeslagen.')).toBeDefined();
    expect(await server.calls('PATCH', CASE_PATH)[1]?.json()).toEqual({ healthBarrier: false, version: 2 });
    expect(within(screen.getByRole('region', { name: 'Leervraag en doel' })).getByText('Nee')).toBeDefined();
  });

  it('sends healthBarrier with a new case only when the box was ticked', async () => {
    const created = aCase({ id: '40000000-0000-4000-8000-000000000002' });
    const server = caseServer(aCase(), {
      'POST /api/v1/regions/:region/cases': () => jsonResponse(created, 201),
    });
    renderApp({ path: `/regions/${REGION}/learners/${LEARNER_ID}`, fetch: server.fetch });

    fireEvent.click(await screen.findByRole('button', { name: 'Nieuw traject' }));
    const barriers = screen.getByRole('group', { name: 'Drempels' });
    expect(within(barriers).queryByLabelText('Gezondheid')).toBeNull();
    expect(within(barriers).getByLabelText('Kostprijs')).toBeDefined();
    fireEvent.change(screen.getByLabelText('Soort traject'), { target: { value: 'guidance' } });
    fireEvent.click(within(barriers).getByLabelText('Kostprijs'));
    fireEvent.click(screen.getByLabelText('Gezondheid is een drempel'));
    fireEvent.click(screen.getByRole('button', { name: 'Traject starten' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Traject van Ayşe Çelik' })).toBeDefined();
    expect(await server.calls('POST', `/api/v1/regions/${REGION}/cases`)[0]?.json()).toEqual({
      learnerId: LEARNER_ID,
      kind: 'guidance',
      themes: [],
      barriers: ['cost'],
      healthBarrier: true,
    });
  });

  it('leaves healthBarrier out of a new case when the box was not touched', async () => {
    const server = caseServer(aCase(), {
      'POST /api/v1/regions/:region/cases': () => jsonResponse(aCase(), 201),
    });
    renderApp({ path: `/regions/${REGION}/learners/${LEARNER_ID}`, fetch: server.fetch });

    fireEvent.click(await screen.findByRole('button', { name: 'Nieuw traject' }));
    fireEvent.change(screen.getByLabelText('Soort traject'), { target: { value: 'info' } });
    fireEvent.click(screen.getByRole('button', { name: 'Traject starten' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Traject van Ayşe Çelik' })).toBeDefined();
    const body = (await server.calls('POST', `/api/v1/regions/${REGION}/cases`)[0]?.json()) as Record<string, unknown>;
    expect(body).toEqual({ learnerId: LEARNER_ID, kind: 'info', themes: [], barriers: [] });
    expect('healthBarrier' in body).toBe(false);
  });
});
