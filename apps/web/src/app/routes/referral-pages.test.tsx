import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '@/test/fake-fetch';
import { COUNSELLOR, createFakeServer, problemResponse } from '@/test/fake-api';
import {
  aCase,
  aConsent,
  CASE_ID,
  guidanceRoutes,
  LEARNER_ID,
  page,
  queryOf,
  REGION,
  type Consent,
} from '@/test/guidance-fixtures';
import {
  aCataloguePartner,
  anOffer,
  aReferral,
  OFFER_ID,
  PARTNER_ID,
  REFERRAL_ID,
  type Referral,
} from '@/test/referral-fixtures';
import { renderApp } from '@/test/render-app';

const CASE_REFERRALS = `/api/v1/regions/${REGION}/cases/${CASE_ID}/referrals`;
const CONSENTS = `/api/v1/regions/${REGION}/learners/${LEARNER_ID}/consents`;
const LEARNER = `/api/v1/regions/${REGION}/learners/${LEARNER_ID}`;

/** A case page server with a catalogue of one partner, stateful consents and referrals. */
function referralServer(initialConsents: Consent[], overrides: Parameters<typeof guidanceRoutes>[0] = {}) {
  const consents = [...initialConsents];
  const referrals: Referral[] = [];
  const server = createFakeServer({
    me: COUNSELLOR,
    routes: guidanceRoutes({
      'GET /api/v1/regions/:region/cases/:caseId': () => jsonResponse(aCase({ status: 'guidance' })),
      'GET /api/v1/partners': () => page([aCataloguePartner()]),
      'GET /api/v1/partners/:partnerId': () => jsonResponse(aCataloguePartner()),
      'GET /api/v1/partners/:partnerId/offers': () => page([anOffer()]),
      'GET /api/v1/regions/:region/learners/:learnerId/consents': () => page(consents),
      'POST /api/v1/regions/:region/learners/:learnerId/consents': async (request) => {
        const body = (await request.clone().json()) as Pick<Consent, 'purpose' | 'partnerId' | 'textVersion'>;
        const consent = aConsent({ id: `consent-${String(consents.length)}`, ...body });
        consents.push(consent);
        return jsonResponse(consent, 201);
      },
      'GET /api/v1/regions/:region/cases/:caseId/referrals': () => page(referrals),
      'POST /api/v1/regions/:region/cases/:caseId/referrals': async (request) => {
        const body = (await request.clone().json()) as { partnerId: string; offerId?: string };
        const allowed = consents.some(
          (consent) =>
            consent.purpose === 'partner_sharing' && consent.partnerId === body.partnerId && consent.withdrawnAt === null,
        );
        if (!allowed) return problemResponse(409, 'REFERRAL.NO_SHARING_CONSENT');
        const referral = aReferral({ offerId: body.offerId ?? null });
        referrals.push(referral);
        return jsonResponse(referral, 201);
      },
      ...overrides,
    }),
  });
  return server;
}

async function openReferralForm() {
  fireEvent.click(await screen.findByRole('button', { name: 'Doorverwijzen' }));
  const form = (await screen.findByRole('heading', { level: 4, name: 'Doorverwijzen naar een partnerorganisatie' })).closest(
    'form',
  ) as HTMLElement;
  fireEvent.click(await within(form).findByRole('radio', { name: /CVO Brugge/ }));
  return form;
}

