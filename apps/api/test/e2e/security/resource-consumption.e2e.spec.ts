import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { REPO_ROOT } from '../../../src/config/config.js';
import type { ProvisionedRegion } from '../../../src/tenancy/region-provisioner.js';
import { createTestContext, signIn, type TestContext } from '../../support/test-context.js';
import { leakedInternals } from './leaks.js';
import { partnerWithClient } from './partner-client.js';

/**
 * OWASP API4 (unrestricted resource consumption): page sizes and query strings are capped on every list of
 * the OpenAPI document, bodies over BODY_LIMIT are refused before parsing, each principal has a request
 * budget (429 with Retry-After, RateLimit-* on every answer), and the indicator queries refuse work that
 * would grow without bound. Lowered limits come from the environment, as an operator would set them.
 */

type Method = 'get' | 'post' | 'patch' | 'delete' | 'put';
interface Parameter {
  name: string;
  in: string;
  schema?: { maximum?: number; maxLength?: number; type?: string; enum?: unknown[]; format?: string; pattern?: string };
}
interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
}
interface Operation {
  parameters?: Parameter[];
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
const doc = JSON.parse(readFileSync(path.join(REPO_ROOT, 'apps', 'api', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: { schemas: Record<string, Schema> };
};
const getOperations = Object.entries(doc.paths).flatMap(([route, item]) =>
  item.get ? [{ route, parameters: item.get.parameters ?? [], responses: item.get.responses ?? {} }] : [],
);

/**
 * Lists that answer `{ items }` without a `limit`, each with the reason it cannot grow without bound. Empty:
 * every list of the API pages today. An entry needs a bound the code enforces (a creation cap with its 409/422
 * problem, or one the domain fixes), named here so a reviewer can check it.
 */
const BOUNDED_WITHOUT_PAGING: Record<string, string> = {};

function resolved(schema: Schema | undefined): Schema | undefined {
  const name = schema?.$ref?.split('/').at(-1);
  return name === undefined ? schema : resolved(doc.components.schemas[name]);
}

const RATE_LIMIT = 400;

describe('OWASP API4: resource consumption', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let region: ProvisionedRegion;
  const auth: Record<string, string> = {};
  const server = () => app.getHttpServer();

  beforeAll(async () => {
    ctx = await createTestContext();
    region = await ctx.newRegion();
    app = await ctx.newApp({
      env: { BODY_LIMIT: '8kb', RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT), LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '1000' },
    });
    auth.coordinator = (
      await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'coordinator' } }))
    ).authorization;
    auth.admin = (await signIn(app, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
    auth.partner = (await partnerWithClient(server(), auth.admin, `Verbruik ${String(Date.now())}`)).token;
  });
  afterAll(async () => {
    await ctx.close();
  });

  /** A GET of a documented route as a principal who may call it, with placeholder ids. */
  function get(route: string, query: Record<string, string>) {
    const url = route.replace(/\{(\w+)\}/g, (_m, name: string) =>
      name === 'region' || name === 'slug' ? region.slug : '00000000-0000-4000-8000-0000000000bb',
    );
    const principal = route.startsWith('/api/v1/partner/')
      ? auth.partner
      : route.startsWith('/api/v1/admin/') || route.startsWith('/api/v1/central/')
        ? auth.admin
        : auth.coordinator;
    return request(server())
      .get(url)
      .set('authorization', principal ?? '')
      .query(query);
  }

  it('has no list without a page: every GET answering { items } (with or without nextCursor) takes a limit', () => {
    const lists = getOperations.filter(({ responses }) => {
      const schema = resolved(Object.values(responses['200']?.content ?? {})[0]?.schema);
      return resolved(schema?.properties?.items)?.type === 'array';
    });
    expect(lists.length).toBeGreaterThan(25);
    const unpaged = lists
      .filter(({ parameters }) => !parameters.some((p) => p.name === 'limit' && p.in === 'query'))
      .map(({ route }) => route)
      .filter((route) => !(route in BOUNDED_WITHOUT_PAGING));
    expect(unpaged).toEqual([]);
    // An allowlisted route that has since gained a limit leaves the list, so it never hides a regression.
    const stale = Object.keys(BOUNDED_WITHOUT_PAGING).filter((route) => !lists.some((list) => list.route === route && !list.parameters.some((p) => p.name === 'limit')));
    expect(stale).toEqual([]);
  });

