import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { recordSql } from '../support/sql-recorder.js';
import { createTestContext, signIn, type TestContext, uniqueSlug } from '../support/test-context.js';

describe('user and region administration', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let region: ProvisionedRegion;
  let coordinator: string;
  let admin: string;
  const server = () => app.getHttpServer();

  beforeAll(async () => {
    ctx = await createTestContext();
    region = await ctx.newRegion();
    app = await ctx.newApp();
    coordinator = (await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'coordinator' } }))).authorization;
    admin = (await signIn(app, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('coordinators manage members and organisations; a region keeps a coordinator', async () => {
    const organisation = await request(server()).post(`/api/v1/regions/${region.slug}/organisations`).set('authorization', coordinator).send({ name: 'CVO Kisp' }).expect(201);
    const organisationId = (organisation.body as { id: string }).id;
    await request(server()).post(`/api/v1/regions/${region.slug}/organisations`).set('authorization', coordinator).send({ name: 'cvo kisp' }).expect(409);
    // A blank name is a 400 at the field, not a 500 from the database's check (found by the fuzzer).
    const blank = await request(server()).post(`/api/v1/regions/${region.slug}/organisations`).set('authorization', coordinator).send({ name: ' ' }).expect(400);
    expect(blank.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ field: 'name' }] });

    const counsellor = await ctx.newUser();
    const invited = await request(server())
      .post(`/api/v1/regions/${region.slug}/members`)
      .set('authorization', coordinator)
      .send({ email: counsellor.email, displayName: 'X', role: 'counsellor', organisationId })
      .expect(201);
    // an existing active account gets no new link
    expect(invited.body).toMatchObject({ invitationUrl: null, member: { role: 'counsellor', organisationId, membershipStatus: 'active' } });
    await request(server()).post(`/api/v1/regions/${region.slug}/members`).set('authorization', coordinator).send({ email: counsellor.email, displayName: 'X', role: 'counsellor' }).expect(409);

    const counsellorToken = (await signIn(app, counsellor)).authorization;
    await request(server()).get(`/api/v1/regions/${region.slug}/settings`).set('authorization', counsellorToken).expect(200);
    const userId = (invited.body as { member: { id: string } }).member.id;
    await request(server()).patch(`/api/v1/regions/${region.slug}/members/${userId}`).set('authorization', coordinator).send({ status: 'deactivated' }).expect(200);
    // access ends at once, not at token expiry
    await request(server()).get(`/api/v1/regions/${region.slug}/settings`).set('authorization', counsellorToken).expect(403);

    const members = await request(server()).get(`/api/v1/regions/${region.slug}/members`).set('authorization', coordinator).expect(200);
    const coordinatorRow = (members.body as { items: { id: string; role: string }[] }).items.find((m) => m.role === 'coordinator');
    const lastCoordinator = await request(server()).patch(`/api/v1/regions/${region.slug}/members/${coordinatorRow?.id ?? ''}`).set('authorization', coordinator).send({ role: 'counsellor' });
    expect(lastCoordinator.status).toBe(409);

    const foreignOrganisation = await request(server())
      .patch(`/api/v1/regions/${region.slug}/members/${userId}`)
      .set('authorization', coordinator)
      .send({ organisationId: '00000000-0000-4000-8000-000000000000' });
    expect(foreignOrganisation.status).toBe(400);
  });

  it('a member of another region is refused before anything runs in this region', async () => {
    const other = await ctx.newRegion();
    const outsider = (await signIn(app, await ctx.newUser({ regions: { [other.slug]: 'coordinator' } }))).authorization;
    const recorder = recordSql();
    try {
      const response = await request(server()).patch(`/api/v1/regions/${region.slug}/settings`).set('authorization', outsider).send({ inszEnabled: true });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    } finally {
      recorder.stop();
    }
    expect(recorder.statements.some((s) => s.includes(region.roleName) || s.includes(region.schemaName))).toBe(false);
  });

  it('platform admins provision regions through the API and appoint coordinators', async () => {
    const slug = uniqueSlug('api');
    const created = await request(server()).post('/api/v1/admin/regions').set('authorization', admin).send({ slug, displayName: 'Leerwinkel Via API' }).expect(201);
    expect(created.body).toMatchObject({ slug, status: 'active' });
    await request(server()).post('/api/v1/admin/regions').set('authorization', admin).send({ slug, displayName: 'Again' }).expect(409);
    await request(server()).post('/api/v1/admin/regions').set('authorization', admin).send({ slug: '../etc', displayName: 'Bad' }).expect(400);

    const appointed = await request(server())
      .post(`/api/v1/admin/regions/${slug}/coordinators`)
      .set('authorization', admin)
      .send({ email: `coord.${slug}@test.leerwinkel.test`, displayName: 'Coördinator' })
      .expect(201);
    expect((appointed.body as { invitationUrl: string }).invitationUrl).toMatch(/\/set-password#token=/);
    await request(server()).post('/api/v1/admin/regions/no-such-region/coordinators').set('authorization', admin).send({ email: 'x@test.leerwinkel.test', displayName: 'X' }).expect(404);
  });

  it('platform admins create central users and deactivate accounts, which ends their sessions', async () => {
    const created = await request(server())
      .post('/api/v1/admin/users')
      .set('authorization', admin)
      .send({ email: `analist.${Date.now()}@test.leerwinkel.test`, displayName: 'Analist', centralRole: 'analyst' })
      .expect(201);
    expect(created.body).toMatchObject({ user: { centralRole: 'analyst', status: 'invited' } });

    const analyst = await ctx.newUser({ centralRole: 'analyst' });
    const session = await signIn(app, analyst);
    await request(server()).patch(`/api/v1/admin/users/${analyst.id}`).set('authorization', admin).send({ status: 'deactivated' }).expect(200);
    await request(server()).get('/api/v1/me').set('authorization', session.authorization).expect(401);
    await request(server()).post('/api/v1/auth/refresh').set('cookie', session.cookie).expect(401);
    await request(server()).post('/api/v1/auth/login').send({ email: analyst.email, password: analyst.password }).expect(401);
  });
});
