import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { ProbeModule, type ProbeAnswer } from '../support/probe.module.js';
import { createTestContext, signIn, type TestContext } from '../support/test-context.js';

const REGIONS = 12;
const REQUESTS = 2_400;
const IN_FLIGHT = 64;

describe('isolation under concurrency', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let regions: ProvisionedRegion[];
  let authorization: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    regions = [];
    for (let i = 0; i < REGIONS; i++) regions.push(await ctx.newRegion());
    app = await ctx.newApp({ poolSize: 2, extraModules: [ProbeModule], env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    const user = await ctx.newUser({ regions: Object.fromEntries(regions.map((r) => [r.slug, 'counsellor'])) });
    authorization = (await signIn(app, user)).authorization;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it(`${REQUESTS} interleaved requests over ${REGIONS} regions on a pool of 2: no answer carries another region's data`, async () => {
    const server = app.getHttpServer();
    const committed = new Map<string, Set<string>>(regions.map((r) => [r.slug, new Set<string>()]));
    const rolledBack = new Set<string>();
    const leaks: string[] = [];
    let next = 0;

    const one = async (i: number): Promise<void> => {
      const region = regions[(i + Math.floor(i / 4)) % REGIONS] as ProvisionedRegion; // every kind in every region
      const kind = i % 4; // 0: write, 1: write then throw, 2: probe read, 3: the real settings route
      const marker = `${region.slug}.${i}@probe.example`;
      if (kind === 0 || kind === 1) {
        const response = await request(server)
          .post(`/api/v1/regions/${region.slug}/probe`)
          .set('authorization', authorization)
          .query({ marker, fail: kind === 1 ? '1' : '0' });
        if (kind === 1) {
          expect(response.status).toBe(500);
          expect(response.type).toBe('application/problem+json');
          rolledBack.add(marker);
          return;
        }
        expect(response.status).toBe(201);
        committed.get(region.slug)?.add(marker);
        check(region, response.body as ProbeAnswer, marker);
      } else if (kind === 2) {
        const response = await request(server).get(`/api/v1/regions/${region.slug}/probe`).set('authorization', authorization);
        expect(response.status).toBe(200);
        check(region, response.body as ProbeAnswer);
      } else {
        const response = await request(server).get(`/api/v1/regions/${region.slug}/settings`).set('authorization', authorization);
        expect(response.status).toBe(200);
        const body = response.body as { region: string; contactEmail: string | null };
        if (body.region !== region.slug || !(body.contactEmail === null || body.contactEmail.startsWith(`${region.slug}.`))) {
          leaks.push(`settings of ${region.slug} answered ${JSON.stringify(body)}`);
        }
      }
    };
    const check = (region: ProvisionedRegion, answer: ProbeAnswer, ownWrite?: string): void => {
      const foreign =
        answer.schema !== region.schemaName ||
        answer.role !== region.roleName ||
        !(answer.email === null || answer.email.startsWith(`${region.slug}.`)) ||
        (ownWrite !== undefined && answer.email !== ownWrite);
      if (foreign) leaks.push(`${region.slug} answered ${JSON.stringify(answer)}`);
    };

    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let i = next++; i < REQUESTS; i = next++) await one(i);
      }),
    );

    expect(leaks).toEqual([]);
    expect(rolledBack.size).toBe(REQUESTS / 4);
    // Every region ends with one of its own committed writes, never a rolled-back one.
    for (const region of regions) {
      const answer = (await request(server).get(`/api/v1/regions/${region.slug}/probe`).set('authorization', authorization)).body as ProbeAnswer;
      expect(committed.get(region.slug)?.has(answer.email ?? '')).toBe(true);
      expect(rolledBack.has(answer.email ?? '')).toBe(false);
    }
  });
});
