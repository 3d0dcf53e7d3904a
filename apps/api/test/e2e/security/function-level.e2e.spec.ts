import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { PARTNER_SCOPES, type PartnerScope } from '@leerwinkel/contracts';
import { REPO_ROOT } from '../../../src/config/config.js';
import type { ProvisionedRegion } from '../../../src/tenancy/region-provisioner.js';
import { createTestContext, signIn, type TestContext } from '../../support/test-context.js';
import { createClient, tokenResponse } from './partner-client.js';

/**
 * OWASP API5 (broken function-level authorization). The route × principal matrix is
 * `test/e2e/permissions.e2e.spec.ts` (every route, eight principals, against docs/permissions.md). This adds
 * what the matrix does not vary: the OAuth2 scopes. Every partner route of the OpenAPI document that names
 * scopes is called with a token holding every scope but one of them: 403, whatever the input.
 */

type Method = 'get' | 'post' | 'patch' | 'delete' | 'put';
const doc = JSON.parse(readFileSync(path.join(REPO_ROOT, 'apps', 'api', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Partial<Record<Method, { security?: Record<string, string[]>[] }>>>;
};

describe('OWASP API5: function-level authorization by partner scope', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let region: ProvisionedRegion;
  const without = new Map<PartnerScope, string>();
  const server = () => app.getHttpServer();

  beforeAll(async () => {
    ctx = await createTestContext();
    region = await ctx.newRegion();
    app = await ctx.newApp();
    const admin = (await signIn(app, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
    const partner = (
      await request(server())
        .post('/api/v1/admin/partners')
        .set('authorization', admin)
        .send({ name: `Scopes ${String(Date.now())}`, type: 'cvo' })
        .expect(201)
    ).body as { id: string };
    const client = await createClient(server(), admin, partner.id, PARTNER_SCOPES);
    for (const missing of PARTNER_SCOPES) {
      const scope = PARTNER_SCOPES.filter((s) => s !== missing).join(' ');
      const token = await tokenResponse(server(), client.clientId, client.clientSecret, scope);
      expect(token.scope.split(' ')).not.toContain(missing);
      without.set(missing, `Bearer ${token.access_token}`);
    }
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('refuses every scoped partner route to a token that lacks one of its scopes', async () => {
    const scoped = Object.entries(doc.paths).flatMap(([route, item]) =>
      (Object.entries(item) as [Method, { security?: Record<string, string[]>[] }][]).flatMap(([method, operation]) => {
        const scopes = (operation.security ?? []).find((requirement) => 'partner' in requirement)?.partner ?? [];
        return scopes.map((scope) => ({ method, route, scope: scope as PartnerScope }));
      }),
    );
    expect(new Set(scoped.map((s) => s.scope))).toEqual(new Set(PARTNER_SCOPES));
    const letThrough: string[] = [];
    for (const { method, route, scope } of scoped) {
      const url = route.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === 'region' ? region.slug : '00000000-0000-4000-8000-0000000000cc',
      );
      const call = request(server());
      const response = await call[method](url)
        .set('authorization', without.get(scope) ?? '')
        .send({});
      const code = (response.body as { code?: string }).code;
      if (response.status !== 403 || code !== 'AUTH.FORBIDDEN')
        letThrough.push(`${method.toUpperCase()} ${route} without ${scope}: ${String(response.status)} ${code ?? ''}`);
    }
    expect(letThrough).toEqual([]);
  });
});
