import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ReferralExpiryJob } from '../../src/modules/referrals/referral-expiry.job.js';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { caseFor as sharedCaseFor, partnerWithClient as sharedPartnerWithClient, runReferralLoop } from '../support/referral-loop.js';
import { createTestContext, signIn, type TestContext } from '../support/test-context.js';

interface Referral {
  id: string;
  status: string;
  allowedTransitions: string[];
  packet: { learner: { firstName: string; email: string | null } | null; learningQuestion: string | null; region: { slug: string }; counsellor: { email: string } };
  startDate: string | null;
}

describe('referrals: the closed loop between a leerwinkel and a partner', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let region: ProvisionedRegion;
  let otherRegion: ProvisionedRegion;
  let counsellor: string;
  let otherCounsellor: string;
  let partnerA: { id: string; token: string };
  let partnerB: { id: string; token: string };
  const server = () => app.getHttpServer();
  const inRegion = (auth: string, slug = region.slug) => ({
    get: (url: string) => request(server()).get(`/api/v1/regions/${slug}${url}`).set('authorization', auth),
    post: (url: string, body: object) => request(server()).post(`/api/v1/regions/${slug}${url}`).set('authorization', auth).send(body),
  });
  const asPartner = (token: string) => ({
    get: (url: string) => request(server()).get(`/api/v1/partner${url}`).set('authorization', token),
    post: (url: string, body: object) => request(server()).post(`/api/v1/partner${url}`).set('authorization', token).send(body),
  });

  const scopes = ['referrals:read', 'referrals:write', 'registrations:write'];
  const partnerWithClient = (admin: string, name: string) => sharedPartnerWithClient(app, admin, name, scopes);
  /** A learner with a guidance case (and optionally consent to share with a partner) in a region. */
  const caseFor = (auth: string, slug: string, consentTo?: string) => sharedCaseFor(app, auth, slug, consentTo);

  const share = { contactData: true, learningQuestion: true, educationLevel: true, dutchLevel: false };

  beforeAll(async () => {
    ctx = await createTestContext();
    [region, otherRegion] = await Promise.all([ctx.newRegion(), ctx.newRegion()]);
    app = await ctx.newApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '1000' } });
    counsellor = (await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'counsellor' } }))).authorization;
    otherCounsellor = (await signIn(app, await ctx.newUser({ regions: { [otherRegion.slug]: 'counsellor' } }))).authorization;
    const admin = (await signIn(app, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
    partnerA = await partnerWithClient(admin, `CVO A ${Date.now()}`);
    partnerB = await partnerWithClient(admin, `CVO B ${Date.now()}`);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('the whole loop: sent → received → accepted → scheduled → enrolled, seen by the counsellor', async () => {
    await runReferralLoop({ regionSide: app, partnerSide: app, slug: region.slug, counsellor, partner: partnerA });
  });

  it('keeps the history in order when event ids gain a digit (numeric, not text, order)', async () => {
    const { caseId } = await caseFor(counsellor, region.slug, partnerA.id);
    await ctx.owner.query("SELECT setval(pg_get_serial_sequence('exchange.referral_event', 'id'), greatest(999999998, (SELECT max(id) FROM exchange.referral_event)))");
    const sent = (await inRegion(counsellor).post(`/cases/${caseId}/referrals`, { partnerId: partnerA.id, share }).expect(201)).body as Referral;
    await asPartner(partnerA.token).post(`/referrals/${sent.id}/transitions`, { to: 'received' }).expect(200);
    await asPartner(partnerA.token).post(`/referrals/${sent.id}/transitions`, { to: 'accepted' }).expect(200);
    const seen = (await inRegion(counsellor).get(`/referrals/${sent.id}`).expect(200)).body as { events: { id: string; to: string }[] };
    expect(seen.events.map((e) => e.to)).toEqual(['sent', 'received', 'accepted']);
    // Found by fuzzing: events carried the acting user's id (undocumented; the partner has no business with region staff ids).
    const seenByPartner = (await asPartner(partnerA.token).get(`/referrals/${sent.id}`).expect(200)).body as { events: Record<string, unknown>[] };
    expect(seenByPartner.events.every((event) => !('actorId' in event))).toBe(true);
  });

  it('shares only what the counsellor chose', async () => {
    const { caseId } = await caseFor(counsellor, region.slug, partnerA.id);
    const sent = (await inRegion(counsellor)
      .post(`/cases/${caseId}/referrals`, { partnerId: partnerA.id, share: { contactData: false, learningQuestion: false, educationLevel: true, dutchLevel: true } })
      .expect(201)).body as Referral;
    const seenByPartner = (await asPartner(partnerA.token).get(`/referrals/${sent.id}`).expect(200)).body as Referral;
    expect(seenByPartner.packet).toMatchObject({ learner: null, learningQuestion: null, educationLevel: 'isced_2', dutchLevel: 'A2' });
    expect(JSON.stringify(seenByPartner)).not.toMatch(/Samira|voorbeeld\.be/);
  });

  it('needs consent to share with that partner; withdrawing it blocks new referrals', async () => {
    const { caseId, learnerId } = await caseFor(counsellor, region.slug);
    const without = await inRegion(counsellor).post(`/cases/${caseId}/referrals`, { partnerId: partnerA.id, share });
    expect(without.status).toBe(409);
    expect(without.body).toMatchObject({ code: 'REFERRAL.NO_SHARING_CONSENT' });
    const consent = (await inRegion(counsellor).post(`/learners/${learnerId}/consents`, { purpose: 'partner_sharing', partnerId: partnerA.id, textVersion: 'v1' }).expect(201)).body as { id: string };
    // consent for partner A does not cover partner B
    await inRegion(counsellor).post(`/cases/${caseId}/referrals`, { partnerId: partnerB.id, share }).expect(409);
    await inRegion(counsellor).post(`/cases/${caseId}/referrals`, { partnerId: partnerA.id, share }).expect(201);
    await inRegion(counsellor).post(`/learners/${learnerId}/consents/${consent.id}/withdraw`, {}).expect(200);
    await inRegion(counsellor).post(`/cases/${caseId}/referrals`, { partnerId: partnerA.id, share }).expect(409);
  });

  it('partner B never sees partner A’s referrals, not even by id; a partner token cannot call region routes', async () => {
    const { caseId } = await caseFor(counsellor, region.slug, partnerA.id);
    const sent = (await inRegion(counsellor).post(`/cases/${caseId}/referrals`, { partnerId: partnerA.id, share }).expect(201)).body as Referral;
    await asPartner(partnerB.token).get(`/referrals/${sent.id}`).expect(404);
    await asPartner(partnerB.token).post(`/referrals/${sent.id}/transitions`, { to: 'received' }).expect(404);
    const listB = (await asPartner(partnerB.token).get('/referrals').query({ limit: 100 }).expect(200)).body as { items: Referral[] };
    expect(listB.items.map((r) => r.id)).not.toContain(sent.id);
    await request(server()).get(`/api/v1/regions/${region.slug}/referrals`).set('authorization', partnerA.token).expect(403);
    // another region's counsellor cannot reach it either
    await inRegion(otherCounsellor, otherRegion.slug).get(`/referrals/${sent.id}`).expect(404);
  });

  it('row-level security, not only the code: the partner role sees its own rows, a region only its own', async () => {
    const { caseId } = await caseFor(counsellor, region.slug, partnerA.id);
    const sent = (await inRegion(counsellor).post(`/cases/${caseId}/referrals`, { partnerId: partnerA.id, share }).expect(201)).body as Referral;
    const pool = app.get<DataSource>(getDataSourceToken());
    const asRole = (role: string, settings: Record<string, string>, sql: string) =>
      pool.transaction(async (m) => {
        await m.query("SELECT set_config('role', $1, true)", [role]);
        for (const [name, value] of Object.entries(settings)) await m.query('SELECT set_config($1, $2, true)', [name, value]);
        return m.query<{ id: string }[]>(sql);
      });
    const partnerRole = ctx.identity.roles.partner;
    const mine = await asRole(partnerRole, { 'leerwinkel.partner_id': partnerA.id }, 'SELECT id FROM exchange.referral');
    expect(mine.map((r) => r.id)).toContain(sent.id);
    expect(await asRole(partnerRole, { 'leerwinkel.partner_id': partnerB.id }, 'SELECT id FROM exchange.referral')).not.toContainEqual({ id: sent.id });
    expect(await asRole(partnerRole, {}, 'SELECT id FROM exchange.referral')).toEqual([]);
    await expect(asRole(partnerRole, { 'leerwinkel.partner_id': partnerA.id }, `SELECT * FROM "${region.schemaName}".referral`)).rejects.toThrow('permission denied');
    await expect(asRole(partnerRole, { 'leerwinkel.partner_id': partnerA.id }, 'SELECT * FROM platform.partner')).rejects.toThrow('permission denied');
    const otherRegionView = await asRole(otherRegion.roleName, { 'leerwinkel.region_id': otherRegion.id }, 'SELECT id FROM exchange.referral');
    expect(otherRegionView.map((r) => r.id)).not.toContain(sent.id);
    // the partner role may change the state of its own referrals only, not what was shared or with whom
    await expect(
      asRole(partnerRole, { 'leerwinkel.partner_id': partnerA.id }, `UPDATE exchange.referral SET packet = '{}' WHERE id = '${sent.id}'`),
    ).rejects.toThrow('permission denied for table referral');
    await expect(
      asRole(partnerRole, { 'leerwinkel.partner_id': partnerA.id }, `UPDATE exchange.referral SET partner_id = '${partnerB.id}' WHERE id = '${sent.id}'`),
    ).rejects.toThrow('permission denied for table referral');
    // a region cannot write a row for another region
    await expect(
      asRole(otherRegion.roleName, { 'leerwinkel.region_id': otherRegion.id }, `UPDATE exchange.referral SET status = 'withdrawn' WHERE id = '${sent.id}' RETURNING id`),
    ).resolves.toEqual([[], 0]);
  });

  it('referrals the partner did not answer in time expire (the scheduled job), with a system event', async () => {
    const { caseId } = await caseFor(counsellor, region.slug, partnerA.id);
    const unanswered = (await inRegion(counsellor).post(`/cases/${caseId}/referrals`, { partnerId: partnerA.id, share }).expect(201)).body as Referral;
    const answered = (await inRegion(counsellor).post(`/cases/${caseId}/referrals`, { partnerId: partnerA.id, share }).expect(201)).body as Referral;
    await asPartner(partnerA.token).post(`/referrals/${answered.id}/transitions`, { to: 'accepted' }).expect(200);
    await ctx.owner.query("UPDATE exchange.referral SET respond_by = now() - interval '1 day' WHERE id = ANY($1)", [[unanswered.id, answered.id]]);
    const overdue = (await inRegion(counsellor).get('/referrals').query({ overdue: 'true' }).expect(200)).body as { items: Referral[] };
    expect(overdue.items.map((r) => r.id)).toEqual([unanswered.id]);

    expect(await app.get(ReferralExpiryJob).run()).toBeGreaterThanOrEqual(1);
    const expired = (await inRegion(counsellor).get(`/referrals/${unanswered.id}`).expect(200)).body as Referral & { events: { to: string; actorKind: string }[] };
    expect(expired.status).toBe('expired');
    expect(expired.events.at(-1)).toMatchObject({ to: 'expired', actorKind: 'system' });
    expect(((await inRegion(counsellor).get(`/referrals/${answered.id}`).expect(200)).body as Referral).status).toBe('accepted');
  });

  it('the job queue (pg-boss on PostgreSQL) stores the expiry schedule', async () => {
    // In its own process: pg-boss keeps timers briefly after stop(), which must not outlive a Jest environment.
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [fileURLToPath(new URL('../support/job-queue-probe.mjs', import.meta.url))], { env: process.env, timeout: 30_000 }, (error, stdout) => {
        if (error) reject(new Error(`job queue probe failed: ${error.message}`));
        else resolve(stdout);
      });
    });
    expect(JSON.parse(output)).toContainEqual({ name: 'referrals-expire', cron: '*/15 * * * *' });
  });

  it('a partner registers a person; the counsellor checks for duplicates and accepts it as a learner and a case', async () => {
    const person = { firstName: 'Olena', lastName: `Kovalenko${Date.now() % 100000}`, dateOfBirth: '1991-03-08', email: 'olena@voorbeeld.be', nativeLanguage: 'uk' };
    const registered = await request(server())
      .post(`/api/v1/partner/regions/${region.slug}/registrations`)
      .set('authorization', partnerA.token)
      .send({ learner: person, learningQuestion: 'Zoekt een cursus Nederlands', consentReference: 'Formulier v3, 2026-11-20' })
      .expect(201);
    const { id } = registered.body as { id: string; status: string };
    expect(registered.body).toMatchObject({ status: 'pending' });
    await request(server()).post('/api/v1/partner/regions/no-such-region/registrations').set('authorization', partnerA.token).send({ learner: person, consentReference: 'x' }).expect(404);

    const inbox = (await inRegion(counsellor).get('/registrations').expect(200)).body as { items: { id: string; learner: { firstName: string } }[] };
    expect(inbox.items.map((r) => r.id)).toContain(id);
    // another region's inbox does not show it
    const otherInbox = (await inRegion(otherCounsellor, otherRegion.slug).get('/registrations').expect(200)).body as { items: { id: string }[] };
    expect(otherInbox.items.map((r) => r.id)).not.toContain(id);

    // the same person is already known: the accept warns, then attaches
    const known = (await inRegion(counsellor)
      .post('/learners', { ...person, gender: 'female', dutchLevel: 'A1', educationLevel: 'isced_3', employmentStatus: 'job_seeker', targetGroups: ['newcomer'], referralSource: 'self' })
      .expect(201)).body as { id: string };
    const warned = await inRegion(counsellor).post(`/registrations/${id}/accept`, {});
    expect(warned.status).toBe(409);
    expect(warned.body).toMatchObject({ code: 'LEARNER.POSSIBLE_DUPLICATE', candidates: [{ id: known.id }] });
    const accepted = (await inRegion(counsellor).post(`/registrations/${id}/accept`, { existingLearnerId: known.id, kind: 'info' }).expect(200)).body as {
      learnerId: string;
      caseId: string;
      registration: { status: string };
    };
    expect(accepted).toMatchObject({ learnerId: known.id, registration: { status: 'accepted' } });
    const kase = (await inRegion(counsellor).get(`/cases/${accepted.caseId}`).expect(200)).body as { kind: string; learningQuestion: string };
    expect(kase).toMatchObject({ kind: 'info', learningQuestion: 'Zoekt een cursus Nederlands' });
    await inRegion(counsellor).post(`/registrations/${id}/accept`, { existingLearnerId: known.id }).expect(409);
  });

  it('Idempotency-Key: a replayed POST yields one registration and the first answer; another body is a 422', async () => {
    const body = { learner: { firstName: 'Yusuf', lastName: `Idem${Date.now() % 100000}`, dateOfBirth: '1985-05-05' }, consentReference: 'Formulier v3' };
    const post = (payload: object, key: string) =>
      request(server()).post(`/api/v1/partner/regions/${region.slug}/registrations`).set('authorization', partnerA.token).set('idempotency-key', key).send(payload);
    const key = `key-${Date.now()}`;
    const first = await post(body, key).expect(201);
    const again = await post(body, key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const reused = await post({ ...body, consentReference: 'Formulier v4' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    const [{ n }] = await ctx.owner.query<[{ n: number }]>("SELECT count(*)::int AS n FROM exchange.registration WHERE payload->'learner'->>'lastName' = $1", [body.learner.lastName]);
    expect(n).toBe(1);
    // concurrent duplicates: exactly one runs
    const racing = await Promise.all([post(body, `${key}-race`), post(body, `${key}-race`), post(body, `${key}-race`)]);
    expect(racing.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(racing.every((r) => r.status === 201 || (r.status === 409 && (r.body as { code: string }).code === 'IDEMPOTENCY.IN_PROGRESS'))).toBe(true);
    const [{ m }] = await ctx.owner.query<[{ m: number }]>("SELECT count(*)::int AS m FROM exchange.registration WHERE payload->'learner'->>'lastName' = $1", [body.learner.lastName]);
    expect(m).toBe(2);
  });

  it('the leerwinkel withdraws an open referral; the partner can then no longer move it', async () => {
    const { caseId } = await caseFor(counsellor, region.slug, partnerA.id);
    const sent = (await inRegion(counsellor).post(`/cases/${caseId}/referrals`, { partnerId: partnerA.id, share }).expect(201)).body as Referral;
    await inRegion(counsellor).post(`/referrals/${sent.id}/transitions`, { to: 'accepted' }).expect(400); // only the partner accepts
    await inRegion(counsellor).post(`/referrals/${sent.id}/transitions`, { to: 'withdrawn', note: 'Lerende verhuisd' }).expect(200);
    await asPartner(partnerA.token).post(`/referrals/${sent.id}/transitions`, { to: 'received' }).expect(409);
    const declined = (await inRegion(counsellor).get('/referrals').query({ status: 'withdrawn' }).expect(200)).body as { items: Referral[] };
    expect(declined.items.map((r) => r.id)).toContain(sent.id);
  });
});
