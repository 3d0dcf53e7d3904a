import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CODE_LISTS, codes } from '@leerwinkel/contracts';
import { type GenerateReport, generateRegions, REFERRAL_MOVES } from '../../src/database/seeds/generated-regions.seed.js';
import { allowedFor, type ReferralActor, type ReferralStatus } from '../../src/modules/referrals/referral-state-machine.js';
import { quoteIdent } from '../../src/tenancy/region-naming.js';
import { createTestContext, type TestContext } from '../support/test-context.js';

/** `pnpm db:generate` as a library: 2 regions × 200 cases, checked like a user of the figures would. */
describe('generated load-test regions', () => {
  let ctx: TestContext;
  let report: GenerateReport;
  const options = { regions: 2, casesPerRegion: 200, months: 36, seed: 7 };

  beforeAll(async () => {
    ctx = await createTestContext();
    report = await generateRegions(ctx.owner, ctx.identity, options, () => undefined);
  });
  afterAll(async () => {
    await ctx.close();
  });

  const count = async (sql: string, parameters: unknown[] = []): Promise<number> => {
    const [row] = await ctx.owner.query<[{ n: number }]>(`SELECT (${sql})::int AS n`, parameters);
    return row.n;
  };

  it('creates gen-001 and gen-002 with the asked number of cases and the rows that belong to them', async () => {
    expect(report.regions.map((region) => [region.slug, region.filled])).toEqual([
      ['gen-001', true],
      ['gen-002', true],
    ]);
    let rows = 0;
    for (const region of report.regions) {
      const s = quoteIdent(region.schemaName);
      const tables = { learner: 0, consent: 0, guidance_case: 0, case_transition: 0, contact: 0, action_item: 0, offer_gap: 0, referral: 0 };
      for (const table of Object.keys(tables) as (keyof typeof tables)[]) tables[table] = await count(`SELECT count(*) FROM ${s}.${table}`);
      const exchange = await count('SELECT count(*) FROM exchange.referral WHERE region_id = $1', [region.id]);
      const events = await count('SELECT count(*) FROM exchange.referral_event e JOIN exchange.referral x ON x.id = e.referral_id WHERE x.region_id = $1', [region.id]);
      rows += Object.values(tables).reduce((sum, n) => sum + n, 0) + exchange + events;

      expect(tables.guidance_case).toBe(200);
      expect(tables.learner).toBe(170); // some learners come back with a second case
      expect(tables.contact).toBeGreaterThan(200); // about 2.3 per case
      expect(tables.referral).toBeGreaterThan(40); // about 35 % of the cases
      expect(tables.referral).toBeLessThan(100);
      expect(exchange).toBe(tables.referral);
      expect(events).toBeGreaterThan(exchange);
      expect(await count(`SELECT max(n) FROM (SELECT count(*) AS n FROM ${s}.contact GROUP BY case_id) c`)).toBeLessThanOrEqual(6);
      expect(await count(`SELECT count(*) FROM ${s}.guidance_case WHERE kind = 'info'`)).toBeGreaterThan(25);
      expect(await count(`SELECT count(*) FROM ${s}.guidance_case WHERE opened_at < now() - interval '36 months' - interval '3 days' OR opened_at > now()`)).toBe(0);
    }
    expect(report.rows).toBe(rows);
  });

  it('refers only under a partner_sharing consent of the same learner for that partner', async () => {
    for (const region of report.regions) {
      const s = quoteIdent(region.schemaName);
      const uncovered = await count(
        `SELECT count(*) FROM ${s}.referral r
           JOIN ${s}.guidance_case c ON c.id = r.case_id
           JOIN exchange.referral x ON x.id = r.id
           LEFT JOIN ${s}.consent k ON k.id = r.consent_id AND k.learner_id = c.learner_id AND k.purpose = 'partner_sharing'
                                   AND k.partner_id = r.partner_id AND k.withdrawn_at IS NULL AND k.given_at <= x.sent_at
          WHERE k.id IS NULL OR x.partner_id <> r.partner_id OR x.region_id <> $1`,
        [region.id],
      );
      expect(uncovered).toBe(0);
    }
  });

  it('closes cases with a valid exit reason and objectives (incl. unknown), and follows up only consenting closed guidance cases', async () => {
    for (const region of report.regions) {
      const s = quoteIdent(region.schemaName);
      const closed = await ctx.owner.query<{ exit_reason: string | null; objectives_met: string | null; n: number }[]>(
        `SELECT exit_reason, objectives_met, count(*)::int AS n FROM ${s}.guidance_case WHERE status = 'closed' GROUP BY 1, 2`,
      );
      const total = closed.reduce((sum, row) => sum + row.n, 0);
      expect(total).toBeGreaterThan(90); // about 60 % of 200
      expect(total).toBeLessThan(150);
      for (const row of closed) {
        expect(codes(CODE_LISTS.exitReasons)).toContain(row.exit_reason);
        expect(codes(CODE_LISTS.objectivesMet)).toContain(row.objectives_met);
      }
      expect(closed.some((row) => row.objectives_met === 'unknown')).toBe(true);
      expect(await count(`SELECT count(*) FROM ${s}.guidance_case WHERE status <> 'closed' AND (exit_reason IS NOT NULL OR closed_at IS NOT NULL)`)).toBe(0);
      // The lifecycle ends where the case is.
      expect(
        await count(
          `SELECT count(*) FROM ${s}.guidance_case c
            WHERE c.status <> (SELECT t.to_status FROM ${s}.case_transition t WHERE t.case_id = c.id ORDER BY t.id DESC LIMIT 1)`,
        ),
      ).toBe(0);
      expect(
        await count(
          `SELECT count(*) FROM ${s}.action_item a JOIN ${s}.guidance_case c ON c.id = a.case_id
            WHERE a.follow_up_months IS NOT NULL AND (c.status <> 'closed' OR c.kind <> 'guidance'
               OR NOT EXISTS (SELECT 1 FROM ${s}.consent k WHERE k.learner_id = c.learner_id AND k.purpose = 'outcome_follow_up'))`,
        ),
      ).toBe(0);
      expect(await count(`SELECT count(*) FROM ${s}.action_item WHERE done_at IS NOT NULL`)).toBeGreaterThan(0);
    }
  });

  it('gives every row an id the API accepts in a path (a well-formed UUID, as ParseUUIDPipe checks it)', async () => {
    const wellFormed = '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
    for (const region of report.regions) {
      const s = quoteIdent(region.schemaName);
      for (const table of ['learner', 'guidance_case', 'contact', 'action_item', 'offer_gap', 'consent']) {
        expect(await count(`SELECT count(*) FROM ${s}.${table} WHERE id::text !~ $1`, [wellFormed])).toBe(0);
      }
    }
    expect(await count('SELECT count(*) FROM exchange.referral WHERE region_id = ANY ($1::uuid[]) AND id::text !~ $2', [report.regions.map((r) => r.id), wellFormed])).toBe(0);
  });

  it('walks every referral along allowed transitions of the referral state machine', async () => {
    for (const move of REFERRAL_MOVES) expect(allowedFor(move.actor, move.from)).toContain(move.to);
    const events = await ctx.owner.query<{ id: string; status: string; version: number; from_status: string | null; to_status: string; actor_kind: ReferralActor }[]>(
      `SELECT x.id, x.status, x.version, e.from_status, e.to_status, e.actor_kind
         FROM exchange.referral x JOIN exchange.referral_event e ON e.referral_id = x.id
        WHERE x.region_id = ANY ($1::uuid[]) ORDER BY x.id, e.id`,
      [report.regions.map((region) => region.id)],
    );
    const walks = new Map<string, typeof events>();
    for (const event of events) walks.set(event.id, [...(walks.get(event.id) ?? []), event]);
    const finals = new Set<string>();
    for (const walk of walks.values()) {
      const [first, ...rest] = walk;
      expect(first).toMatchObject({ from_status: null, to_status: 'sent', actor_kind: 'region' });
      let at = 'sent';
      for (const event of rest) {
        expect(event.from_status).toBe(at);
        expect(allowedFor(event.actor_kind, at as ReferralStatus)).toContain(event.to_status);
        at = event.to_status;
      }
      expect(walk[0]?.status).toBe(at);
      expect(walk[0]?.version).toBe(walk.length);
      finals.add(at);
    }
    // Realistic drop-off: some complete, some are declined or expire on the way.
    for (const status of ['completed', 'declined', 'expired']) expect(finals).toContain(status);
  });

  it('has indicator facts for both regions', async () => {
    for (const region of report.regions) {
      expect(region.factRows).toBeGreaterThan(0);
      expect(await count('SELECT count(*) FROM analytics.indicator_fact WHERE region_id = $1', [region.id])).toBe(region.factRows);
      expect(await count("SELECT sum(n) FROM analytics.indicator_fact WHERE region_id = $1 AND metric = 'new_cases'", [region.id])).toBe(200);
      expect(await count('SELECT count(*) FROM analytics.region_refresh WHERE region_id = $1', [region.id])).toBe(1);
    }
  });

  it('a second run changes nothing', async () => {
    const snapshot = async (): Promise<unknown> => {
      const states = [];
      for (const region of report.regions) {
        const s = quoteIdent(region.schemaName);
        const [state] = await ctx.owner.query<[unknown]>(
          `SELECT (SELECT md5(string_agg(concat_ws('|', id, status, opened_at, closed_at, exit_reason, objectives_met, version, updated_at), ',' ORDER BY id)) FROM ${s}.guidance_case) AS cases,
                  (SELECT md5(string_agg(concat_ws('|', id, occurred_at, duration_minutes), ',' ORDER BY id)) FROM ${s}.contact) AS contacts,
                  (SELECT count(*) FROM ${s}.learner) AS learners, (SELECT count(*) FROM ${s}.consent) AS consents,
                  (SELECT count(*) FROM ${s}.case_transition) AS transitions, (SELECT count(*) FROM ${s}.action_item) AS action_items,
                  (SELECT count(*) FROM ${s}.offer_gap) AS offer_gaps,
                  (SELECT md5(string_agg(concat_ws('|', id, status, version, updated_at), ',' ORDER BY id)) FROM exchange.referral WHERE region_id = $1) AS referrals,
                  (SELECT count(*) FROM exchange.referral_event e JOIN exchange.referral x ON x.id = e.referral_id WHERE x.region_id = $1) AS events,
                  (SELECT md5(string_agg(concat_ws('|', month, kind, metric, category, n), ',' ORDER BY month, kind, metric, category)) FROM analytics.indicator_fact WHERE region_id = $1) AS facts,
                  (SELECT refreshed_at FROM analytics.region_refresh WHERE region_id = $1) AS refreshed_at,
                  (SELECT count(*) FROM platform.region_membership WHERE region_id = $1) AS members`,
          [region.id],
        );
        states.push(state);
      }
      const [platform] = await ctx.owner.query<[unknown]>(
        "SELECT (SELECT count(*) FROM platform.region WHERE slug LIKE 'gen-%') AS regions, (SELECT count(*) FROM platform.partner WHERE name LIKE 'Gegenereerde partner:%') AS partners",
      );
      return { states, platform };
    };
    const before = await snapshot();
    const again = await generateRegions(ctx.owner, ctx.identity, options, () => undefined);
    expect(again.rows).toBe(0);
    expect(again.regions.map((region) => [region.slug, region.filled, region.refreshMs])).toEqual([
      ['gen-001', false, null],
      ['gen-002', false, null],
    ]);
    expect(await snapshot()).toEqual(before);
  });
});