describe('referring from the case page', () => {
  it('searches the offers of a partner with more than one page, and the chosen offer is sent', async () => {
    const many = Array.from({ length: 25 }, (_value, index) =>
      anOffer({ id: `6e8a1d4c-5f2b-4c7e-b3a9-0d1f2e3c4${String(100 + index)}`, name: `Module ${String(index + 1)}` }),
    );
    const welding = anOffer({ id: '6e8a1d4c-5f2b-4c7e-b3a9-0d1f2e3c4999', name: 'Lassen TIG' });
    const server = referralServer([aConsent({ purpose: 'partner_sharing', partnerId: PARTNER_ID })], {
      'GET /api/v1/partners/:partnerId/offers': (request) => {
        const { q, cursor } = queryOf(request);
        if (q !== undefined) return page([welding].filter((offer) => offer.name.toLowerCase().includes(q)));
        return cursor === undefined ? page(many, 'next') : page([welding]);
      },
    });
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });
    const form = await openReferralForm();

    // More than one page: a labelled search field next to the select.
    const search = await within(form).findByLabelText('Zoek een aanbod op naam');
    fireEvent.change(search, { target: { value: 'lassen' } });
    await waitFor(() => {
      const select = within(form).getByLabelText<HTMLSelectElement>('Aanbod (niet verplicht)');
      expect([...select.options].map((option) => option.value)).toEqual(['', welding.id]);
    });
    expect(server.calls('GET', `/api/v1/partners/${PARTNER_ID}/offers`).some((call) => queryOf(call).q === 'lassen')).toBe(true);
    fireEvent.change(within(form).getByLabelText('Aanbod (niet verplicht)'), { target: { value: welding.id } });
    expect(await within(form).findByText('Toestemming aanwezig')).toBeDefined();
    fireEvent.click(within(form).getByRole('button', { name: 'Doorverwijzing versturen' }));
    expect(await screen.findByText('De doorverwijzing is verstuurd. Status: Verstuurd.')).toBeDefined();
    expect(((await server.calls('POST', CASE_REFERRALS)[0]?.json()) as { offerId?: string }).offerId).toBe(welding.id);
  }, 20_000);

  it('refuses to send without consent, offers to record it, then sends the chosen body', async () => {
    const server = referralServer([aConsent()]);
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });
    const form = await openReferralForm();

    // The catalogue is asked for the partners of this region only.
    expect(queryOf(server.calls('GET', '/api/v1/partners')[0]).region).toBe(REGION);
    expect(await within(form).findByText('Nog geen toestemming')).toBeDefined();
    const record = within(form).getByRole('button', { name: 'Toestemming registreren' });
    expect(within(form).getByLabelText<HTMLInputElement>('Versie van de toestemmingstekst').value).toBe('v1');

    fireEvent.click(within(form).getByRole('button', { name: 'Doorverwijzing versturen' }));
    expect(
      await within(form).findByText('Registreer eerst de toestemming van de lerende om met deze partner te delen.'),
    ).toBeDefined();
    expect(server.calls('POST', CASE_REFERRALS)).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Versie van de toestemmingstekst'), { target: { value: 'v2' } });
    fireEvent.click(record);
    expect(await within(form).findByText('Toestemming aanwezig')).toBeDefined();
    expect(await server.calls('POST', CONSENTS)[0]?.json()).toEqual({
      purpose: 'partner_sharing',
      partnerId: PARTNER_ID,
      textVersion: 'v2',
    });

    fireEvent.change(await within(form).findByLabelText('Aanbod (niet verplicht)'), { target: { value: OFFER_ID } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Niveau Nederlands' }));
    fireEvent.change(within(form).getByLabelText('Gewenste startdatum (niet verplicht)'), {
      target: { value: '2030-09-01' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Doorverwijzing versturen' }));

    expect(await screen.findByText('De doorverwijzing is verstuurd. Status: Verstuurd.')).toBeDefined();
    const [post] = server.calls('POST', CASE_REFERRALS);
    expect(await post?.json()).toEqual({
      partnerId: PARTNER_ID,
      offerId: OFFER_ID,
      share: { contactData: true, learningQuestion: true, educationLevel: false, dutchLevel: true },
      preferredStart: '2030-09-01',
    });
    // The case's list shows the new referral with its status.
    const panel = screen.getByRole('region', { name: 'Doorverwijzingen' });
    const row = (await within(panel).findByText('CVO Brugge')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Verstuurd')).toBeDefined();
  });

  it('shows the API refusal when the consent is gone on the server, and reads the consents again', async () => {
    // The form believes there is consent (it was withdrawn elsewhere meanwhile): the API says no.
    const server = referralServer([aConsent({ purpose: 'partner_sharing', partnerId: PARTNER_ID })], {
      'POST /api/v1/regions/:region/cases/:caseId/referrals': () => problemResponse(409, 'REFERRAL.NO_SHARING_CONSENT'),
    });
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });
    const form = await openReferralForm();
    await within(form).findByText('Toestemming aanwezig');
    const reads = server.calls('GET', CONSENTS).length;

    fireEvent.click(within(form).getByRole('button', { name: 'Doorverwijzing versturen' }));

    expect(
      await within(form).findByText(
        'De lerende gaf nog geen toestemming om gegevens te delen met deze partnerorganisatie. Registreer eerst die toestemming.',
      ),
    ).toBeDefined();
    await waitFor(() => {
      expect(server.calls('GET', CONSENTS).length).toBe(reads + 1);
    });
    expect(screen.queryByText(/De doorverwijzing is verstuurd/)).toBeNull();
  });

  it("reads the learner's record (a logged read) only once the form opens, for the preview", async () => {
    const server = referralServer([aConsent({ purpose: 'partner_sharing', partnerId: PARTNER_ID })]);
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });
    await screen.findByRole('button', { name: 'Doorverwijzen' });
    expect(server.calls('GET', LEARNER)).toHaveLength(0);

    const form = await openReferralForm();

    const preview = within(form).getByRole('region', { name: 'Wat de partner zal zien' });
    expect(await within(preview).findByText('Ayşe Çelik')).toBeDefined();
    expect(server.calls('GET', LEARNER)).toHaveLength(1);
  });

  it('the packet preview shows exactly what is shared: no contact data when unchecked', async () => {
    const server = referralServer([aConsent({ purpose: 'partner_sharing', partnerId: PARTNER_ID })]);
    renderApp({ path: `/regions/${REGION}/cases/${CASE_ID}`, fetch: server.fetch });
    const form = await openReferralForm();
    const preview = within(form).getByRole('region', { name: 'Wat de partner zal zien' });

    expect(await within(preview).findByText('Ayşe Çelik')).toBeDefined();
    expect(within(preview).getByText('ayse@example.be')).toBeDefined();
    expect(within(preview).getByText('Wil verpleegkundige worden.')).toBeDefined();

    fireEvent.click(within(form).getByRole('checkbox', { name: 'Contactgegevens' }));

    expect(within(preview).queryByText('Ayşe Çelik')).toBeNull();
    expect(within(preview).queryByText('ayse@example.be')).toBeNull();
    expect(within(preview).getAllByText('Niet gedeeld').length).toBeGreaterThanOrEqual(3);
    expect(within(preview).getByText('Wil verpleegkundige worden.')).toBeDefined();

    fireEvent.click(within(form).getByRole('button', { name: 'Doorverwijzing versturen' }));
    await waitFor(() => {
      expect(server.calls('POST', CASE_REFERRALS)).toHaveLength(1);
    });
    const body = (await server.calls('POST', CASE_REFERRALS)[0]?.json()) as { share: { contactData: boolean } };
    expect(body.share.contactData).toBe(false);
  });
});

