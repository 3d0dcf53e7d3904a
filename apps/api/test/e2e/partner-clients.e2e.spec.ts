import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createTestContext, signIn, type TestContext } from '../support/test-context.js';

describe('partner systems: OAuth2 client credentials (RFC 6749 §4.4)', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let admin: string;
  let partnerId: string;
  const server = () => app.getHttpServer();

  const createClient = async (scopes: string[]) => {
    const response = await request(server()).post(`/api/v1/admin/partners/${partnerId}/clients`).set('authorization', admin).send({ name: 'SIS', scopes }).expect(201);
    return response.body as { client: { clientId: string; scopes: string[] }; clientSecret: string };
  };
  const token = (form: Record<string, string>, basic?: string) => {
    const call = request(server()).post('/api/v1/auth/token').type('form');
    if (basic) void call.set('authorization', `Basic ${basic}`);
    return call.send(form);
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    app = await ctx.newApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '1000', LOGIN_RATE_LIMIT_PER_MINUTE_PER_ACCOUNT: '1000' } });
    admin = (await signIn(app, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
    partnerId = ((await request(server()).post('/api/v1/admin/partners').set('authorization', admin).send({ name: `CVO ${Date.now()}` }).expect(201)).body as { id: string }).id;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('issues a token by HTTP Basic or form credentials, carrying the partner and its scopes', async () => {
    const { client, clientSecret } = await createClient(['referrals:read', 'referrals:write']);
    const basic = Buffer.from(`${client.clientId}:${clientSecret}`).toString('base64');
    const byBasic = await token({ grant_type: 'client_credentials' }, basic).expect(200);
    expect(byBasic.headers['cache-control']).toBe('no-store');
    expect(byBasic.body).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'referrals:read referrals:write' });
    const narrowed = await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret, scope: 'referrals:read' }).expect(200);
    const me = await request(server()).get('/api/v1/partner/me').set('authorization', `Bearer ${(narrowed.body as { access_token: string }).access_token}`).expect(200);
    expect(me.body).toMatchObject({ partner: { id: partnerId }, principal: 'client', scopes: ['referrals:read'] });
    // a partner system reaches nothing but partner routes
    await request(server()).get('/api/v1/me').set('authorization', `Bearer ${(narrowed.body as { access_token: string }).access_token}`).expect(403);
    // the secret is never listed
    const listed = await request(server()).get(`/api/v1/admin/partners/${partnerId}/clients`).set('authorization', admin).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(clientSecret);
    const [stored] = await ctx.owner.query<[{ secret_hash: string }]>('SELECT secret_hash FROM platform.partner_client WHERE client_id = $1', [client.clientId]);
    expect(stored.secret_hash).not.toContain(clientSecret);
  });

  it('answers RFC 6749 errors', async () => {
    const { client, clientSecret } = await createClient(['referrals:read']);
    const wrongSecret = await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: 'nope' });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.type).toBe('application/json');
    expect(wrongSecret.body).toMatchObject({ error: 'invalid_client' });
    expect(wrongSecret.headers['www-authenticate']).toMatch(/^Basic/);
    expect((await token({ grant_type: 'password', client_id: client.clientId, client_secret: clientSecret })).body).toMatchObject({ error: 'unsupported_grant_type' });
    expect((await token({ client_id: client.clientId, client_secret: clientSecret })).body).toMatchObject({ error: 'invalid_request' });
    expect((await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret, scope: 'referrals:write' })).body).toMatchObject({ error: 'invalid_scope' });
    expect((await token({ grant_type: 'client_credentials' })).status).toBe(401);
  });

  it('rotating the secret stops the old one; revoking stops the client and its tokens at once', async () => {
    const { client, clientSecret } = await createClient(['registrations:write']);
    const issued = await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret }).expect(200);
    const bearer = `Bearer ${(issued.body as { access_token: string }).access_token}`;
    const rotated = await request(server()).post(`/api/v1/admin/partners/${partnerId}/clients/${client.clientId}/rotate-secret`).set('authorization', admin).expect(200);
    const newSecret = (rotated.body as { clientSecret: string }).clientSecret;
    expect(newSecret).not.toBe(clientSecret);
    await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret }).expect(401);
    await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: newSecret }).expect(200);

    await request(server()).delete(`/api/v1/admin/partners/${partnerId}/clients/${client.clientId}`).set('authorization', admin).expect(204);
    await request(server()).get('/api/v1/partner/me').set('authorization', bearer).expect(401);
    await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: newSecret }).expect(401);
    const audit = await ctx.owner.query<{ action: string }[]>('SELECT action FROM platform.audit_event WHERE target_id = $1 ORDER BY id', [client.clientId]);
    expect(audit.map((a) => a.action)).toEqual(['partner.client.created', 'partner.client.secret_rotated', 'partner.client.revoked']);
  });
  it('a malformed client id (a NUL byte, a stray %) is a 4xx, never a 500 (found by fuzzing)', async () => {
    for (const clientId of ['%00', 'lwc_%00', 'not-a-client', `lwc_${'x'.repeat(100)}`]) {
      const revoke = await request(server()).delete(`/api/v1/admin/partners/${partnerId}/clients/${clientId}`).set('authorization', admin);
      expect(revoke.status).toBe(400);
      expect(revoke.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ field: 'clientId' }] });
      await request(server()).post(`/api/v1/admin/partners/${partnerId}/clients/${clientId}/rotate-secret`).set('authorization', admin).expect(400);
    }
    // A NUL never reaches the token service: the input guard refuses it for every route (400, the field named).
    const nul = await token({ grant_type: 'client_credentials', client_id: 'lwc_\u0000', client_secret: 'x' });
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({ errors: [{ field: 'client_id', rule: 'noNulCharacters' }] });
    for (const pair of ['%ZZ:secret', 'lwc_abc:%', '\u0000:\u0000']) {
      const response = await token({ grant_type: 'client_credentials' }, Buffer.from(pair).toString('base64'));
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: 'invalid_client' });
    }
  });
});
