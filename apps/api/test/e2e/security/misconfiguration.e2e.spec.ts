import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { loadConfig, REPO_ROOT } from '../../../src/config/config.js';
import { WebhookUrlPolicy } from '../../../src/modules/webhooks/webhook-url-policy.js';
import type { ProvisionedRegion } from '../../../src/tenancy/region-provisioner.js';
import { createTestContext, signIn, type TestContext } from '../../support/test-context.js';
import { leakedInternals } from './leaks.js';
import { partnerWithClient } from './partner-client.js';

/**
 * OWASP API7 (SSRF) and API8 (security misconfiguration): security headers on the API and the SPA, no CORS
 * for foreign origins, no internals in any error, webhook URLs limited to public https hosts (an explicit
 * allowlist in tests, none in production), and a production process that refuses to start without secrets
 * of its own.
 */

/** Runs a built entry point with exactly this environment; answers its exit code and stderr. */
function run(entry: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'apps', 'api', 'dist', entry)],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
      (error, _stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr });
      },
    );
  });
}

const REAL_SECRETS = {
  DATABASE_APP_PASSWORD: 'a-real-app-password-0123',
  JWT_SECRET: 'a-real-jwt-secret-of-more-than-32-characters',
  FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('OWASP API7 and API8: SSRF and security misconfiguration', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let region: ProvisionedRegion;
  let webDir: string;
  const auth: Record<string, string> = {};
  const server = () => app.getHttpServer();

  beforeAll(async () => {
    ctx = await createTestContext();
    region = await ctx.newRegion();
    // A built SPA stand-in, served exactly as `pnpm start` serves apps/web/dist.
    webDir = mkdtempSync(path.join(tmpdir(), 'leerwinkel-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>',
    );
    writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1);');
    app = await ctx.newApp({ env: { SERVE_WEB: 'true', WEB_DIST_DIR: webDir, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    auth.coordinator = (
      await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'coordinator' } }))
    ).authorization;
    auth.admin = (await signIn(app, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('sends the security headers on API answers, errors included, and never x-powered-by', async () => {
    for (const response of [
      await request(server()).get('/api/health/live'),
      await request(server())
        .get(`/api/v1/regions/${region.slug}/settings`)
        .set('authorization', auth.coordinator ?? ''),
      await request(server()).get('/api/v1/me'),
      await request(server()).get('/api/v1/nothing-here'),
    ]) {
      const h = response.headers;
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['content-security-policy']).toMatch(/default-src 'self'/);
      expect(h['content-security-policy']).toMatch(/frame-ancestors 'self'/);
      expect(h['x-frame-options']).toBe('SAMEORIGIN');
      expect(h['referrer-policy']).toBe('no-referrer');
      expect(h['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      expect(h['cross-origin-opener-policy']).toBe('same-origin');
      expect(h['x-powered-by']).toBeUndefined();
    }
  });

  it('serves the SPA with a Content-Security-Policy that allows no inline or foreign script', async () => {
    for (const url of ['/', '/learners/some-deep-link', '/assets/app.js']) {
      const response = await request(server()).get(url).expect(200);
      const csp = response.headers['content-security-policy'] ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'self'/);
      expect(csp).toMatch(/base-uri 'self'/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('behind nginx (docker-compose), the SPA gets the same security headers as from the API', async () => {
    const conf = readFileSync(path.join(REPO_ROOT, 'deploy', 'security-headers.conf'), 'utf8');
    const fromNginx = Object.fromEntries(
      [...conf.matchAll(/^add_header ([\w-]+) "([^"]*)" always;$/gm)].map((m) => [(m[1] ?? '').toLowerCase(), m[2]]),
    );
    expect(Object.keys(fromNginx).sort()).toEqual([
      'content-security-policy',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'referrer-policy',
      'strict-transport-security',
      'x-content-type-options',
      'x-frame-options',
    ]);
    const served = (await request(server()).get('/').expect(200)).headers;
    for (const [name, value] of Object.entries(fromNginx))
      expect(`${name}: ${String(served[name])}`).toBe(`${name}: ${String(value)}`);
    const site = readFileSync(path.join(REPO_ROOT, 'deploy', 'nginx.conf'), 'utf8');
    // Every location that serves files sets its own Cache-Control, so each must include the headers again.
    expect(site.match(/include \/etc\/nginx\/security-headers\.conf;/g)?.length).toBe(
      site.match(/add_header /g)?.length,
    );
  });

  it('sends no CORS headers to a foreign origin: not on a simple request, not on a preflight', async () => {
    const origin = 'https://evil.example';
    const simple = await request(server()).get('/api/v1/regions').set('origin', origin).expect(200);
    const withToken = await request(server())
      .get('/api/v1/me')
      .set('origin', origin)
      .set('authorization', auth.coordinator ?? '')
      .expect(200);
    const preflight = await request(server())
      .options(`/api/v1/regions/${region.slug}/learners`)
      .set('origin', origin)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization,content-type');
    for (const response of [simple, withToken, preflight]) {
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      expect(response.headers['access-control-allow-headers']).toBeUndefined();
    }
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });

  it('answers broken input with a problem that carries no stack, path, SQL or driver message', async () => {
    const coordinator = auth.coordinator ?? '';
    const base = `/api/v1/regions/${region.slug}`;
    const forged = (position: object) => Buffer.from(JSON.stringify(position)).toString('base64url');
    const responses = [
      await request(server())
        .post(`${base}/learners`)
        .set('authorization', coordinator)
        .set('content-type', 'application/json')
        .send('{"firstName": "x",'),
      await request(server())
        .get(`${base}/learners`)
        .set('authorization', coordinator)
        .query({ cursor: forged({ n: "x' OR 1=1 --", id: 'nope' }) }),
      await request(server())
        .get(`${base}/learners`)
        .set('authorization', coordinator)
        .query({ cursor: forged({ s: 0.5, id: '00000000-0000-4000-8000-000000000000' }) }),
      await request(server())
        .get(`${base}/cases`)
        .set('authorization', coordinator)
        .query({ cursor: forged([1, 2, 3]) }),
      await request(server())
        .get(`${base}/learners`)
        .set('authorization', coordinator)
        .query({ q: "'; SELECT pg_sleep(1); --" }),
      await request(server()).get(`${base}/learners/not-a-uuid`).set('authorization', coordinator),
      await request(server())
        .get(`${base}/learners/00000000-0000-4000-8000-000000000000`)
        .set('authorization', coordinator),
      await request(server())
        .post(`${base}/organisations`)
        .set('authorization', coordinator)
        .send({ name: 'NUL \u0000 byte' }),
      await request(server())
        .post(`${base}/learners`)
        .set('authorization', coordinator)
        .send({ firstName: 'a', lastName: 'b', nested: { deeper: ['ok', 'x\u0000'] } }),
      await request(server()).get(`${base}/learners`).set('authorization', coordinator).query({ q: 'Jan\u0000' }),
      await request(server()).get('/api/v1/partners').set('authorization', coordinator).query({ q: '\u0000' }),
      await request(server())
        .post('/api/v1/auth/token')
        .type('form')
        .send({ grant_type: 'client_credentials', client_id: 'lwc_\u0000', client_secret: 'x' }),
      await request(server())
        .post('/api/v1/auth/login')
        .send({ email: 'nul\u0000@voorbeeld.be', password: 'Correct-horse-battery-42' }),
      await request(server())
        .post(`${base}/organisations`)
        .set('authorization', coordinator)
        .send({ name: { $gt: '' } }),
      await request(server())
        .post(`${base}/organisations`)
        .set('authorization', coordinator)
        .set('content-type', 'application/json')
        .send(`{"name":${'['.repeat(40_000)}${']'.repeat(40_000)}}`),
      await request(server())
        .post(`${base}/organisations`)
        .set('authorization', coordinator)
        .send([{ name: 'array body' }]),
      await request(server())
        .post(`${base}/organisations`)
        .set('authorization', coordinator)
        .set('content-type', 'application/xml')
        .send('<name>x</name>'),
      await request(server())
        .patch(`${base}/settings`)
        .set('authorization', coordinator)
        .send({ referralExpiryDays: 1e308 }),
      await request(server()).get('/api/v1/me').set('authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'),
      await request(server()).get('/api/v1/me').set('authorization', 'Basic YWRtaW46YWRtaW4='),
      await request(server()).get('/api/v1/regions/%E0%A4%A/settings').set('authorization', coordinator),
      await request(server()).get('/api/v1/regions').query({ limit: '10', cursor: 'not a cursor' }),
    ];
    const problems: string[] = [];
    for (const response of responses) {
      const { method, url } = (response as unknown as { request: { method: string; url: string } }).request;
      const where = `${method} ${url}`;
      if (response.status >= 500) problems.push(`${where}: ${String(response.status)} for client input`);
      if (response.status >= 400 && response.type !== 'application/problem+json')
        problems.push(`${where}: ${response.type}`);
      const leaked = leakedInternals(response.text);
      if (leaked) problems.push(`${where}: ${leaked}`);
    }
    expect(problems).toEqual([]);
  });

  it('lets webhooks go only to public https hosts; tests name their local receiver in an explicit allowlist', async () => {
    const partner = await partnerWithClient(server(), auth.admin ?? '', `SSRF ${String(Date.now())}`);
    const refused = [
      'http://partner.example/hook',
      'https://localhost/hook',
      'https://10.0.0.5/hook',
      'https://192.168.1.10/hook',
      'https://172.16.0.1/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://[::1]/hook',
      'https://[fe80::1]/hook',
      'https://[fd00::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://0x0a000005/hook',
      'https://167772165/hook',
      'https://10.5/hook',
      'https://0.0.0.0/hook',
      'https://intranet/hook',
      'https://user:pw@partner.example/hook',
      'file:///etc/passwd',
      'gopher://partner.example/',
      'ftp://partner.example/',
    ];
    const let_through: string[] = [];
    for (const [who, url] of [
      [partner.token.slice(7), '/api/v1/partner/webhooks'],
      [auth.coordinator?.slice(7) ?? '', `/api/v1/regions/${region.slug}/webhooks`],
    ] as const) {
      for (const target of refused) {
        const response = await request(server())
          .post(url)
          .set('authorization', `Bearer ${who}`)
          .send({ url: target, eventTypes: ['referral.created'] });
        if (response.status !== 422 && response.status !== 400)
          let_through.push(`${url} ${target}: ${String(response.status)}`);
      }
      // The allowlisted local receiver (WEBHOOK_ALLOWED_HOSTS=127.0.0.1) and a public https host are accepted.
      await request(server())
        .post(url)
        .set('authorization', `Bearer ${who}`)
        .send({ url: 'http://127.0.0.1:9/hook', eventTypes: ['referral.created'] })
        .expect(201);
      await request(server())
        .post(url)
        .set('authorization', `Bearer ${who}`)
        .send({ url: 'https://hooks.partner.example/leerwinkel', eventTypes: ['referral.created'] })
        .expect(201);
    }
    expect(let_through).toEqual([]);

    // Production allows no exception: not even loopback names an operator might expect to work.
    const production = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://o:p@db:5432/leerwinkel',
      ...REAL_SECRETS,
    });
    expect(production.webhooks.allowedHosts).toEqual([]);
    const policy = new WebhookUrlPolicy(production.webhooks.allowedHosts);
    const loopback = [
      'http://127.0.0.1:9/hook',
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://0x7f000001/hook',
      'https://2130706433/hook',
      'https://127.1/hook',
    ];
    for (const target of [...loopback, ...refused]) expect(policy.problemWith(target)).not.toBeNull();
    expect(policy.problemWith('https://hooks.partner.example/leerwinkel')).toBeNull();
  });

  it('refuses to start in production without secrets of its own (the API and pnpm start)', async () => {
    for (const entry of ['main.js', path.join('cli', 'start.js')]) {
      const bare = await run(entry, { NODE_ENV: 'production' });
      expect(bare.code).toBe(2);
      for (const name of ['DATABASE_URL', 'DATABASE_APP_PASSWORD', 'JWT_SECRET', 'FIELD_ENCRYPTION_KEY'])
        expect(bare.stderr).toContain(`${name}: is required in production`);
    }
    const published = await run('main.js', {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://o:p@127.0.0.1:1/leerwinkel',
      DATABASE_APP_PASSWORD: 'leerwinkel-dev-only-app-password',
      JWT_SECRET: 'leerwinkel-dev-only-jwt-secret-do-not-use-in-production',
      FIELD_ENCRYPTION_KEY: REAL_SECRETS.FIELD_ENCRYPTION_KEY,
      SEED_DEMO_DATA: 'true',
    });
    expect(published.code).toBe(2);
    expect(published.stderr).toMatch(/DATABASE_APP_PASSWORD: is the published development value/);
    expect(published.stderr).toMatch(/JWT_SECRET: is the published development value/);
    expect(published.stderr).toMatch(/SEED_DEMO_DATA: must not be on in production/);
    expect(leakedInternals(published.stderr)).toBeNull();
  });
});
