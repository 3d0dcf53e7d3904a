import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { PARTNER_SCOPES } from '@leerwinkel/contracts';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { documentedMatrix, PRINCIPALS, type PrincipalName } from '../support/permissions-matrix.js';
import { createTestContext, signIn, type TestContext, type TestUser } from '../support/test-context.js';

/** Every route the application serves, as "METHOD /api/…/{param}". */
function applicationRoutes(app: NestExpressApplication): string[] {
  const routes: string[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as new (...args: never[]) => object;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat()[0] ?? '';
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const sub = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat()[0] ?? '/';
        const full = `/api/${base}/${sub}`.replace(/\/+/g, '/').replace(/\/$/, '').replace(/:(\w+)/g, '{$1}');
        routes.push(`${RequestMethod[method]} ${full}`);
      }
    }
  }
  return routes.sort();
}

describe('route × principal matrix (docs/permissions.md)', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let regionA: ProvisionedRegion;
  let counsellorA: TestUser;
  let partnerId: string;
  const headers = new Map<PrincipalName, Record<string, string>>();

  beforeAll(async () => {
    ctx = await createTestContext();
    regionA = await ctx.newRegion();
    const regionB = await ctx.newRegion();
    app = await ctx.newApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '10000', LOGIN_RATE_LIMIT_PER_MINUTE_PER_ACCOUNT: '10000' } });
    const partner = await ctx.newPartner();
    partnerId = partner.id;
    counsellorA = await ctx.newUser({ regions: { [regionA.slug]: 'counsellor' } });
    const users: [PrincipalName, TestUser][] = [
      ['counsellor A', counsellorA],
      ['coordinator A', await ctx.newUser({ regions: { [regionA.slug]: 'coordinator' } })],
      ['counsellor B', await ctx.newUser({ regions: { [regionB.slug]: 'counsellor' } })],
      ['analyst', await ctx.newUser({ centralRole: 'analyst' })],
      ['platform admin', await ctx.newUser({ centralRole: 'platform_admin' })],
      ['partner user', await ctx.newUser({ partnerId })],
    ];
    headers.set('anonymous', {});
    for (const [name, user] of users) headers.set(name, { authorization: (await signIn(app, user)).authorization });
    const created = await request(app.getHttpServer())
      .post(`/api/v1/admin/partners/${partnerId}/clients`)
      .set(headers.get('platform admin') ?? {})
      .send({ name: 'matrix', scopes: [...PARTNER_SCOPES] })
      .expect(201);
    const { client, clientSecret } = created.body as { client: { clientId: string }; clientSecret: string };
    const token = await request(app.getHttpServer())
      .post('/api/v1/auth/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret })
      .expect(200);
    headers.set('partner client', { authorization: `Bearer ${(token.body as { access_token: string }).access_token}` });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('documents every route the application serves, and only those', () => {
    expect(applicationRoutes(app)).toEqual([...documentedMatrix().keys()].sort());
  });

  it('allows exactly the documented principals on every route', async () => {
    const placeholders = new Map<string, string>(Object.entries({
      region: regionA.slug,
      slug: regionA.slug,
      userId: counsellorA.id,
      partnerId,
      clientId: 'lwc_not-a-client',
      learnerId: '00000000-0000-4000-8000-000000000001',
      caseId: '00000000-0000-4000-8000-000000000002',
      consentId: '00000000-0000-4000-8000-000000000003',
      itemId: '00000000-0000-4000-8000-000000000004',
      offerId: '00000000-0000-4000-8000-000000000005',
      referralId: '00000000-0000-4000-8000-000000000006',
      registrationId: '00000000-0000-4000-8000-000000000007',
      endpointId: '00000000-0000-4000-8000-000000000008',
      deliveryId: '00000000-0000-4000-8000-000000000009',
      requestId: '00000000-0000-4000-8000-00000000000a',
    }));
    const mismatches: string[] = [];
    for (const [route, allowed] of documentedMatrix()) {
      const [method = 'GET', template = ''] = route.split(' ');
      const url = template.replace(/\{(\w+)\}/g, (_match, name: string) => placeholders.get(name) ?? name);
      for (const principal of PRINCIPALS) {
        const call = request(app.getHttpServer())[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](url).set(headers.get(principal) ?? {});
        const response = method === 'GET' || method === 'DELETE' ? await call : await call.send({});
        const code = (response.body as { code?: string } | undefined)?.code;
        const refused = code === 'AUTH.UNAUTHENTICATED' || code === 'AUTH.FORBIDDEN';
        if (allowed.has(principal) && refused) mismatches.push(`${route} as ${principal}: refused (${response.status} ${code})`);
        if (!allowed.has(principal)) {
          const expected = principal === 'anonymous' ? 'AUTH.UNAUTHENTICATED' : 'AUTH.FORBIDDEN';
          if (code !== expected) mismatches.push(`${route} as ${principal}: ${response.status} ${code ?? ''}, expected ${expected}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
