import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@leerwinkel/contracts';
import { jsonResponse } from '@/test/fake-fetch';
import { COORDINATOR, COUNSELLOR, createFakeServer, problemResponse } from '@/test/fake-api';
import {
  aConsent,
  aLearner,
  guidanceRoutes,
  LEARNER_ID,
  page,
  queryOf,
  REGION,
  type Learner,
} from '@/test/guidance-fixtures';
import { renderApp } from '@/test/render-app';

type HistoryEntry = components['schemas']['LearnerHistoryEntryDto'];
type ErasureRequest = components['schemas']['ErasureRequestDto'];

const LEARNER_PATH = `/api/v1/regions/${REGION}/learners/${LEARNER_ID}`;
const LEARNER_URL = `/regions/${REGION}/learners/${LEARNER_ID}`;

/** The text of the element that describes `element` (aria-describedby). */
function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

/** The cells of the row whose header is `header` (texts). */
function rowOf(table: HTMLElement, header: string): string[] {
  const row = within(table).getByRole('rowheader', { name: header }).closest('tr') as HTMLElement;
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

function aHistoryEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: '1',
    field: 'lastName',
    oldValue: 'Celik',
    newValue: 'Çelik',
    changedBy: COUNSELLOR.id,
    changedByName: 'Bert Begeleider',
    changedAt: '2026-03-02T09:30:00Z',
    ...overrides,
  };
}

describe('learner page: restriction and anonymisation', () => {
  it('shows a restriction banner and disables every change, except withdrawing a consent', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/learners/:learnerId': () =>
          jsonResponse(
            aLearner({ restriction: { since: '2026-03-01T10:00:00Z', reason: 'De lerende betwist haar adres.' } }),
          ),
        'GET /api/v1/regions/:region/learners/:learnerId/consents': () => page([aConsent()]),
      }),
    });
    renderApp({ path: LEARNER_URL, fetch: server.fetch });

    const banner = await screen.findByRole('region', { name: 'Verwerking beperkt' });
    expect(within(banner).getByText('Sinds 01/03/2026. Reden: De lerende betwist haar adres.')).toBeDefined();
    expect(within(banner).getByText(/Een toestemming intrekken blijft mogelijk/)).toBeDefined();

    const edit = screen.getByRole<HTMLButtonElement>('button', { name: 'Gegevens wijzigen' });
    expect(edit.disabled).toBe(true);
    expect(descriptionOf(edit)).toBe('Wijzigen kan niet zolang de verwerking beperkt is.');
    const newCase = screen.getByRole<HTMLButtonElement>('button', { name: 'Nieuw traject' });
    expect(newCase.disabled).toBe(true);
    expect(descriptionOf(newCase)).toBe('Wijzigen kan niet zolang de verwerking beperkt is.');
    await screen.findByRole('table', { name: 'Toestemmingen van deze lerende, ook ingetrokken' });
    expect(screen.queryByRole('button', { name: 'Toestemming registreren' })).toBeNull();
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Intrekken: Verwerking voor begeleiding' }).disabled,
    ).toBe(false);
    // The coordinators' actions are not offered to a counsellor.
    expect(screen.queryByRole('region', { name: 'Gegevensbescherming' })).toBeNull();
    expect(server.calls('GET', `/api/v1/regions/${REGION}/erasure-requests`)).toHaveLength(0);
  });

  it('says when a learner was anonymised; there is nothing left to restrict', async () => {
    const server = createFakeServer({
      me: COORDINATOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/learners/:learnerId': () =>
          jsonResponse(
            aLearner({ firstName: 'Geanonimiseerd', lastName: 'Lerende', anonymisedAt: '2026-02-01T02:30:00Z' }),
          ),
      }),
    });
    renderApp({ path: LEARNER_URL, fetch: server.fetch });

    const banner = await screen.findByRole('region', { name: 'Geanonimiseerd' });
    expect(banner.textContent).toContain('op 01/02/2026 geanonimiseerd');
    const edit = screen.getByRole<HTMLButtonElement>('button', { name: 'Gegevens wijzigen' });
    expect(edit.disabled).toBe(true);
    expect(descriptionOf(edit)).toBe('Wijzigen kan niet meer: deze lerende is geanonimiseerd.');
    expect(
      screen.getByText('Een geanonimiseerde lerende heeft geen persoonsgegevens meer om te beperken.'),
    ).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Verwerking beperken' })).toBeNull();
  });

  it('shows a change refused because processing was restricted meanwhile in plain words', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'PATCH /api/v1/regions/:region/learners/:learnerId': () => problemResponse(409, 'LEARNER.RESTRICTED'),
      }),
    });
    renderApp({ path: LEARNER_URL, fetch: server.fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Gegevens wijzigen' }));
    fireEvent.change(screen.getByLabelText('Gemeente (niet verplicht)'), { target: { value: 'Oostende' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'De verwerking van deze lerende is beperkt: er kan niets gewijzigd worden tot een coördinator de beperking opheft.',
    );
  });
});

