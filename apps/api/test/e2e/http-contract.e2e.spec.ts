import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { GUARDS_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { pino } from 'pino';
import { createApp } from '../../src/app.factory.js';
import { RegionGuard } from '../../src/tenancy/region.guard.js';
import { createOpenApiDocument, serializeOpenApiDocument } from '../../src/common/openapi/openapi.js';
import { REPO_ROOT } from '../../src/config/config.js';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { recordSql } from '../support/sql-recorder.js';
import { createTestContext, signIn, type TestContext } from '../support/test-context.js';
import { Public } from '../../src/common/auth/access.decorators.js';

@Controller('v1/test-failure')
@Public()
class FailingController {
  @Get()
  fail(): never {
    throw new Error('secret internals: password=hunter2 at /srv/app.js:12');
  }
}
@Module({ controllers: [FailingController] })
class FailingModule {}

describe('HTTP contract: problem+json, region routing, headers, OpenAPI', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let region: ProvisionedRegion;
  let auth: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    region = await ctx.newRegion();
    await ctx.newRegion();
    app = await ctx.newApp({ extraModules: [FailingModule] });
    const coordinator = await ctx.newUser({ regions: { [region.slug]: 'coordinator' } });
    auth = (await signIn(app, coordinator)).authorization;
  });

  /** Requests as the region's coordinator. */
  const as = (method: 'get' | 'patch', url: string) => request(app.getHttpServer())[method](url).set('authorization', auth);
  afterAll(async () => {
    await ctx.close();
  });

  it('serves and updates region settings', async () => {
    const read = await as('get', `/api/v1/regions/${region.slug}/settings`).expect(200);
    expect(read.body).toMatchObject({ region: region.slug, contactEmail: null, referralExpiryDays: 14, inszEnabled: false });
    const changed = await as('patch', `/api/v1/regions/${region.slug}/settings`)
      .send({ contactEmail: 'info@leerwinkel.example', referralExpiryDays: 21 })
      .expect(200);
    expect(changed.body).toMatchObject({ contactEmail: 'info@leerwinkel.example', referralExpiryDays: 21 });
    await as('patch', `/api/v1/regions/${region.slug}/settings`).send({ contactEmail: null }).expect(200);
    expect((await as('get', `/api/v1/regions/${region.slug}/settings`)).body).toMatchObject({ contactEmail: null, referralExpiryDays: 21 });
  });

  it('bad slugs get a problem+json 400 and no SQL runs with them', async () => {
    const bad = ['..%2Fx', 'west%22%3B%20drop', 'a'.repeat(42), 'West-Vlaanderen', '%C3%A9vora', '%20', '1abc', 'a_b'];
    const recorder = recordSql();
    try {
      for (const slug of bad) {
        const response = await as('get', `/api/v1/regions/${slug}/settings`);
        expect(response.status).toBe(400);
        expect(response.type).toBe('application/problem+json');
        expect(response.body).toMatchObject({ status: 400, code: 'REGION.INVALID_SLUG', title: 'Invalid region' });
      }
      // An empty segment matches no route at all.
      const empty = await as('get', '/api/v1/regions//settings');
      expect(empty.status).toBe(404);
      expect(empty.type).toBe('application/problem+json');
    } finally {
      recorder.stop();
    }
    // Only the authentication lookups ran; none of them carries any part of a bad slug.
    // (compared as a whole bound value: a random uuid may well contain "1abc")
    const boundValues = recorder.statements.map((s) => JSON.parse(s.slice(s.lastIndexOf(' [') + 1)) as unknown[]);
    const texts = recorder.statements.map((s) => s.slice(0, s.lastIndexOf(' [')));
    for (const slug of bad.map(decodeURIComponent)) {
      expect(boundValues.filter((values) => values.includes(slug))).toEqual([]);
      if (slug.trim().length >= 4) expect(texts.filter((text) => text.includes(slug))).toEqual([]);
    }
    expect(recorder.statements.every((s) => !s.includes('platform.region'))).toBe(true);
  });

  it('an unknown region is a 404 problem; its slug reaches SQL only as a bound parameter', async () => {
    const recorder = recordSql();
    const response = await as('get', '/api/v1/regions/nowhere-land/settings');
    recorder.stop();
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'REGION.NOT_FOUND', instance: '/api/v1/regions/nowhere-land/settings' });
    const mentioning = recorder.statements.filter((s) => s.includes('nowhere-land'));
    expect(mentioning).toHaveLength(1);
    expect(mentioning[0]).toMatch(/\$1.*\["nowhere-land"/);
  });

  it('validation errors name the fields and change nothing', async () => {
    const before = (await as('get', `/api/v1/regions/${region.slug}/settings`)).body as unknown;
    const response = await as('patch', `/api/v1/regions/${region.slug}/settings`)
      .send({ contactEmail: 'not-an-email', referralExpiryDays: 0, inszEnabled: true, schemaName: 'region_other' });
    expect(response.status).toBe(400);
    expect(response.type).toBe('application/problem+json');
    expect(response.body).toMatchObject({ code: 'VALIDATION.FAILED', status: 400 });
    const fields = (response.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['contactEmail', 'referralExpiryDays', 'schemaName']);
    expect((await as('get', `/api/v1/regions/${region.slug}/settings`)).body).toEqual(before);
  });

  it('malformed JSON, oversized bodies and unknown routes are problems too', async () => {
    const server = app.getHttpServer();
    const malformed = await as('patch', `/api/v1/regions/${region.slug}/settings`)
      .set('content-type', 'application/json')
      .send('{"contactEmail": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'REQUEST.MALFORMED_BODY' });

    // Found by fuzzing: a body that is not an object gave field errors without a field.
    const notAnObject = await as('patch', `/api/v1/regions/${region.slug}/settings`).send([]);
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body).toMatchObject({ code: 'VALIDATION.FAILED' });
    expect((notAnObject.body as { errors: { field?: unknown }[] }).errors.every((error) => typeof error.field === 'string')).toBe(true);

    // Found by fuzzing: null for an optional, non-nullable field passed validation and failed in SQL (500).
    const nullDays = await as('patch', `/api/v1/regions/${region.slug}/settings`).send({ referralExpiryDays: null });
    expect(nullDays.status).toBe(400);
    expect(nullDays.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: expect.arrayContaining([expect.objectContaining({ field: 'referralExpiryDays', rule: 'isInt' })]) as unknown });

    const huge = await as('patch', `/api/v1/regions/${region.slug}/settings`)
      .send({ contactPhone: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'REQUEST.BODY_TOO_LARGE' });

    const brokenEscape = await as('get', '/api/v1/regions/%E0%A4%A/settings');
    expect(brokenEscape.status).toBe(400);
    expect(brokenEscape.body).toMatchObject({ code: 'REQUEST.MALFORMED_URL' });

    const unknown = await request(server).get('/api/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toBe('application/problem+json');
    expect(unknown.body).toMatchObject({ code: 'ROUTE.NOT_FOUND', status: 404 });
  });

  it('an unexpected error is a 500 problem with a correlation id and no internals', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/test-failure').set('x-request-id', 'trace-123');
    expect(response.status).toBe(500);
    expect(response.type).toBe('application/problem+json');
    expect(response.body).toMatchObject({ code: 'INTERNAL.ERROR', correlationId: 'trace-123' });
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.text).not.toMatch(/hunter2|secret|app\.js|at /);
  });

  it('sends security headers and a request id', async () => {
    const response = await request(app.getHttpServer()).get('/api/health/live').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports health with the database check', async () => {
    const response = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
  });

  it('lists the active regions with the page convention', async () => {
    const server = app.getHttpServer();
    const first = await request(server).get('/api/v1/regions').query({ limit: 1 }).expect(200);
    const page = first.body as { items: { slug: string }[]; nextCursor: string | null };
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const second = await request(server).get('/api/v1/regions').query({ limit: 1, cursor: page.nextCursor }).expect(200);
    const nextSlug = (second.body as { items: { slug: string }[] }).items[0]?.slug ?? '';
    expect(nextSlug > (page.items[0]?.slug ?? '')).toBe(true);
    await request(server).get('/api/v1/regions').query({ limit: 101 }).expect(400);
    await request(server).get('/api/v1/regions').query({ cursor: 'not json' }).expect(400);
  });

  it('serves the OpenAPI document and the interactive docs; the committed document is current', async () => {
    const server = app.getHttpServer();
    const json = await request(server).get('/api/openapi.json').expect(200);
    expect((json.body as { openapi: string }).openapi).toMatch(/^3\./);
    await request(server).get('/api/docs').expect(200).expect('content-type', /html/);

    const committed = readFileSync(path.join(REPO_ROOT, 'apps/api/openapi.json'), 'utf8');
    const plain = await createApp(ctx.config, { logger: pino({ level: 'silent' }), preview: true });
    const current = serializeOpenApiDocument(createOpenApiDocument(plain));
    await plain.close();
    expect(current).toBe(committed); // run `pnpm openapi` after changing a route or DTO
  });

  it('every controller under /regions/:region is guarded by RegionGuard (partner routes use the exchange instead)', () => {
    const controllers = [...app.get(ModulesContainer).values()].flatMap((module) =>
      [...module.controllers.values()].map((wrapper) => wrapper.metatype as object),
    );
    const regional = controllers.filter((controller) => {
      const paths = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat();
      return paths.some((p) => p.startsWith('v1/regions/:region'));
    });
    expect(regional.length).toBeGreaterThan(0);
    for (const controller of regional) {
      expect(Reflect.getMetadata(GUARDS_METADATA, controller)).toEqual(expect.arrayContaining([RegionGuard]));
    }
  });
});
