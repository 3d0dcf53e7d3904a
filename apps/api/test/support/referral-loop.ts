import { expect } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

/** An in-process app (supertest on its server) or the URL of a running API process. */
export type Api = NestExpressApplication | string;

export function http(api: Api): ReturnType<typeof request> {
  return request(typeof api === 'string' ? api : api.getHttpServer());
}

export interface PartnerWithClient {
  id: string;
  /** `Bearer <access token>` of the partner's system (client credentials). */
  token: string;
}

/** A partner organisation with a client (the given scopes), signed in with client credentials. */
export async function partnerWithClient(api: Api, admin: string, name: string, scopes: string[]): Promise<PartnerWithClient> {
  const partner = (await http(api).post('/api/v1/admin/partners').set('authorization', admin).send({ name, type: 'cvo' }).expect(201)).body as { id: string };
  const created = (await http(api).post(`/api/v1/admin/partners/${partner.id}/clients`).set('authorization', admin).send({ name: 'SIS', scopes }).expect(201)).body as {
    client: { clientId: string };
    clientSecret: string;
  };
  const token = (
    await http(api).post('/api/v1/auth/token').type('form').send({ grant_type: 'client_credentials', client_id: created.client.clientId, client_secret: created.clientSecret }).expect(200)
  ).body as { access_token: string };
  return { id: partner.id, token: `Bearer ${token.access_token}` };
}

/** A learner with a guidance case in a region, optionally with consent to share with a partner. */
export async function caseFor(api: Api, counsellor: string, slug: string, consentTo?: string): Promise<{ learnerId: string; caseId: string }> {
  const n = Math.floor(Math.random() * 1e6);
  const region = (path: string, body: object) => http(api).post(`/api/v1/regions/${slug}${path}`).set('authorization', counsellor).send(body);
  const learner = (
    await region('/learners', {
      firstName: 'Samira',
      lastName: `Loop${n}`,
      dateOfBirth: `19${60 + (n % 40)}-0${1 + (n % 9)}-1${n % 9}`,
      gender: 'female',
      email: `samira${n}@voorbeeld.be`,
      nativeLanguage: 'ar',
      dutchLevel: 'A2',
      educationLevel: 'isced_2',
      employmentStatus: 'job_seeker',
      targetGroups: ['low_qualified'],
      referralSource: 'self',
      confirmNewPerson: true,
    }).expect(201)
  ).body as { id: string };
  const kase = (await region('/cases', { learnerId: learner.id, kind: 'guidance', learningQuestion: 'Wil een opleiding zorgkundige volgen.' }).expect(201)).body as { id: string };
  if (consentTo) await region(`/learners/${learner.id}/consents`, { purpose: 'partner_sharing', partnerId: consentTo, textVersion: 'v1' }).expect(201);
  return { learnerId: learner.id, caseId: kase.id };
}

/**
 * The closed referral loop, as users live it: the counsellor refers a learner (with consent) to the partner
 * (`regionSide`), the partner's system takes it through received → accepted → scheduled → enrolled
 * (`partnerSide`, which may be another API process), and the counsellor sees every step in order. Answers the
 * referral's id.
 */
export async function runReferralLoop(options: { regionSide: Api; partnerSide: Api; slug: string; counsellor: string; partner: PartnerWithClient }): Promise<string> {
  const { regionSide, partnerSide, slug, counsellor, partner } = options;
  const inRegion = (path: string) => `/api/v1/regions/${slug}${path}`;
  const { caseId } = await caseFor(regionSide, counsellor, slug, partner.id);
  const share = { contactData: true, learningQuestion: true, educationLevel: true, dutchLevel: false };
  const sent = (await http(regionSide).post(inRegion(`/cases/${caseId}/referrals`)).set('authorization', counsellor).send({ partnerId: partner.id, share, preferredStart: '2026-09-01' }).expect(201))
    .body as { id: string; status: string; allowedTransitions: string[]; packet: unknown };
  expect(sent).toMatchObject({ status: 'sent', allowedTransitions: ['withdrawn', 'declined'] });
  expect(sent.packet).toMatchObject({ learner: { firstName: 'Samira' }, learningQuestion: 'Wil een opleiding zorgkundige volgen.', region: { slug }, partner: { id: partner.id } });

  const inbox = (await http(partnerSide).get('/api/v1/partner/referrals').set('authorization', partner.token).expect(200)).body as { items: { id: string }[] };
  expect(inbox.items.map((r) => r.id)).toContain(sent.id);
  for (const step of [{ to: 'received' }, { to: 'accepted' }, { to: 'scheduled', startDate: '2026-09-07' }, { to: 'enrolled', note: 'Ingeschreven in groep 2' }]) {
    await http(partnerSide).post(`/api/v1/partner/referrals/${sent.id}/transitions`).set('authorization', partner.token).send(step).expect(200);
  }
  const seen = (await http(regionSide).get(inRegion(`/referrals/${sent.id}`)).set('authorization', counsellor).expect(200)).body as {
    status: string;
    startDate: string;
    events: { to: string; actorKind: string }[];
  };
  expect(seen).toMatchObject({ status: 'enrolled', startDate: '2026-09-07' });
  expect(seen.events.map((e) => `${e.actorKind}:${e.to}`)).toEqual(['region:sent', 'partner:received', 'partner:accepted', 'partner:scheduled', 'partner:enrolled']);
  const forCase = (await http(regionSide).get(inRegion(`/cases/${caseId}/referrals`)).set('authorization', counsellor).expect(200)).body as { items: { id: string; status: string }[] };
  expect(forCase.items[0]).toMatchObject({ id: sent.id, status: 'enrolled' });

  const illegal = await http(partnerSide).post(`/api/v1/partner/referrals/${sent.id}/transitions`).set('authorization', partner.token).send({ to: 'accepted' });
  expect(illegal.status).toBe(409);
  expect(illegal.body).toMatchObject({ code: 'REFERRAL.INVALID_TRANSITION' });
  return sent.id;
}