describe('learner page: restricting processing (coordinators)', () => {
  it('restricts with a reason in a dialog and lifts after a confirmation, each with its own call', async () => {
    let stored: Learner = aLearner();
    const server = createFakeServer({
      me: COORDINATOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/learners/:learnerId': () => jsonResponse(stored),
        'POST /api/v1/regions/:region/learners/:learnerId/restriction': async (request) => {
          const { reason } = (await request.clone().json()) as { reason: string };
          stored = { ...stored, restriction: { since: '2026-03-06T09:00:00Z', reason }, version: stored.version + 1 };
          return jsonResponse(stored, 201);
        },
        'DELETE /api/v1/regions/:region/learners/:learnerId/restriction': () => {
          stored = { ...stored, restriction: null, version: stored.version + 1 };
          return jsonResponse(stored);
        },
      }),
    });
    renderApp({ path: LEARNER_URL, fetch: server.fetch });

    const section = await screen.findByRole('region', { name: 'Gegevensbescherming' });
    fireEvent.click(within(section).getByRole('button', { name: 'Verwerking beperken' }));
    const dialog = screen.getByRole('dialog', { name: 'Verwerking beperken' });
    expect(descriptionOf(dialog)).toMatch(/kan niemand iets van deze lerende wijzigen/);
    const reason = within(dialog).getByLabelText('Reden');
    expect(document.activeElement).toBe(reason);

    // Without a reason nothing is sent; the message is at the field.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verwerking beperken' }));
    expect(await within(dialog).findByText('Geef een reden op.')).toBeDefined();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(server.calls('POST', `${LEARNER_PATH}/restriction`)).toHaveLength(0);

    fireEvent.change(reason, { target: { value: ' De lerende betwist de juistheid van de gegevens. ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verwerking beperken' }));

    expect(await screen.findByText('De verwerking van deze lerende is beperkt.')).toBeDefined();
    expect(screen.queryByRole('dialog')).toBeNull();
    const [post] = server.calls('POST', `${LEARNER_PATH}/restriction`);
    expect(await post?.json()).toEqual({ reason: 'De lerende betwist de juistheid van de gegevens.' });
    const banner = screen.getByRole('region', { name: 'Verwerking beperkt' });
    expect(banner.textContent).toContain('Reden: De lerende betwist de juistheid van de gegevens.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Gegevens wijzigen' }).disabled).toBe(true);
    const lift = screen.getByRole('button', { name: 'Beperking opheffen' });
    await waitFor(() => {
      expect(document.activeElement).toBe(lift);
    });
    // The answer is the learner: no second (logged) read; the corrections are read again.
    expect(server.calls('GET', LEARNER_PATH)).toHaveLength(1);
    await waitFor(() => {
      expect(server.calls('GET', `${LEARNER_PATH}/history`)).toHaveLength(2);
    });

    fireEvent.click(lift);
    const confirm = screen.getByRole('group', { name: 'Beperking opheffen bevestigen' });
    expect(server.calls('DELETE', `${LEARNER_PATH}/restriction`)).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ja, opheffen' }));

    expect(await screen.findByText('De beperking is opgeheven.')).toBeDefined();
    expect(server.calls('DELETE', `${LEARNER_PATH}/restriction`)).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'Verwerking beperkt' })).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Gegevens wijzigen' }).disabled).toBe(false);
  });

  it('closes the dialog with Escape without restricting', async () => {
    const server = createFakeServer({ me: COORDINATOR, routes: guidanceRoutes() });
    renderApp({ path: LEARNER_URL, fetch: server.fetch });
    const open = await screen.findByRole('button', { name: 'Verwerking beperken' });
    fireEvent.click(open);
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));

    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => {
      expect(document.activeElement).toBe(open);
    });
    expect(server.calls('POST', `${LEARNER_PATH}/restriction`)).toHaveLength(0);
  });
});

