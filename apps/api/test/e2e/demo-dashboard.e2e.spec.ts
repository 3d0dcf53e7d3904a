import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DEMO_CENTRAL_ACCOUNTS, DEMO_PASSWORD, DEMO_REGIONS } from '../../src/database/seeds/demo-accounts.js';
import { DEMO_LEARNERS_PER_REGION, generateRegionDemo } from '../../src/database/seeds/demo-guidance.seed.js';
import { seedDemoData } from '../../src/database/seeds/demo.seed.js';
import { IndicatorRefreshJob } from '../../src/modules/indicators/indicator-refresh.job.js';
import { createTestContext, signIn, type TestContext } from '../support/test-context.js';

interface Row {
  region: string | null;
  category: string;
  measure: string;
  value: number | null;
}

/** The Brussels month of an instant, as YYYY-MM. */
function month(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit' }).format(at).slice(0, 7);
}

describe('the demo: the analyst dashboard over the six demo regions matches the seed', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let seededAt: Date;

  beforeAll(async () => {
    ctx = await createTestContext();
    seededAt = new Date();
    await seedDemoData(ctx.owner, ctx.identity.rolePrefix, ctx.identity.roles);
    app = await ctx.newApp();
    await app.get(IndicatorRefreshJob, { strict: false }).run();
  }, 120_000);
  afterAll(async () => {
    await ctx.close();
  });

  it('counts every demo region’s new and closed cases of the last 12 months exactly as generated', async () => {
    const analyst = DEMO_CENTRAL_ACCOUNTS.find((account) => account.centralRole === 'analyst');
    const { authorization } = await signIn(app, { email: analyst?.email ?? '', password: DEMO_PASSWORD });
    const today = seededAt.toISOString().slice(0, 10);
    const from = `${month(new Date(Date.UTC(seededAt.getUTCFullYear(), seededAt.getUTCMonth() - 11, 15)))}-01`;
    const slugs = DEMO_REGIONS.map((region) => region.slug);
    const response = await request(app.getHttpServer())
      .get(`/api/v1/central/indicators?from=${from}&to=${today}&groupBy=region&regions=${slugs.join(',')}`)
      .set('authorization', authorization)
      .expect(200);
    const tables = (response.body as { indicators: { id: string; rows: Row[] }[] }).indicators;
    const cell = (id: string, region: string, category: string) => tables.find((t) => t.id === id)?.rows.find((r) => r.region === region && r.category === category && r.measure === 'count')?.value;
    const staff = await ctx.owner.query<{ id: string; email: string }[]>("SELECT id, email FROM platform.user_account WHERE email LIKE '%leerwinkel.test'");
    let flemishNew = 0;
    for (const { slug } of DEMO_REGIONS) {
      const ids = (role: string) => staff.find((user) => user.email.startsWith(`${role}@${slug}.`))?.id ?? '';
      const demo = generateRegionDemo(slug, { today: seededAt, counsellorId: ids('begeleider'), coordinatorId: ids('coordinator'), count: DEMO_LEARNERS_PER_REGION });
      const inPeriod = (at: Date | null) => at !== null && month(at) >= from.slice(0, 7);
      const opened = demo.cases.filter((c) => inPeriod(c.openedAt));
      const closed = demo.cases.filter((c) => inPeriod(c.closedAt));
      flemishNew += opened.length;
      expect({ slug, newCases: cell('new_cases', slug, 'total') }).toEqual({ slug, newCases: opened.length });
      expect({ slug, closedCases: cell('objectives_met', slug, 'total') }).toEqual({ slug, closedCases: closed.length });
    }
    expect(tables.find((t) => t.id === 'new_cases')?.rows.find((r) => r.region === null && r.category === 'total')?.value).toBe(flemishNew);
  });
});
