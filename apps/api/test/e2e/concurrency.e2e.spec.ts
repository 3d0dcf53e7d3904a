import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { runIsolationAttack } from '../support/isolation-attack.js';
import { ProbeModule } from '../support/probe.module.js';
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
    await runIsolationAttack(app, regions, authorization, REQUESTS, IN_FLIGHT);
  });
});