describe('learner page: history of corrections', () => {
  it('lists the corrections newest first, with Dutch labels, old and new values, who and when', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/learners/:learnerId/history': () =>
          jsonResponse({
            // The API answers newest first.
            items: [
              aHistoryEntry(),
              aHistoryEntry({ id: '2', field: 'dutchLevel', oldValue: 'A2', newValue: 'B1' }),
              aHistoryEntry({
                id: '3',
                field: 'targetGroups',
                oldValue: 'low_qualified',
                newValue: 'low_qualified,newcomer',
              }),
              aHistoryEntry({ id: '4', field: 'insz', oldValue: null, newValue: '(changed)', changedByName: null }),
              aHistoryEntry({
                id: '5',
                field: 'restriction',
                oldValue: null,
                newValue: 'De lerende betwist haar adres.',
                changedBy: COORDINATOR.id,
                changedByName: 'Cora Coördinator',
                changedAt: '2026-03-05T13:07:00Z',
              }),
            ].reverse(),
          }),
      }),
    });
    renderApp({ path: LEARNER_URL, fetch: server.fetch });

    const table = await screen.findByRole('table', {
      name: 'Verbeteringen van de gegevens van deze lerende, nieuwste eerst',
    });
    const headers = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual([
      'Beperking van de verwerking',
      'Rijksregisternummer (INSZ)',
      'Doelgroepen',
      'Niveau Nederlands',
      'Achternaam',
    ]);
    expect(rowOf(table, 'Achternaam')).toEqual(['Celik', 'Çelik', 'Bert Begeleider', '02/03/2026 10:30']);
    expect(rowOf(table, 'Niveau Nederlands').slice(0, 2)).toEqual(['A2', 'B1']);
    expect(rowOf(table, 'Doelgroepen').slice(0, 2)).toEqual(['Laaggeschoold', 'Laaggeschoold, Nieuwkomer']);
    // The INSZ is never shown in the history.
    expect(rowOf(table, 'Rijksregisternummer (INSZ)').slice(0, 3)).toEqual([
      'Geen nummer',
      'Een nieuw nummer (niet getoond)',
      'Onbekende gebruiker',
    ]);
    expect(rowOf(table, 'Beperking van de verwerking')).toEqual([
      'Niet beperkt',
      'De lerende betwist haar adres.',
      'Cora Coördinator',
      '05/03/2026 14:07',
    ]);
  });

  it('says when there are no corrections yet', async () => {
    const server = createFakeServer({ me: COUNSELLOR, routes: guidanceRoutes() });
    renderApp({ path: LEARNER_URL, fetch: server.fetch });
    const section = await screen.findByRole('region', { name: 'Historiek van verbeteringen' });
    expect(await within(section).findByText('De gegevens van deze lerende zijn nog niet verbeterd.')).toBeDefined();
  });
});

