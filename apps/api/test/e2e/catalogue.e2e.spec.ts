import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { isValidEnterpriseNumber } from '@leerwinkel/contracts';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { createTestContext, signIn, type TestContext } from '../support/test-context.js';

interface Partner {
  id: string;
  name: string;
  type: string;
  enterpriseNumber: string | null;
  ownerRegion: string | null;
  regionsServed: { slug: string }[];
  version: number;
}

describe('partner catalogue', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let regionA: ProvisionedRegion;
  let regionB: ProvisionedRegion;
  let admin: string;
  let counsellorA: string;
  let coordinatorA: string;
  let counsellorB: string;
  const server = () => app.getHttpServer();
  const as = (auth: string) => ({
    get: (url: string) => request(server()).get(url).set('authorization', auth),
    post: (url: string, body: object) => request(server()).post(url).set('authorization', auth).send(body),
    patch: (url: string, body: object) => request(server()).patch(url).set('authorization', auth).send(body),
  });
  const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

  beforeAll(async () => {
    ctx = await createTestContext();
    [regionA, regionB] = await Promise.all([ctx.newRegion(), ctx.newRegion()]);
    app = await ctx.newApp();
    admin = (await signIn(app, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
    counsellorA = (await signIn(app, await ctx.newUser({ regions: { [regionA.slug]: 'counsellor' } }))).authorization;
    coordinatorA = (await signIn(app, await ctx.newUser({ regions: { [regionA.slug]: 'coordinator' } }))).authorization;
    counsellorB = (await signIn(app, await ctx.newUser({ regions: { [regionB.slug]: 'counsellor' } }))).authorization;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('checks Belgian enterprise numbers by mod 97', () => {
    expect(isValidEnterpriseNumber('0203.561.230')).toBe(true);
    expect(isValidEnterpriseNumber('BE 0416.986.865')).toBe(true);
    expect(isValidEnterpriseNumber('0203.561.231')).toBe(false);
    expect(isValidEnterpriseNumber('2203.561.230')).toBe(false);
    expect(isValidEnterpriseNumber('123')).toBe(false);
  });

  it('the support point curates central partners with offers; everyone signed in browses them', async () => {
    const created = await as(admin)
      .post('/api/v1/admin/partners', {
        name: `CVO Brugge ${unique()}`,
        type: 'cvo',
        enterpriseNumber: 'BE0203.561.230',
        website: 'https://cvo.example.be',
        regionsServed: [regionA.slug, regionB.slug],
      })
      .expect(201);
    const partner = created.body as Partner;
    expect(partner).toMatchObject({ type: 'cvo', enterpriseNumber: '0203.561.230', ownerRegion: null });
    expect(partner.regionsServed.map((r) => r.slug).sort()).toEqual([regionA.slug, regionB.slug].sort());

    const offer = await as(admin)
      .post(`/api/v1/admin/partners/${partner.id}/offers`, {
        name: 'Nederlands tweede taal — richtgraad 2',
        iscedLevel: 'isced_2',
        languages: ['nl'],
        locations: [{ name: 'Campus Centrum', postalCode: '8000', municipality: 'Brugge' }],
        startDates: ['2027-02-01', '2026-09-15'],
        costEur: 0,
        status: 'open',
      })
      .expect(201);
    expect(offer.body).toMatchObject({ startDates: ['2026-09-15', '2027-02-01'], costEur: 0, version: 1 });

    const listed = (await as(counsellorB).get('/api/v1/partners').query({ region: regionB.slug, type: 'cvo' }).expect(200)).body as { items: Partner[] };
    expect(listed.items.map((p) => p.id)).toContain(partner.id);
    const offers = (await as(counsellorA).get(`/api/v1/partners/${partner.id}/offers`).expect(200)).body as { items: { name: string }[] };
    expect(offers.items.map((o) => o.name)).toEqual(['Nederlands tweede taal — richtgraad 2']);
    const found = (await as(counsellorA).get('/api/v1/partners').query({ q: 'cvo brugge' }).expect(200)).body as { items: Partner[] };
    expect(found.items.map((p) => p.id)).toContain(partner.id);

    const stale = await as(admin).patch(`/api/v1/admin/partners/${partner.id}`, { website: 'https://new.example.be', version: 99 });
    expect(stale.status).toBe(412);
    const updated = await as(admin).patch(`/api/v1/admin/partners/${partner.id}`, { website: 'https://new.example.be', version: partner.version }).expect(200);
    expect(updated.body).toMatchObject({ website: 'https://new.example.be', version: partner.version + 1 });
  });

  it('refuses null for an optional field that is not nullable (found by the fuzzer: stored, then answered against the contract)', async () => {
    const partner = (await as(admin).post('/api/v1/admin/partners', { name: `CVO Null ${unique()}`, type: 'cvo' }).expect(201)).body as Partner;
    for (const field of ['locations', 'languages', 'startDates', 'costEur']) {
      const refused = await as(admin).post(`/api/v1/admin/partners/${partner.id}/offers`, { name: 'Nederlands', [field]: null });
      expect({ field, status: refused.status, errors: [...new Set((refused.body as { errors?: { field: string }[] }).errors?.map((e) => e.field))] }).toEqual({ field, status: 400, errors: [field] });
    }
    expect(((await as(counsellorA).get(`/api/v1/partners/${partner.id}/offers`).expect(200)).body as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses a wrong enterprise number, an unknown region and a duplicate enterprise number', async () => {
    const bad = await as(admin).post('/api/v1/admin/partners', { name: `X ${unique()}`, enterpriseNumber: '0203.561.231' });
    expect(bad.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ field: 'enterpriseNumber' }] });
    const unknownRegion = await as(admin).post('/api/v1/admin/partners', { name: `X ${unique()}`, regionsServed: ['no-such-region'] });
    expect(unknownRegion.body).toMatchObject({ errors: [{ field: 'regionsServed' }] });
    await as(admin).post('/api/v1/admin/partners', { name: `Y ${unique()}`, enterpriseNumber: '0416.986.865' }).expect(201);
    await as(admin).post('/api/v1/admin/partners', { name: `Z ${unique()}`, enterpriseNumber: '0416986865' }).expect(409);
  });

  it("a region's local partner is visible to that region only", async () => {
    const local = (await as(coordinatorA).post(`/api/v1/regions/${regionA.slug}/partners`, { name: `Buurtwerk ${unique()}`, type: 'other' }).expect(201)).body as Partner;
    expect(local).toMatchObject({ ownerRegion: regionA.slug, regionsServed: [{ slug: regionA.slug }] });
    await as(counsellorA).get(`/api/v1/partners/${local.id}`).expect(200);
    await as(counsellorB).get(`/api/v1/partners/${local.id}`).expect(404);
    await as(counsellorB).get(`/api/v1/partners/${local.id}/offers`).expect(404);
    const listB = (await as(counsellorB).get('/api/v1/partners').query({ limit: 100 }).expect(200)).body as { items: Partner[] };
    expect(listB.items.map((p) => p.id)).not.toContain(local.id);
    await as(admin).get(`/api/v1/partners/${local.id}`).expect(200);
    await as(counsellorA).post(`/api/v1/regions/${regionA.slug}/partners`, { name: `Nope ${unique()}` }).expect(403);
  });
});
