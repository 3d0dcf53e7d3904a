import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { type ApiProcess, createTestContext, signIn, startApiProcess, type TestContext } from '../support/test-context.js';
import { type Received, Receiver, until } from '../support/webhook-receiver.js';

/** Verifies a delivery as a partner would (Standard Webhooks), independently of the API's own code. */
function validSignature(secret: string, received: Received): boolean {
  const id = String(received.headers['webhook-id']);
  const timestamp = Number(received.headers['webhook-timestamp']);
  const expected = createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64')).update(`${id}.${String(timestamp)}.${received.body}`).digest('base64');
  const fresh = Math.abs(Date.now() / 1000 - timestamp) < 300;
  return fresh && String(received.headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
}

describe('webhooks: signed, from a transactional outbox, retried, dead-lettered, replayable', () => {
  let ctx: TestContext;
  let api: ApiProcess;
  let region: ProvisionedRegion;
  let counsellor: string;
  let coordinator: string;
  let admin: string;
  const receiver = new Receiver();
  const http = () => request(api.url);

  async function partnerWithClient(name: string): Promise<{ id: string; token: string }> {
    const partner = (await http().post('/api/v1/admin/partners').set('authorization', admin).send({ name, type: 'cvo' }).expect(201)).body as { id: string };
    const created = (
      await http()
        .post(`/api/v1/admin/partners/${partner.id}/clients`)
        .set('authorization', admin)
        .send({ name: 'SIS', scopes: ['referrals:read', 'referrals:write', 'webhooks:manage'] })
        .expect(201)
    ).body as { client: { clientId: string }; clientSecret: string };
    const token = (
      await http().post('/api/v1/auth/token').type('form').send({ grant_type: 'client_credentials', client_id: created.client.clientId, client_secret: created.clientSecret }).expect(200)
    ).body as { access_token: string };
    return { id: partner.id, token: `Bearer ${token.access_token}` };
  }

  async function endpoint(token: string, path: string, eventTypes: string[], base = '/api/v1/partner/webhooks'): Promise<{ id: string; secret: string }> {
    const response = await http().post(base).set('authorization', token).send({ url: receiver.url(path), eventTypes, description: path }).expect(201);
    return response.body as { id: string; secret: string };
  }

  /** A learner with a case and consent to share with `partnerId`; answers the ids. */
  async function learnerWithCase(partnerId: string): Promise<{ learnerId: string; caseId: string; consentId: string }> {
    const n = Math.floor(Math.random() * 1e6);
    const regionApi = `/api/v1/regions/${region.slug}`;
    const learner = (
      await http()
        .post(`${regionApi}/learners`)
        .set('authorization', counsellor)
        .send({
          firstName: 'Hanna',
          lastName: `Hook${String(n)}`,
          dateOfBirth: '1988-04-12',
          gender: 'female',
          email: `hanna${String(n)}@voorbeeld.be`,
          nativeLanguage: 'uk',
          dutchLevel: 'A1',
          educationLevel: 'isced_3',
          employmentStatus: 'job_seeker',
          targetGroups: ['newcomer'],
          referralSource: 'self',
          confirmNewPerson: true,
        })
        .expect(201)
    ).body as { id: string };
    const kase = (await http().post(`${regionApi}/cases`).set('authorization', counsellor).send({ learnerId: learner.id, kind: 'guidance', learningQuestion: 'NT2 en daarna een opleiding.' }).expect(201))
      .body as { id: string };
    const consent = (await http().post(`${regionApi}/learners/${learner.id}/consents`).set('authorization', counsellor).send({ purpose: 'partner_sharing', partnerId, textVersion: 'v1' }).expect(201))
      .body as { id: string };
    return { learnerId: learner.id, caseId: kase.id, consentId: consent.id };
  }

  async function refer(caseId: string, partnerId: string): Promise<string> {
    const share = { contactData: true, learningQuestion: true, educationLevel: true, dutchLevel: true };
    const response = await http().post(`/api/v1/regions/${region.slug}/cases/${caseId}/referrals`).set('authorization', counsellor).send({ partnerId, share }).expect(201);
    return (response.body as { id: string }).id;
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    region = await ctx.newRegion();
    await receiver.start();
    api = await startApiProcess({ WEBHOOK_RETRY_DELAY_SECONDS: '1', WEBHOOK_RETRY_LIMIT: '2', LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '1000' });
    counsellor = (await signIn(api.url, await ctx.newUser({ regions: { [region.slug]: 'counsellor' } }))).authorization;
    coordinator = (await signIn(api.url, await ctx.newUser({ regions: { [region.slug]: 'coordinator' } }))).authorization;
    admin = (await signIn(api.url, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
  }, 60_000);
  afterAll(async () => {
    await api.stop();
    await receiver.stop();
    await ctx.close();
  });

  it('sends every event of the referral loop, signed, to the partner and to the region', async () => {
    const partner = await partnerWithClient(`CVO Hook ${String(Date.now())}`);
    const partnerHook = await endpoint(partner.token, '/loop/partner', ['referral.created', 'referral.status_changed']);
    const regionHook = await endpoint(coordinator, '/loop/region', ['referral.status_changed'], `/api/v1/regions/${region.slug}/webhooks`);
    const { caseId } = await learnerWithCase(partner.id);
    const referralId = await refer(caseId, partner.id);
    for (const step of [{ to: 'received' }, { to: 'accepted' }, { to: 'scheduled', startDate: '2027-02-01' }, { to: 'enrolled' }]) {
      await http().post(`/api/v1/partner/referrals/${referralId}/transitions`).set('authorization', partner.token).send(step).expect(200);
    }
    const seen = (await http().get(`/api/v1/regions/${region.slug}/referrals/${referralId}`).set('authorization', counsellor).expect(200)).body as { status: string };
    expect(seen.status).toBe('enrolled');

    const atPartner = await until('5 partner deliveries', () => receiver.at('/loop/partner').length >= 5 && receiver.at('/loop/partner'));
    const atRegion = await until('4 region deliveries', () => receiver.at('/loop/region').length >= 4 && receiver.at('/loop/region'));
    for (const delivery of atPartner) expect(validSignature(partnerHook.secret, delivery)).toBe(true);
    for (const delivery of atRegion) expect(validSignature(regionHook.secret, delivery)).toBe(true);
    expect(validSignature(regionHook.secret, atPartner[0] as Received)).toBe(false);
    const summary = (list: Received[]) => list.map((r) => `${r.json.type}:${String(r.json.data.referral?.status)}`).sort();
    expect(summary(atPartner)).toEqual(['referral.created:sent', 'referral.status_changed:accepted', 'referral.status_changed:enrolled', 'referral.status_changed:received', 'referral.status_changed:scheduled']);
    expect(summary(atRegion)).toEqual(['referral.status_changed:accepted', 'referral.status_changed:enrolled', 'referral.status_changed:received', 'referral.status_changed:scheduled']);
    // Thin events: ids and states, never the learner.
    expect(atPartner.map((r) => r.body).join('\n')).not.toMatch(/Hanna|voorbeeld\.be|NT2/);
    expect(atPartner.find((r) => r.json.data.referral?.status === 'accepted')?.json.data.referral).toMatchObject({
      id: referralId,
      previousStatus: 'received',
      changedBy: 'partner',
      region: { slug: region.slug },
      partnerId: partner.id,
    });
    // Each delivery is listed for its owner, delivered at the first attempt.
    const deliveries = (await http().get(`/api/v1/partner/webhooks/${partnerHook.id}/deliveries`).set('authorization', partner.token).expect(200)).body as {
      items: { status: string; attempts: number }[];
    };
    expect(deliveries.items).toHaveLength(5);
    expect(deliveries.items.every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
  }, 60_000);

  it('retries a receiver that answers 500 and, once it recovers, delivers exactly once', async () => {
    const partner = await partnerWithClient(`CVO Retry ${String(Date.now())}`);
    receiver.answer('/retry', 500);
    const hook = await endpoint(partner.token, '/retry', ['referral.created']);
    const { caseId } = await learnerWithCase(partner.id);
    await refer(caseId, partner.id);
    const [first, second] = await until('a retry', () => receiver.at('/retry').length >= 2 && receiver.at('/retry'));
    expect(first?.headers['webhook-id']).toBe(second?.headers['webhook-id']);
    expect(validSignature(hook.secret, second as Received)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(receiver.at('/retry')).toHaveLength(2);
    const list = (await http().get(`/api/v1/partner/webhooks/${hook.id}/deliveries`).set('authorization', partner.token).expect(200)).body as { items: { id: string }[] };
    const detail = (await http().get(`/api/v1/partner/webhooks/${hook.id}/deliveries/${String(list.items[0]?.id)}`).set('authorization', partner.token).expect(200)).body as {
      status: string;
      attempts: number;
      attemptLog: { responseStatus: number | null }[];
    };
    expect(detail).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(detail.attemptLog.map((a) => a.responseStatus)).toEqual([500, 200]);
  }, 60_000);

  it('dead-letters a delivery whose retries are exhausted; the partner replays it with the same webhook-id', async () => {
    const partner = await partnerWithClient(`CVO Dead ${String(Date.now())}`);
    receiver.answer('/dead', 503, 503, 503);
    const hook = await endpoint(partner.token, '/dead', ['referral.created']);
    const { caseId } = await learnerWithCase(partner.id);
    await refer(caseId, partner.id);
    const deliveriesUrl = `/api/v1/partner/webhooks/${hook.id}/deliveries`;
    const failed = await until('the delivery to fail', async () => {
      const page = (await http().get(`${deliveriesUrl}?status=failed`).set('authorization', partner.token).expect(200)).body as { items: { id: string; attempts: number }[] };
      return page.items[0];
    });
    expect(failed.attempts).toBe(3);
    expect(receiver.at('/dead')).toHaveLength(3);

    const replay = await http().post(`${deliveriesUrl}/${failed.id}/replay`).set('authorization', partner.token).send({}).expect(202);
    const replayed = replay.body as { id: string; replayOf: string; status: string };
    expect(replayed).toMatchObject({ replayOf: failed.id, status: 'pending' });
    await until('the replay', () => receiver.at('/dead').length === 4);
    const ids = new Set(receiver.at('/dead').map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    const done = await until('the replay to be delivered', async () => {
      const detail = (await http().get(`${deliveriesUrl}/${replayed.id}`).set('authorization', partner.token).expect(200)).body as { status: string };
      return detail.status === 'delivered' && detail;
    });
    expect(done.status).toBe('delivered');
    // A pending delivery cannot be replayed; another partner cannot even see it.
    const other = await partnerWithClient(`CVO Other ${String(Date.now())}`);
    await http().get(`${deliveriesUrl}/${replayed.id}`).set('authorization', other.token).expect(404);
    await http().post(`${deliveriesUrl}/${replayed.id}/replay`).set('authorization', other.token).send({}).expect(404);
  }, 60_000);

  it('withdrawing consent blocks new referrals, strips the packets and emits consent.withdrawn', async () => {
    const partner = await partnerWithClient(`CVO Consent ${String(Date.now())}`);
    const hook = await endpoint(partner.token, '/consent', ['consent.withdrawn']);
    const { learnerId, caseId, consentId } = await learnerWithCase(partner.id);
    const referralId = await refer(caseId, partner.id);
    await http().post(`/api/v1/regions/${region.slug}/learners/${learnerId}/consents/${consentId}/withdraw`).set('authorization', counsellor).send({}).expect(200);

    const [event] = await until('consent.withdrawn', () => receiver.at('/consent').length >= 1 && receiver.at('/consent'));
    expect(validSignature(hook.secret, event as Received)).toBe(true);
    expect(event?.json).toMatchObject({ type: 'consent.withdrawn', data: { consent: { partnerId: partner.id, region: { slug: region.slug }, referralIds: [referralId] } } });
    const packet = ((await http().get(`/api/v1/partner/referrals/${referralId}`).set('authorization', partner.token).expect(200)).body as { packet: Record<string, unknown> }).packet;
    expect(packet).toMatchObject({ learner: null, learningQuestion: null, educationLevel: null, consentWithdrawn: true });
    const blocked = await http()
      .post(`/api/v1/regions/${region.slug}/cases/${caseId}/referrals`)
      .set('authorization', counsellor)
      .send({ partnerId: partner.id, share: { contactData: false, learningQuestion: false, educationLevel: false, dutchLevel: false } });
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({ code: 'REFERRAL.NO_SHARING_CONSENT' });
  }, 60_000);

  it('manages endpoints: URL policy, versioned changes, pause, secret rotation, isolation between owners', async () => {
    const partner = await partnerWithClient(`CVO Manage ${String(Date.now())}`);
    const other = await partnerWithClient(`CVO Else ${String(Date.now())}`);
    const bad = await http().post('/api/v1/partner/webhooks').set('authorization', partner.token).send({ url: 'http://partner.example/hook', eventTypes: ['referral.created'] });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'WEBHOOK.URL_NOT_ALLOWED', errors: [{ field: 'url' }] });
    const unknownEvent = await http().post('/api/v1/partner/webhooks').set('authorization', partner.token).send({ url: receiver.url('/x'), eventTypes: ['learner.created'] });
    expect(unknownEvent.status).toBe(400);

    const hook = await endpoint(partner.token, '/manage', ['referral.created']);
    const base = `/api/v1/partner/webhooks/${hook.id}`;
    await http().patch(base).set('authorization', partner.token).send({ enabled: false }).expect(428);
    const paused = (await http().patch(base).set('authorization', partner.token).set('if-match', '"1"').send({ enabled: false }).expect(200)).body as { enabled: boolean; version: number };
    expect(paused).toMatchObject({ enabled: false, version: 2 });
    await http().patch(base).set('authorization', partner.token).set('if-match', '"1"').send({ enabled: true }).expect(412);
    const { caseId } = await learnerWithCase(partner.id);
    await refer(caseId, partner.id);
    const rotated = (await http().post(`${base}/rotate-secret`).set('authorization', partner.token).send({}).expect(200)).body as { secret: string };
    expect(rotated.secret).not.toBe(hook.secret);

    // Another partner and the region see nothing of it; PostgreSQL refuses it too.
    await http().get(base).set('authorization', other.token).expect(404);
    await http().delete(base).set('authorization', other.token).expect(404);
    expect(((await http().get('/api/v1/partner/webhooks').set('authorization', other.token).expect(200)).body as { items: unknown[] }).items).toEqual([]);
    const asRole = (role: string, setting: [string, string], sql: string) =>
      ctx.owner.transaction(async (m) => {
        await m.query("SELECT set_config('role', $1, true), set_config($2, $3, true)", [role, ...setting]);
        return m.query<unknown[]>(sql);
      });
    expect(await asRole(ctx.identity.roles.partner, ['leerwinkel.partner_id', other.id], 'SELECT id FROM exchange.webhook_endpoint')).toEqual([]);
    expect(await asRole(region.roleName, ['leerwinkel.region_id', region.id], `SELECT id FROM exchange.webhook_endpoint WHERE id = '${hook.id}'`)).toEqual([]);
    await expect(asRole(ctx.identity.roles.partner, ['leerwinkel.partner_id', other.id], `UPDATE exchange.webhook_endpoint SET url = 'https://evil.example' WHERE id = '${hook.id}' RETURNING id`)).resolves.toEqual([[], 0]);
    // A partner cannot forge an event for a region it has no exchange with.
    await expect(
      asRole(ctx.identity.roles.partner, ['leerwinkel.partner_id', other.id], `INSERT INTO exchange.webhook_event (type, region_id, partner_id, payload) VALUES ('referral.created', '${region.id}', '${other.id}', '{}')`),
    ).rejects.toThrow(/row-level security/);
    // Nor can a region address events to a partner it exchanges nothing with.
    await expect(
      asRole(region.roleName, ['leerwinkel.region_id', region.id], `INSERT INTO exchange.webhook_event (type, region_id, partner_id, payload) VALUES ('referral.created', '${region.id}', '${other.id}', '{}')`),
    ).rejects.toThrow(/row-level security/);
    await expect(asRole(ctx.identity.roles.webhooks, ['leerwinkel.partner_id', other.id], `SELECT * FROM "${region.schemaName}".learner`)).rejects.toThrow(/permission denied/);

    // The paused endpoint got nothing; removing it removes its history.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.at('/manage')).toEqual([]);
    await http().delete(base).set('authorization', partner.token).expect(204);
    await http().get(`${base}/deliveries`).set('authorization', partner.token).expect(404);
  }, 60_000);
});