describe('learner page: access export (coordinators)', () => {
  let clicked: { download: string; href: string }[];

  beforeEach(() => {
    clicked = [];
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: vi.fn(() => 'blob:inzage') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
  });

  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it('downloads JSON and the readable HTML document with the right format, showing progress meanwhile', async () => {
    let release: () => void = () => undefined;
    const server = createFakeServer({
      me: COORDINATOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/learners/:learnerId/access-export': async (request) => {
          const format = queryOf(request).format ?? 'json';
          if (format === 'json') await new Promise<void>((resolve) => (release = resolve));
          return new Response(format === 'json' ? '{}' : '<!doctype html><title>Inzage</title>', {
            headers: {
              'content-type': format === 'json' ? 'application/json' : 'text/html; charset=utf-8',
              'content-disposition': `attachment; filename="inzage-${LEARNER_ID}-2026-03-06.${format}"`,
            },
          });
        },
      }),
    });
    renderApp({ path: LEARNER_URL, fetch: server.fetch });
    const exports = await screen.findByRole('group', { name: 'Inzage downloaden' });

    fireEvent.click(within(exports).getByRole('button', { name: 'JSON-bestand' }));
    const busy = await within(exports).findByRole<HTMLButtonElement>('button', {
      name: 'JSON-bestand wordt voorbereid…',
    });
    expect(busy.disabled).toBe(true);
    expect(within(exports).getByRole<HTMLButtonElement>('button', { name: 'Leesbaar document (HTML)' }).disabled).toBe(
      true,
    );
    expect(within(exports).getByRole('progressbar')).toBeDefined();
    expect(within(exports).getByRole('status').textContent).toBe('Het bestand wordt voorbereid. Dat kan even duren.');
    release();

    expect(await within(exports).findByText(`inzage-${LEARNER_ID}-2026-03-06.json is gedownload.`)).toBeDefined();
    expect(clicked).toEqual([{ download: `inzage-${LEARNER_ID}-2026-03-06.json`, href: 'blob:inzage' }]);
    expect(within(exports).queryByRole('progressbar')).toBeNull();

    fireEvent.click(within(exports).getByRole('button', { name: 'Leesbaar document (HTML)' }));
    expect(await within(exports).findByText(`inzage-${LEARNER_ID}-2026-03-06.html is gedownload.`)).toBeDefined();
    const formats = server.calls('GET', `${LEARNER_PATH}/access-export`).map((request) => queryOf(request).format);
    expect(formats).toEqual(['json', 'html']);
    expect(clicked.at(-1)?.download).toBe(`inzage-${LEARNER_ID}-2026-03-06.html`);
    // The download is in the access log: the log is read again.
    await waitFor(() => {
      expect(server.calls('GET', `${LEARNER_PATH}/access-log`).length).toBeGreaterThanOrEqual(2);
    });
  });

  it('is not offered to counsellors', async () => {
    const server = createFakeServer({ me: COUNSELLOR, routes: guidanceRoutes() });
    renderApp({ path: LEARNER_URL, fetch: server.fetch });
    await screen.findByRole('region', { name: 'Historiek van verbeteringen' });
    expect(screen.queryByRole('group', { name: 'Inzage downloaden' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Wissen aanvragen' })).toBeNull();
  });
});

describe('learner page: erasure request (coordinators)', () => {
  it('asks for a ground in a dialog that warns it is irreversible, then posts the ground and the note', async () => {
    let pending: ErasureRequest[] = [];
    const server = createFakeServer({
      me: COORDINATOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/erasure-requests': (request) => {
          const { learnerId } = queryOf(request);
          return jsonResponse({ items: pending.filter((item) => item.learnerId === learnerId), nextCursor: null });
        },
        'POST /api/v1/regions/:region/learners/:learnerId/erasure-requests': async (request) => {
          const body = (await request.clone().json()) as Pick<ErasureRequest, 'ground'> & { note?: string };
          const created: ErasureRequest = {
            id: '80000000-0000-4000-8000-000000000001',
            learnerId: LEARNER_ID,
            learnerName: 'Ayşe Çelik',
            pseudonym: '90000000-0000-4000-8000-000000000001',
            ground: body.ground,
            note: body.note ?? null,
            status: 'pending',
            requestedBy: COORDINATOR.id,
            requestedByName: null,
            requestedAt: '2026-03-06T10:00:00Z',
            decidedBy: null,
            decidedByName: null,
            decidedAt: null,
          };
          pending = [created];
          return jsonResponse(created, 201);
        },
      }),
    });
    renderApp({ path: LEARNER_URL, fetch: server.fetch });

    const open = await screen.findByRole('button', { name: 'Wissen aanvragen' });
    await waitFor(() => {
      expect((open as HTMLButtonElement).disabled).toBe(false);
    });
    fireEvent.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Wissen aanvragen' });
    expect(descriptionOf(dialog)).toContain('Let op: dit is onomkeerbaar');
    expect(descriptionOf(dialog)).toContain('worden alle gegevens van Ayşe Çelik definitief gewist');
    const ground = within(dialog).getByLabelText<HTMLSelectElement>('Grond voor de wissing');
    expect([...ground.options].map((option) => option.text)).toEqual([
      'Kies een grond…',
      'De gegevens zijn niet langer nodig',
      'De lerende trekt de toestemming in',
      'De lerende maakt bezwaar tegen de verwerking',
      'De gegevens werden onrechtmatig verwerkt',
      'Wissen is wettelijk verplicht',
      'Andere grond',
    ]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Wissen aanvragen' }));
    expect(await within(dialog).findByText('Kies een grond.')).toBeDefined();
    expect(ground.getAttribute('aria-invalid')).toBe('true');
    expect(server.calls('POST', `${LEARNER_PATH}/erasure-requests`)).toHaveLength(0);

    fireEvent.change(ground, { target: { value: 'consent_withdrawn' } });
    fireEvent.change(within(dialog).getByLabelText('Notitie (niet verplicht)'), {
      target: { value: ' Mondelinge vraag op 28/11. ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Wissen aanvragen' }));

    expect(await screen.findByText(/Het wisverzoek is geregistreerd/)).toBeDefined();
    expect(screen.queryByRole('dialog')).toBeNull();
    const [post] = server.calls('POST', `${LEARNER_PATH}/erasure-requests`);
    expect(await post?.json()).toEqual({ ground: 'consent_withdrawn', note: 'Mondelinge vraag op 28/11.' });
    // The waiting request is shown, with the way to the page where a second coordinator confirms it.
    expect(
      await screen.findByText(/Er wacht een wisverzoek van 06\/03\/2026 op bevestiging door een tweede coördinator/),
    ).toBeDefined();
    expect(screen.getByRole('link', { name: 'Naar Gegevensbescherming' }).getAttribute('href')).toBe(
      `/regions/${REGION}/data-protection`,
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Wissen aanvragen' }).disabled).toBe(true);
    // One exact question about this learner, not a page of everyone's requests to search.
    expect(queryOf(server.calls('GET', `/api/v1/regions/${REGION}/erasure-requests`)[0])).toEqual({
      status: 'pending',
      learnerId: LEARNER_ID,
      limit: '1',
    });
  });

  it('shows a refused request in plain words and keeps the dialog open', async () => {
    const server = createFakeServer({
      me: COORDINATOR,
      routes: guidanceRoutes({
        'POST /api/v1/regions/:region/learners/:learnerId/erasure-requests': () =>
          problemResponse(400, 'VALIDATION.FAILED', {
            errors: [{ field: 'note', message: 'note must be shorter', rule: 'maxLength' }],
          }),
      }),
    });
    renderApp({ path: LEARNER_URL, fetch: server.fetch });
    const open = await screen.findByRole('button', { name: 'Wissen aanvragen' });
    await waitFor(() => {
      expect((open as HTMLButtonElement).disabled).toBe(false);
    });
    fireEvent.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Wissen aanvragen' });
    fireEvent.change(within(dialog).getByLabelText('Grond voor de wissing'), { target: { value: 'objection' } });
    fireEvent.change(within(dialog).getByLabelText('Notitie (niet verplicht)'), { target: { value: 'Lang' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Wissen aanvragen' }));

    expect(await within(dialog).findByText('Dit is te lang.')).toBeDefined();
    const note = within(dialog).getByLabelText('Notitie (niet verplicht)');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => {
      expect(document.activeElement).toBe(note);
    });
  });
});

describe('learner page: INSZ reveal', () => {
  it('explains a refused reveal (403) in plain words', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/regions/:region/learners/:learnerId': () =>
          jsonResponse(aLearner({ inszMasked: '85.07.30-***.**' })),
        'GET /api/v1/regions/:region/learners/:learnerId/insz': () => problemResponse(403, 'AUTH.FORBIDDEN'),
      }),
    });
    renderApp({ path: LEARNER_URL, fetch: server.fetch });

    fireEvent.click(await screen.findByRole('button', { name: 'Toon INSZ' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Alleen wie een traject van deze lerende begeleidt en de coördinatoren kunnen het volledige rijksregisternummer zien.',
    );
    expect(screen.getByText('85.07.30-***.**')).toBeDefined();
  });
});