describe('region referrals', () => {
  it('flags overdue referrals in words and filters on overdue', async () => {
    const late = aReferral({ id: 'late', overdue: true, packet: { ...aReferral().packet, learner: null } });
    const onTime = aReferral({ id: 'on-time', status: 'accepted' });
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/partners/:partnerId': () => jsonResponse(aCataloguePartner()),
        'GET /api/v1/regions/:region/referrals': (request) =>
          page(new URL(request.url).searchParams.get('overdue') === 'true' ? [late] : [late, onTime]),
      }),
    });
    renderApp({ path: `/regions/${REGION}/referrals`, fetch: server.fetch });

    expect(await screen.findByRole('heading', { level: 2, name: 'Doorverwijzingen' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'Doorverwijzingen' }).getAttribute('aria-current')).toBe('page');
    const lateRow = (await screen.findByRole('link', { name: 'Bekijken: Naam niet gedeeld' })).closest('tr') as HTMLElement;
    expect(within(lateRow).getByText('Te laat')).toBeDefined();
    expect(lateRow.getAttribute('data-overdue')).toBe('true');
    const onTimeRow = screen.getByRole('link', { name: 'Bekijken: Ayşe Çelik' }).closest('tr') as HTMLElement;
    expect(within(onTimeRow).queryByText('Te laat')).toBeNull();
    expect(within(onTimeRow).getByText('Aanvaard')).toBeDefined();
    expect(screen.getByText('2 doorverwijzingen getoond. 1 ervan is te laat.')).toBeDefined();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Alleen te late (geen antwoord op tijd)' }));
    await waitFor(() => {
      expect(screen.queryByRole('link', { name: 'Bekijken: Ayşe Çelik' })).toBeNull();
    });
    expect(queryOf(server.calls('GET', `/api/v1/regions/${REGION}/referrals`).at(-1)).overdue).toBe('true');
  });

  it('the detail shows the history and records that the learner pulls out, with a reason', async () => {
    let current: Referral = aReferral({
      allowedTransitions: ['withdrawn', 'declined'],
      events: [
        { id: '1', from: null, to: 'sent', reason: null, note: null, startDate: null, actorKind: 'region', at: '2026-03-01T09:00:00Z' },
        { id: '2', from: 'sent', to: 'received', reason: null, note: 'Gezien.', startDate: null, actorKind: 'partner', at: '2026-03-02T09:00:00Z' },
      ],
    });
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/partners/:partnerId': () => jsonResponse(aCataloguePartner()),
        'GET /api/v1/regions/:region/referrals/:referralId': () => jsonResponse(current),
        'POST /api/v1/regions/:region/referrals/:referralId/transitions': async (request) => {
          const body = (await request.clone().json()) as { to: Referral['status']; reason?: string };
          current = { ...current, status: body.to, declineReason: body.reason ?? null, declinedBy: 'learner', allowedTransitions: [] };
          return jsonResponse(current);
        },
      }),
    });
    renderApp({ path: `/regions/${REGION}/referrals/${REFERRAL_ID}`, fetch: server.fetch });

    const history = await screen.findByRole('list', { name: 'Geschiedenis van de doorverwijzing, nieuwste eerst' });
    expect(within(history).getAllByRole('listitem').map((item) => item.querySelector('.timeline__title')?.textContent)).toEqual([
      'Van Verstuurd naar Ontvangen',
      'Aangemaakt met status Verstuurd',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Lerende haakt af' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('Vul dit veld in.')).toBeDefined();
    const path = `/api/v1/regions/${REGION}/referrals/${REFERRAL_ID}/transitions`;
    expect(server.calls('POST', path)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Reden'), { target: { value: 'learner_unreachable' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('De doorverwijzing is bijgewerkt.')).toBeDefined();
    expect(await server.calls('POST', path)[0]?.json()).toEqual({ to: 'declined', reason: 'learner_unreachable' });
  });
});
