import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '@/test/fake-fetch';
import { COUNSELLOR, createFakeServer, PARTNER_USER, problemResponse } from '@/test/fake-api';
import { CASE_ID, guidanceRoutes, LEARNER_ID, page, REGION } from '@/test/guidance-fixtures';
import {
  aCataloguePartner,
  aPacket,
  aPartnerReferral,
  aRegistration,
  REFERRAL_ID,
  REGISTRATION_ID,
  type PartnerReferral,
} from '@/test/referral-fixtures';
import { renderApp } from '@/test/render-app';

describe('registrations inbox', () => {
  it('shows the person and consent reference; accepting warns about a duplicate and can attach', async () => {
    const server = createFakeServer({
      me: COUNSELLOR,
      routes: guidanceRoutes({
        'GET /api/v1/partners/:partnerId': () => jsonResponse(aCataloguePartner()),
        'GET /api/v1/regions/:region/registrations': () => page([aRegistration()]),
        'POST /api/v1/regions/:region/registrations/:registrationId/accept': async (request) => {
          const body = (await request.clone().json()) as { existingLearnerId?: string; confirmNewPerson?: boolean };
          if (body.existingLearnerId === undefined && body.confirmNewPerson !== true) {
            return problemResponse(409, 'LEARNER.POSSIBLE_DUPLICATE', {
              candidates: [
                { id: LEARNER_ID, firstName: 'Olena', lastName: 'Kovalenko', dateOfBirth: '1991-03-08', municipality: 'Brugge' },
              ],
            });
          }
          return jsonResponse({
            registration: aRegistration({ status: 'accepted', learnerId: LEARNER_ID, caseId: CASE_ID }),
            learnerId: LEARNER_ID,
            caseId: CASE_ID,
          });
        },
      }),
    });
    renderApp({ path: `/regions/${REGION}/registrations`, fetch: server.fetch });

    const card = (await screen.findByRole('heading', { level: 3, name: 'Olena Kovalenko' })).closest('section') as HTMLElement;
    expect(within(card).getByText('Toestemmingsformulier v3, 2026-11-20')).toBeDefined();
    expect(within(card).getByText('olena@example.be')).toBeDefined();
    expect(within(card).getByText('08/03/1991')).toBeDefined();
    expect(await within(card).findByText('CVO Brugge')).toBeDefined();

    fireEvent.click(within(card).getByRole('button', { name: 'Aanvaarden: Olena Kovalenko' }));
    expect(await within(card).findByRole('heading', { name: 'Bestaat deze persoon al?' })).toBeDefined();
    expect(within(card).getByRole('link', { name: 'Olena Kovalenko' }).getAttribute('href')).toBe(
      `/regions/${REGION}/learners/${LEARNER_ID}`,
    );
    expect(within(card).getByRole('button', { name: 'Registreren als nieuwe persoon' })).toBeDefined();

    fireEvent.click(within(card).getByRole('button', { name: 'Koppelen aan deze lerende: Olena Kovalenko' }));
    const link = await within(card).findByRole('link', { name: 'Naar het nieuwe traject' });
    expect(link.getAttribute('href')).toBe(`/regions/${REGION}/cases/${CASE_ID}`);
    const path = `/api/v1/regions/${REGION}/registrations/${REGISTRATION_ID}/accept`;
    const calls = server.calls('POST', path);
    expect(calls).toHaveLength(2);
    expect(await calls[0]?.json()).toEqual({});
    expect(await calls[1]?.json()).toEqual({ existingLearnerId: LEARNER_ID });
  });
});

function partnerServer(initial: PartnerReferral) {
  let current = initial;
  const server = createFakeServer({
    me: PARTNER_USER,
    routes: {
      'GET /api/v1/partner/me': () =>
        jsonResponse({ partner: { id: PARTNER_USER.partnerId, name: 'CVO Brugge', status: 'active' }, principal: 'user', scopes: [] }),
      'GET /api/v1/partner/referrals': () => page([current]),
      'POST /api/v1/partner/referrals/:referralId/transitions': async (request) => {
        const body = (await request.clone().json()) as { to: PartnerReferral['status']; startDate?: string; reason?: string };
        current = {
          ...current,
          status: body.to,
          startDate: body.startDate ?? null,
          declineReason: body.reason ?? null,
          allowedTransitions: body.to === 'scheduled' ? ['enrolled'] : [],
        };
        return jsonResponse(current);
      },
    },
  });
  return server;
}

