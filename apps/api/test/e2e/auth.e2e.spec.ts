import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/common/auth/principal.js';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { createTestContext, signIn, type TestContext, type TestUser, TEST_PASSWORD } from '../support/test-context.js';

/** A JWT built by hand, for attack cases. */
function jwt(header: object, claims: object, key?: string): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode(header)}.${encode(claims)}`;
  const signature = key === undefined ? '' : createHmac('sha256', key).update(body).digest('base64url');
  return `${body}.${signature}`;
}

function refreshCookie(response: request.Response): string {
  return ([response.headers['set-cookie']].flat().find((c) => c?.startsWith('lw_refresh=')) ?? '').split(';')[0] ?? '';
}

describe('authentication', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let region: ProvisionedRegion;
  let counsellor: TestUser;
  const server = () => app.getHttpServer();

  beforeAll(async () => {
    ctx = await createTestContext();
    region = await ctx.newRegion();
    app = await ctx.newApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '1000', LOGIN_RATE_LIMIT_PER_MINUTE_PER_ACCOUNT: '1000' } });
    counsellor = await ctx.newUser({ regions: { [region.slug]: 'counsellor' } });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('signs in: short-lived access token in the body, refresh token in a strict httpOnly cookie', async () => {
    const response = await request(server()).post('/api/v1/auth/login').send({ email: counsellor.email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const cookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('lw_refresh=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);
    const me = await request(server()).get('/api/v1/me').set('authorization', `Bearer ${(response.body as { accessToken: string }).accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email: counsellor.email, centralRole: null, memberships: [{ region: region.slug, role: 'counsellor' }] });
  });

  it('answers unknown e-mail and wrong password the same way', async () => {
    const unknown = await request(server()).post('/api/v1/auth/login').send({ email: 'nobody@nowhere.test', password: 'whatever-password' });
    const wrong = await request(server()).post('/api/v1/auth/login').send({ email: counsellor.email, password: 'wrong-password-1' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined, correlationId: undefined });
    expect(strip(unknown.body as Record<string, unknown>)).toEqual(strip(wrong.body as Record<string, unknown>));
    expect(unknown.body).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
  });

  it('locks an account after repeated failures, with a growing delay, even for the right password', async () => {
    const user = await ctx.newUser({ regions: { [region.slug]: 'counsellor' } });
    for (let i = 0; i < 4; i++) {
      await request(server()).post('/api/v1/auth/login').send({ email: user.email, password: 'wrong-password-1' }).expect(401);
    }
    const fifth = await request(server()).post('/api/v1/auth/login').send({ email: user.email, password: 'wrong-password-1' });
    expect(fifth.status).toBe(401); // the fifth failure sets the lock
    const locked = await request(server()).post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'AUTH.ACCOUNT_LOCKED' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(50);
    const [row] = await ctx.owner.query<[{ failed_login_count: number; seconds: number }]>(
      "SELECT failed_login_count, extract(epoch FROM locked_until - now())::int AS seconds FROM platform.user_account WHERE email = $1",
      [user.email],
    );
    expect(row.failed_login_count).toBe(5);
    // a sixth failure after the lock doubles it
    await ctx.owner.query("UPDATE platform.user_account SET locked_until = now() - interval '1 second' WHERE email = $1", [user.email]);
    await request(server()).post('/api/v1/auth/login').send({ email: user.email, password: 'wrong-password-1' }).expect(401);
    const [after] = await ctx.owner.query<[{ seconds: number }]>(
      'SELECT extract(epoch FROM locked_until - now())::int AS seconds FROM platform.user_account WHERE email = $1',
      [user.email],
    );
    expect(after.seconds).toBeGreaterThan(100);
    const audit = await ctx.owner.query<{ action: string }[]>(
      "SELECT action FROM platform.audit_event WHERE target_id = (SELECT id::text FROM platform.user_account WHERE email = $1) ORDER BY id",
      [user.email],
    );
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.login.failed', 'auth.account.locked']));
  });

  it('rotates the refresh token; reusing an old one ends the whole session', async () => {
    const login = await request(server()).post('/api/v1/auth/login').send({ email: counsellor.email, password: TEST_PASSWORD }).expect(200);
    const first = refreshCookie(login);
    const access = `Bearer ${(login.body as { accessToken: string }).accessToken}`;
    const rotated = await request(server()).post('/api/v1/auth/refresh').set('cookie', first).expect(200);
    const second = refreshCookie(rotated);
    expect(second).not.toBe(first);

    const replay = await request(server()).post('/api/v1/auth/refresh').set('cookie', first);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'AUTH.REFRESH_INVALID' });
    // the whole family is revoked: the newest refresh token and the session's access tokens stop working
    await request(server()).post('/api/v1/auth/refresh').set('cookie', second).expect(401);
    await request(server()).get('/api/v1/me').set('authorization', access).expect(401);
    const reuse = await ctx.owner.query<unknown[]>("SELECT 1 FROM platform.audit_event WHERE action = 'auth.refresh.reused' AND actor_user_id = $1", [counsellor.id]);
    expect(reuse.length).toBeGreaterThan(0);
  });

  it('logout revokes the session: the cookie replayed and the access token are refused', async () => {
    const session = await signIn(app, counsellor);
    await request(server()).post('/api/v1/auth/logout').set('cookie', session.cookie).expect(204);
    const replay = await request(server()).post('/api/v1/auth/refresh').set('cookie', session.cookie);
    expect(replay.status).toBe(401);
    expect(replay.type).toBe('application/problem+json');
    await request(server()).get('/api/v1/me').set('authorization', session.authorization).expect(401);
  });

  it('refuses forged, tampered, expired and alg:none tokens with a 401 problem', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: counsellor.id, typ: 'user', sid: '00000000-0000-0000-0000-000000000000', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 600 };
    const valid = (await signIn(app, counsellor)).authorization.slice('Bearer '.length);
    const [header = '', payload = '', signature = ''] = valid.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()) as object, sub: ctx.identity.roles.app })).toString('base64url')}.${signature}`;
    const cases: Record<string, string> = {
      'alg none': jwt({ alg: 'none', typ: 'JWT' }, claims),
      'another key': jwt({ alg: 'HS256', typ: 'JWT' }, claims, 'another-key-another-key-another-key'),
      expired: jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 7200, exp: now - 3600 }, ctx.config.auth.jwtSecret),
      'wrong audience': jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, aud: 'someone-else' }, ctx.config.auth.jwtSecret),
      tampered,
      garbage: 'not.a.token',
    };
    for (const [name, token] of Object.entries(cases)) {
      const response = await request(server()).get('/api/v1/me').set('authorization', `Bearer ${token}`);
      expect({ name, status: response.status, code: (response.body as { code?: string }).code }).toEqual({ name, status: 401, code: 'AUTH.UNAUTHENTICATED' });
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('bad login input is a 400 problem and changes nothing', async () => {
    const tokens = () => ctx.owner.query<[{ n: number }]>('SELECT count(*)::int AS n FROM platform.refresh_token WHERE user_id = $1', [counsellor.id]);
    const before = await tokens();
    const cases = [
      request(server()).post('/api/v1/auth/login').set('content-type', 'application/json').send('{"email": '),
      request(server()).post('/api/v1/auth/login').send({ email: counsellor.email }),
      request(server()).post('/api/v1/auth/login').send({ email: 'not-an-email', password: 'x' }),
      request(server()).post('/api/v1/auth/login').send({ email: counsellor.email, password: TEST_PASSWORD, admin: true }),
      request(server()).post('/api/v1/auth/login').set('content-type', 'text/plain').send(`${counsellor.email}:${TEST_PASSWORD}`),
    ];
    for (const response of await Promise.all(cases)) {
      expect(response.status).toBe(400);
      expect(response.type).toBe('application/problem+json');
    }
    const huge = await request(server()).post('/api/v1/auth/login').send({ email: counsellor.email, password: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    expect(await tokens()).toEqual(before);
  });

  it('invitations: a coordinator invites, the person sets a strong password once, then signs in', async () => {
    const coordinator = await ctx.newUser({ regions: { [region.slug]: 'coordinator' } });
    const { authorization } = await signIn(app, coordinator);
    const email = `new.${Date.now()}@test.leerwinkel.test`;
    const invited = await request(server())
      .post(`/api/v1/regions/${region.slug}/members`)
      .set('authorization', authorization)
      .send({ email, displayName: 'Nieuwe Begeleider', role: 'counsellor' })
      .expect(201);
    const { invitationUrl, member } = invited.body as { invitationUrl: string; member: { status: string } };
    expect(member.status).toBe('invited');
    const token = invitationUrl.split('#token=')[1] ?? '';

    await request(server()).post('/api/v1/auth/login').send({ email, password: 'Whatever-123456' }).expect(401);
    const weak = await request(server()).post('/api/v1/auth/set-password').send({ token, password: 'wachtwoord123' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'AUTH.WEAK_PASSWORD', errors: [{ field: 'password' }] });
    const common = await request(server()).post('/api/v1/auth/set-password').send({ token, password: 'Password2024!' });
    expect(common.body).toMatchObject({ code: 'AUTH.WEAK_PASSWORD' });
    await request(server()).post('/api/v1/auth/set-password').send({ token, password: 'Fietsen-langs-de-Leie-7' }).expect(204);
    await request(server()).post('/api/v1/auth/set-password').send({ token, password: 'Fietsen-langs-de-Leie-8' }).expect(400);
    await signIn(app, { email, password: 'Fietsen-langs-de-Leie-7' });
  });

  it('the audit trail is append-only for the API role', async () => {
    const pool = app.get<import('typeorm').DataSource>((await import('@nestjs/typeorm')).getDataSourceToken());
    await expect(pool.query("UPDATE platform.audit_event SET action = 'x'")).rejects.toThrow('permission denied for table audit_event');
    await expect(pool.query('DELETE FROM platform.audit_event')).rejects.toThrow('permission denied for table audit_event');
    await expect(pool.query('TRUNCATE platform.audit_event')).rejects.toThrow('permission denied for table audit_event');
    const [{ n }] = await pool.query<[{ n: number }]>('SELECT count(*)::int AS n FROM platform.audit_event');
    expect(n).toBeGreaterThan(0);
  });
  it('a login body that is not an object is a 400 whose field errors name the body (found by fuzzing)', async () => {
    const response = await request(app.getHttpServer()).post('/api/v1/auth/login').send([]);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ field: 'body' }] });
  });
});