  it('caps the page size of every list: above the maximum, zero or not a number is a 400 problem', async () => {
    const lists = getOperations.filter((op) => op.parameters.some((p) => p.name === 'limit' && p.in === 'query'));
    expect(lists.length).toBeGreaterThan(15);
    const accepted: string[] = [];
    for (const { route, parameters } of lists) {
      const maximum = parameters.find((p) => p.name === 'limit')?.schema?.maximum;
      if (maximum === undefined || maximum > 100)
        accepted.push(`${route}: limit has no maximum of at most 100 (${String(maximum)})`);
      for (const limit of [String((maximum ?? 100) + 1), '0', '-1', '1e9', 'all']) {
        const response = await get(route, { limit });
        if (
          response.status !== 400 ||
          (response.body as { errors?: { field: string }[] }).errors?.[0]?.field !== 'limit'
        )
          accepted.push(`${route}?limit=${limit}: ${String(response.status)}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('caps every string in a query: one character over its maxLength is a 400 problem', async () => {
    const accepted: string[] = [];
    let checked = 0;
    for (const { route, parameters } of getOperations) {
      for (const parameter of parameters.filter(
        (p) => p.in === 'query' && p.schema?.type === 'string' && !p.schema.enum && !p.schema.format,
      )) {
        const maxLength = parameter.schema?.maxLength;
        if (maxLength === undefined && !parameter.schema?.pattern) {
          accepted.push(`${route}?${parameter.name}: no maxLength or pattern`);
          continue;
        }
        checked += 1;
        const response = await get(route, { [parameter.name]: 'a'.repeat((maxLength ?? 200) + 1) });
        if (response.status !== 400)
          accepted.push(
            `${route}?${parameter.name}=<${String((maxLength ?? 200) + 1)} characters>: ${String(response.status)}`,
          );
      }
    }
    expect(checked).toBeGreaterThan(15);
    expect(accepted).toEqual([]);
  });

  it('refuses bodies over BODY_LIMIT with 413 problem+json before reading them (JSON and form)', async () => {
    const big = 'x'.repeat(9 * 1024);
    const json = await request(server())
      .post(`/api/v1/regions/${region.slug}/organisations`)
      .set('authorization', auth.coordinator ?? '')
      .send({ name: big });
    expect(json.status).toBe(413);
    expect(json.type).toBe('application/problem+json');
    expect(json.body).toMatchObject({ code: 'REQUEST.BODY_TOO_LARGE', status: 413 });
    const form = await request(server())
      .post('/api/v1/auth/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: big, client_secret: 'x' });
    expect(form.status).toBe(413);
    expect(form.body).toMatchObject({ code: 'REQUEST.BODY_TOO_LARGE' });
    // Just under the limit reaches validation (a 400 on the field), so the limit is what refused the others.
    const under = await request(server())
      .post(`/api/v1/regions/${region.slug}/organisations`)
      .set('authorization', auth.coordinator ?? '')
      .send({ name: 'x'.repeat(7 * 1024) });
    expect(under.status).toBe(400);
    expect(leakedInternals(json.text + form.text + under.text)).toBeNull();
  });

  it('gives each principal a budget: RateLimit headers count down, then 429 problem+json with Retry-After; others are unaffected', async () => {
    const user = await ctx.newUser({ regions: { [region.slug]: 'counsellor' } });
    const own = (await signIn(app, user)).authorization;
    const statuses: number[] = [];
    let limited: request.Response | undefined;
    let previous = Number.POSITIVE_INFINITY;
    // Fixed one-minute windows: should a window end mid-loop, the count restarts; the loop allows for that.
    for (let i = 0; i < RATE_LIMIT * 3 && !limited; i++) {
      const response = await request(server()).get('/api/v1/me').set('authorization', own);
      statuses.push(response.status);
      if (response.status === 429) limited = response;
      else {
        expect(response.headers['ratelimit-limit']).toBe(String(RATE_LIMIT));
        const remaining = Number(response.headers['ratelimit-remaining']);
        expect(remaining < previous || remaining === RATE_LIMIT - 1).toBe(true);
        previous = remaining;
        expect(Number(response.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(1);
      }
    }
    expect(limited).toBeDefined();
    expect(limited?.type).toBe('application/problem+json');
    expect(limited?.body).toMatchObject({ status: 429, code: 'REQUEST.RATE_LIMITED' });
    const retryAfter = Number(limited?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited?.headers['ratelimit-remaining']).toBe('0');
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    // Another person (same IP) still gets through.
    await request(server())
      .get('/api/v1/me')
      .set('authorization', auth.admin ?? '')
      .expect(200);
  });

  it('bounds the work of an indicator query: too long a period or too many groups is a 400 problem', async () => {
    const tooLong = await get('/api/v1/central/indicators', { from: '2000-01-01', to: '2026-12-31' });
    expect(tooLong.status).toBe(400);
    expect((tooLong.body as { errors: { field: string }[] }).errors[0]?.field).toBe('to');
    const regions = Array.from({ length: 200 }, (_v, i) => `region-${String(i)}`).join(',');
    const tooWide = await get('/api/v1/central/indicators', {
      from: '2017-01-01',
      to: '2026-12-31',
      groupBy: 'region,month',
      regions,
    });
    expect(tooWide.status).toBe(400);
    const regional = await get(`/api/v1/regions/{region}/indicators`, {
      from: '2000-01-01',
      to: '2026-12-31',
      groupBy: 'month',
    });
    expect(regional.status).toBe(400);
  });
});