const TRANSITIONS = `/api/v1/partner/referrals/${REFERRAL_ID}/transitions`;

describe('partner page', () => {
  it('shows the packet and offers only the allowed answers; scheduling needs a start date', async () => {
    const server = partnerServer(aPartnerReferral({ allowedTransitions: ['accepted', 'declined', 'scheduled'] }));
    renderApp({ path: '/partner', fetch: server.fetch });

    expect(await screen.findByRole('heading', { level: 1, name: 'CVO Brugge' })).toBeDefined();
    const card = (await screen.findByRole('heading', { level: 2, name: 'Ayşe Çelik' })).closest('article') as HTMLElement;
    expect(within(card).getByText('ayse@example.be')).toBeDefined();
    expect(within(card).getByText('Wil verpleegkundige worden.')).toBeDefined();
    const answers = within(card).getByRole('group', { name: 'Antwoorden voor Ayşe Çelik' });
    expect(within(answers).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'We nemen deze persoon aan',
      'We kunnen deze persoon niet helpen',
      'Startdatum doorgeven',
    ]);
    expect(within(card).queryByRole('button', { name: 'Ik heb dit ontvangen' })).toBeNull();

    fireEvent.click(within(answers).getByRole('button', { name: 'Startdatum doorgeven' }));
    fireEvent.click(await within(card).findByRole('button', { name: 'Antwoord versturen' }));
    expect(await within(card).findByText('Vul de startdatum in.')).toBeDefined();
    expect(server.calls('POST', TRANSITIONS)).toHaveLength(0);

    fireEvent.change(within(card).getByLabelText('Startdatum'), { target: { value: '2026-09-01' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Antwoord versturen' }));
    expect(await screen.findByText('Je antwoord is bewaard. Dank je wel!')).toBeDefined();
    const [post] = server.calls('POST', TRANSITIONS);
    expect(await post?.json()).toEqual({ to: 'scheduled', startDate: '2026-09-01' });
    expect(post?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    // Now only what the new status allows.
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Is ingeschreven' })).toBeDefined();
    });
    expect(screen.queryByRole('button', { name: 'Startdatum doorgeven' })).toBeNull();
  });

  it('declining needs a reason; a packet without contact data says so', async () => {
    const server = partnerServer(
      aPartnerReferral({ allowedTransitions: ['declined'], packet: aPacket({ learner: null }) }),
    );
    renderApp({ path: '/partner', fetch: server.fetch });

    const card = (await screen.findByRole('heading', { level: 2, name: 'Persoon (naam niet gedeeld)' })).closest(
      'article',
    ) as HTMLElement;
    expect(within(card).getAllByText('Niet gedeeld').length).toBeGreaterThanOrEqual(3);

    fireEvent.click(within(card).getByRole('button', { name: 'We kunnen deze persoon niet helpen' }));
    fireEvent.click(await within(card).findByRole('button', { name: 'Antwoord versturen' }));
    expect(await within(card).findByText('Kies een reden.')).toBeDefined();
    expect(server.calls('POST', TRANSITIONS)).toHaveLength(0);

    fireEvent.change(within(card).getByLabelText('Reden'), { target: { value: 'full' } });
    fireEvent.change(within(card).getByLabelText('Bericht voor de leerwinkel (niet verplicht)'), {
      target: { value: 'Volgende reeks start in januari.' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Antwoord versturen' }));
    await waitFor(() => {
      expect(server.calls('POST', TRANSITIONS)).toHaveLength(1);
    });
    expect(await server.calls('POST', TRANSITIONS)[0]?.json()).toEqual({
      to: 'declined',
      reason: 'full',
      note: 'Volgende reeks start in januari.',
    });
    expect(await within(card).findByText('Status: Geweigerd')).toBeDefined();
  });
});
