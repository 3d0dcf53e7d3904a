import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { LOW_QUALIFIED_LEVELS } from '@leerwinkel/contracts';
import { IndicatorsService } from '../../src/modules/indicators/indicators.service.js';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { createTestContext, regionRef, signIn, type TestContext } from '../support/test-context.js';

interface Row {
  region: string | null;
  month: string | null;
  category: string;
  measure: string;
  value: number | null;
  suppressed: boolean;
}
interface Report {
  period: { from: string; to: string };
  suppressionK: number | null;
  refreshedAt: string | null;
  indicators: { id: string; rows: Row[] }[];
  caseload?: { name: string; open: number }[];
}

/** A known learner with one case and everything around it, generated deterministically. */
interface Known {
  kind: 'info' | 'guidance';
  opened: string; // YYYY-MM-DD
  education: string;
  targetGroups: string[];
  source: string;
  contactDays: number[]; // days after opening
  referrals: { partner: 'cvo' | 'vdab'; days: number; reached: string[] }[];
  closed: { day: string; exit: string; objectives: string } | null;
  followUps: { months: 3 | 6 | 12; done: string; inEducation: boolean; certificate: boolean; employed: boolean }[];
  gaps: { theme: string; day: string }[];
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHS = [['sent'], ['sent', 'received'], ['sent', 'received', 'accepted'], ['sent', 'accepted', 'enrolled'], ['sent', 'received', 'accepted', 'enrolled', 'started'], ['sent', 'accepted', 'enrolled', 'started', 'completed'], ['sent', 'declined']];
const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function knownCases(seed: number, n: number): Known[] {
  const next = random(seed);
  return Array.from({ length: n }, () => {
    const opened = `2025-0${String(1 + Math.floor(next() * 6))}-${String(10 + Math.floor(next() * 18))}`;
    const kind = next() < 0.3 ? 'info' : 'guidance';
    const closed = next() < 0.6 ? { day: addDays(opened, 5 + Math.floor(next() * 40)), exit: pick(next, ['started_course', 'found_work', 'lost_contact', 'moved']), objectives: pick(next, ['fully', 'partly', 'no', 'unknown']) } : null;
    return {
      kind,
      opened,
      education: pick(next, ['isced_1', 'isced_2', 'isced_3', 'isced_3', 'isced_6', 'foreign_not_recognised', 'unknown']),
      targetGroups: ['low_qualified', 'newcomer', 'job_seeker'].filter(() => next() < 0.4),
      source: pick(next, ['self', 'vdab', 'ocmw', 'partner']),
      contactDays: Array.from({ length: Math.floor(next() * 5) }, () => Math.floor(next() * 30)),
      referrals: next() < 0.5 ? [{ partner: next() < 0.6 ? 'cvo' : 'vdab', days: Math.floor(next() * 20), reached: pick(next, PATHS) }] : [],
      closed,
      followUps: closed && kind === 'guidance' && next() < 0.5 ? [{ months: pick(next, [3, 6, 12] as const), done: addDays(closed.day, 10), inEducation: next() < 0.5, certificate: next() < 0.3, employed: next() < 0.4 }] : [],
      gaps: next() < 0.2 ? [{ theme: pick(next, ['vocational_training', 'dutch_language']), day: addDays(opened, 3) }] : [],
    };
  });
}

function inPeriod(day: string): boolean {
  return day >= '2025-01-01' && day <= '2025-06-30';
}

function percentileDisc(values: number[], fraction: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? null;
}

/** The expected value of every count, share and median, computed from the known records only. */
function expected(cases: Known[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const add = (key: string, by = 1) => out.set(key, ((out.get(key) as number | undefined) ?? 0) + by);
  const fresh = cases.filter((c) => inPeriod(c.opened));
  for (const c of fresh) {
    add(`new_cases|${c.kind}|count`);
    add('new_cases|total|count');
    for (const group of c.targetGroups) add(`reach_target_group|${group}|count`);
    add(`reach_education|${c.education}|count`);
    add(`referral_sources|${c.source}|count`);
    const contacts = c.contactDays.length;
    add(`contacts_per_case|${contacts <= 3 ? String(contacts) : contacts <= 5 ? '4-5' : '6+'}|count`);
  }
  const known = fresh.filter((c) => c.education !== 'unknown');
  out.set('reach_education|low_qualified|share', Math.round((known.filter((c) => LOW_QUALIFIED_LEVELS.includes(c.education)).length / known.length) * 10_000) / 10_000);
  const firstContact = fresh.filter((c) => c.contactDays.length > 0).map((c) => Math.min(...c.contactDays));
  out.set('days_to_first_contact|all|count', firstContact.length);
  out.set('days_to_first_contact|all|median_days', percentileDisc(firstContact, 0.5));
  out.set('days_to_first_contact|all|p75_days', percentileDisc(firstContact, 0.75));
  const firstReferral = fresh.filter((c) => c.referrals.length > 0).map((c) => Math.min(...c.referrals.map((r) => r.days)));
  out.set('days_to_first_referral|all|median_days', percentileDisc(firstReferral, 0.5));
  for (const c of cases) {
    for (const r of c.referrals) {
      if (!inPeriod(addDays(c.opened, r.days))) continue;
      add(`referral_outcomes|${r.partner}|sent`);
      add('referral_outcomes|total|sent');
      for (const outcome of ['accepted', 'enrolled', 'started', 'completed']) {
        if (r.reached.includes(outcome)) {
          add(`referral_outcomes|${r.partner}|${outcome}`);
          add(`referral_outcomes|total|${outcome}`);
        }
      }
    }
    if (c.closed && inPeriod(c.closed.day)) {
      add(`exit_reasons|${c.closed.exit}|count`);
      add(`objectives_met|${c.closed.objectives}|count`);
      add('objectives_met|total|count');
    }
    for (const f of c.followUps) {
      if (!inPeriod(f.done)) continue;
      add(`follow_up|${String(f.months)}|done`);
      if (f.inEducation) add(`follow_up|${String(f.months)}|in_education`);
      if (f.employed) add(`follow_up|${String(f.months)}|employed`);
    }
    for (const g of c.gaps) if (inPeriod(g.day)) add(`offer_gaps|${g.theme}|count`);
  }
  return out;
}

describe('indicators: correct, aggregates only, small cells suppressed', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let regions: ProvisionedRegion[];
  let analyst: string;
  let coordinator: string;
  const known = [knownCases(11, 70), knownCases(22, 45)];
  const server = () => app.getHttpServer();

  async function insertKnown(region: ProvisionedRegion, cases: Known[], partners: Record<'cvo' | 'vdab', string>, userId: string): Promise<void> {
    await ctx.owner.transaction(async (m) => {
      await m.query("SELECT set_config('search_path', $1, true)", [`"${region.schemaName}"`]);
      for (const [i, c] of cases.entries()) {
        const at = (day: string) => `${day}T12:00:00Z`;
        const [learner] = await m.query<[{ id: string }]>(
          `INSERT INTO learner (first_name, last_name, date_of_birth, gender, native_language, dutch_level, education_level, employment_status, target_groups, referral_source, created_by)
           VALUES ('Known', $1, '1985-05-05', 'female', 'nl', 'B1', $2, 'job_seeker', $3, $4, $5) RETURNING id`,
          [`Person${String(i)}`, c.education, c.targetGroups, c.source, userId],
        );
        const [kase] = await m.query<[{ id: string }]>(
          `INSERT INTO guidance_case (learner_id, kind, status, counsellor_id, opened_at, closed_at, exit_reason, objectives_met)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [learner.id, c.kind, c.closed ? 'closed' : 'guidance', userId, at(c.opened), c.closed ? at(c.closed.day) : null, c.closed?.exit ?? null, c.closed?.objectives ?? null],
        );
        for (const days of c.contactDays) {
          await m.query("INSERT INTO contact (case_id, occurred_at, duration_minutes, channel, kind, counsellor_id) VALUES ($1, $2, 60, 'in_person', 'guidance', $3)", [kase.id, at(addDays(c.opened, days)), userId]);
        }
        for (const r of c.referrals) {
          const [consent] = await m.query<[{ id: string }]>(
            "INSERT INTO consent (learner_id, purpose, partner_id, text_version, given_at, registered_by) VALUES ($1, 'partner_sharing', $2, 'v1', $3, $4) RETURNING id",
            [learner.id, partners[r.partner], at(c.opened), userId],
          );
          const [referral] = await m.query<[{ id: string }]>('SELECT gen_random_uuid() AS id');
          await m.query("INSERT INTO referral (id, case_id, consent_id, partner_id, shared, created_by) VALUES ($1, $2, $3, $4, '{}', $5)", [referral.id, kase.id, consent.id, partners[r.partner], userId]);
          await m.query(
            `INSERT INTO exchange.referral (id, region_id, partner_id, status, packet, respond_by, sent_at) VALUES ($1, $2, $3, $4, '{"region":{"slug":"x"}}', $5, $6)`,
            [referral.id, region.id, partners[r.partner], r.reached.at(-1), at(addDays(c.opened, r.days + 14)), at(addDays(c.opened, r.days))],
          );
          for (const [step, to] of r.reached.entries()) {
            await m.query("INSERT INTO exchange.referral_event (referral_id, from_status, to_status, actor_kind, at) VALUES ($1, $2, $3, 'partner', $4)", [referral.id, r.reached[step - 1] ?? null, to, at(addDays(c.opened, r.days + step))]);
          }
        }
        for (const f of c.followUps) {
          await m.query(
            "INSERT INTO action_item (case_id, task, owner, follow_up_months, done_at, in_education, certificate_obtained, employed) VALUES ($1, 'Opvolging', 'counsellor', $2, $3, $4, $5, $6)",
            [kase.id, f.months, at(f.done), f.inEducation, f.certificate, f.employed],
          );
        }
        for (const g of c.gaps) await m.query('INSERT INTO offer_gap (case_id, theme, signalled_by, signalled_at) VALUES ($1, $2, $3, $4)', [kase.id, g.theme, userId, at(g.day)]);
      }
    });
  }

  const value = (report: Report, id: string, category: string, measure: string, region: string | null = null, month: string | null = null) =>
    report.indicators.find((t) => t.id === id)?.rows.find((r) => r.category === category && r.measure === measure && r.region === region && r.month === month);

  beforeAll(async () => {
    ctx = await createTestContext();
    regions = [await ctx.newRegion(), await ctx.newRegion()];
    app = await ctx.newApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '1000' } });
    const [cvo] = await ctx.owner.query<[{ id: string }]>("INSERT INTO platform.partner (name, type) VALUES ($1, 'cvo') RETURNING id", [`CVO ind ${String(Date.now())}`]);
    const [vdab] = await ctx.owner.query<[{ id: string }]>("INSERT INTO platform.partner (name, type) VALUES ($1, 'vdab') RETURNING id", [`VDAB ind ${String(Date.now())}`]);
    const counsellor = await ctx.newUser({ regions: { [regions[0]?.slug ?? '']: 'counsellor' } });
    for (const [i, region] of regions.entries()) await insertKnown(region, known[i] ?? [], { cvo: cvo.id, vdab: vdab.id }, counsellor.id);
    for (const region of regions) await app.get(IndicatorsService, { strict: false }).refresh(regionRef(region));
    analyst = (await signIn(app, await ctx.newUser({ centralRole: 'analyst' }))).authorization;
    coordinator = (await signIn(app, await ctx.newUser({ regions: { [regions[0]?.slug ?? '']: 'coordinator' } }))).authorization;
  }, 60_000);
  afterAll(async () => {
    await ctx.close();
  });

  const central = (query: string) => request(server()).get(`/api/v1/central/indicators?${query}`).set('authorization', analyst);
  const both = () => `regions=${regions.map((r) => r.slug).join(',')}&from=2025-01-01&to=2025-06-30`;

  it('refreshes one region several times at once without a deadlock (they take turns), ending with the same facts', async () => {
    const region = regions[0];
    if (!region) throw new Error('no region');
    const service = app.get(IndicatorsService, { strict: false });
    const count = async () =>
      (await ctx.owner.query<[{ n: number }]>('SELECT count(*)::int AS n FROM analytics.indicator_fact WHERE region_id = $1', [region.id]))[0].n;
    const before = await count();
    await Promise.all(Array.from({ length: 4 }, () => service.refresh(regionRef(region))));
    expect(await count()).toBe(before);
  });

  it("gives a coordinator every figure of the own region exactly as computed from the records, and the caseload", async () => {
    for (const [i, region] of regions.entries()) {
      const auth = i === 0 ? coordinator : (await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'coordinator' } }))).authorization;
      const report = (await request(server()).get(`/api/v1/regions/${region.slug}/indicators?from=2025-01-01&to=2025-06-30`).set('authorization', auth).expect(200)).body as Report;
      expect(report.suppressionK).toBeNull();
      for (const [key, want] of expected(known[i] ?? [])) {
        const [id = '', category = '', measure = ''] = key.split('|');
        expect({ key, got: value(report, id, category, measure)?.value ?? null }).toEqual({ key, got: want });
      }
      expect(report.caseload?.[0]?.open).toBe((known[i] ?? []).filter((c) => !c.closed).length);
    }
  });

  it('gives central the same figures over both regions (their sum), per region and per month, and never a person', async () => {
    const report = (await central(`${both()}&groupBy=region`).expect(200)).body as Report;
    const all = expected([...(known[0] ?? []), ...(known[1] ?? [])]);
    const perRegion = known.map((cases) => expected(cases));
    for (const [key, want] of all) {
      const [id = '', category = '', measure = ''] = key.split('|');
      const total = value(report, id, category, measure);
      if (!total?.suppressed) expect({ key, got: total?.value ?? null }).toEqual({ key, got: want });
      if (!['count', 'sent', 'accepted', 'enrolled', 'started', 'completed', 'done', 'in_education', 'employed'].includes(measure)) continue;
      const parts = regions.map((region) => value(report, id, category, measure, region.slug));
      // Central totals equal the sum over regions.
      expect(want).toBe(perRegion.reduce((sum, region) => sum + ((region.get(key) as number | undefined) ?? 0), 0));
      parts.forEach((part, i) => {
        if (part && !part.suppressed) expect({ key, region: i, got: part.value }).toEqual({ key, region: i, got: perRegion[i]?.get(key) ?? 0 });
      });
    }
    const byMonth = (await central(`${both()}&groupBy=month`).expect(200)).body as Report;
    const march = [...(known[0] ?? []), ...(known[1] ?? [])].filter((c) => c.opened.startsWith('2025-03')).length;
    const cell = value(byMonth, 'new_cases', 'total', 'count', null, '2025-03');
    expect(cell?.suppressed ? null : cell?.value).toBe(march >= 5 ? march : null);
    const text = JSON.stringify(report) + JSON.stringify(byMonth);
    expect(text).not.toMatch(/Known|Person\d/);
  });

  it('suppresses every count from 1 to k−1 and leaves no line with a single hidden cell (no recovery from totals)', async () => {
    const report = (await central(`${both()}&groupBy=region`).expect(200)).body as Report;
    expect(report.suppressionK).toBe(5);
    const counts = report.indicators.flatMap((t) => t.rows.filter((r) => !['share', 'median_days', 'p75_days'].includes(r.measure) && !r.measure.endsWith('_rate')).map((r) => ({ ...r, id: t.id })));
    expect(counts.some((r) => r.suppressed)).toBe(true);
    for (const row of counts) if (!row.suppressed) expect(row.value === 0 || (row.value ?? 0) >= 5).toBe(true);
    // Category lines (additive tables) and region lines: never exactly one suppressed cell.
    const additive = new Set(['new_cases', 'reach_education', 'referral_sources', 'contacts_per_case', 'referral_outcomes', 'exit_reasons', 'objectives_met', 'follow_up', 'offer_gaps']);
    const lines = new Map<string, typeof counts>();
    for (const row of counts) {
      if (additive.has(row.id)) {
        const key = `cat|${row.id}|${row.measure}|${String(row.region)}`;
        lines.set(key, [...(lines.get(key) ?? []), row]);
      }
      const key = `reg|${row.id}|${row.measure}|${row.category}`;
      lines.set(key, [...(lines.get(key) ?? []), row]);
    }
    for (const [key, line] of lines) {
      const hidden = line.filter((r) => r.suppressed).length;
      expect({ key, hidden: hidden === 1 }).toEqual({ key, hidden: false });
    }
    // Shares and rates built on a hidden count are hidden too.
    for (const table of report.indicators) {
      for (const row of table.rows.filter((r) => r.measure === 'share' && r.category !== 'low_qualified')) {
        const count = table.rows.find((r) => r.category === row.category && r.region === row.region && r.month === row.month && r.measure === 'count');
        if (count?.suppressed) expect(row.suppressed).toBe(true);
      }
    }
  });

  it('answers repeated requests from the cache until a region is refreshed', async () => {
    const total = async () => value((await central(`${both()}&groupBy=region`).expect(200)).body as Report, 'new_cases', 'total', 'count')?.value;
    const before = await total();
    const region = regions[1] as ProvisionedRegion;
    const [learner] = await ctx.owner.query<[{ id: string }]>(`SELECT id FROM "${region.schemaName}".learner LIMIT 1`);
    const [user] = await ctx.owner.query<[{ id: string }]>('SELECT id FROM platform.user_account LIMIT 1');
    await ctx.owner.query(`INSERT INTO "${region.schemaName}".guidance_case (learner_id, kind, counsellor_id, opened_at) VALUES ($1, 'info', $2, '2025-04-02T12:00:00Z')`, [learner.id, user.id]);
    expect(await total()).toBe(before);
    await app.get(IndicatorsService, { strict: false }).refresh(regionRef(region));
    expect(await total()).toBe((before ?? 0) + 1);
  });

  it('logs every central call with who asked what', async () => {
    const before = Date.now();
    await central(`${both()}&groupBy=month&kind=guidance`).expect(200);
    const rows = await ctx.owner.query<{ details: { kind: string; groupBy: string[]; regions: string[] } }[]>(
      "SELECT details FROM platform.audit_event WHERE action = 'indicators.central.read' AND occurred_at >= $1 ORDER BY occurred_at DESC LIMIT 1",
      [new Date(before - 1000)],
    );
    expect(rows[0]?.details).toMatchObject({ kind: 'guidance', groupBy: ['month'], regions: regions.map((r) => r.slug).sort() });
  });

  it('lets the analytics role read aggregates and nothing about a person (PostgreSQL refuses it)', async () => {
    const asAnalytics = (sql: string) =>
      ctx.owner.transaction(async (m) => {
        await m.query("SELECT set_config('role', $1, true)", [ctx.identity.roles.analytics]);
        return m.query<unknown[]>(sql);
      });
    const region = regions[0] as ProvisionedRegion;
    expect((await asAnalytics(`SELECT count(*) FROM analytics.indicator_fact WHERE region_id = '${region.id}'`)).length).toBe(1);
    for (const table of ['learner', 'guidance_case', 'contact', 'referral', 'consent', 'offer_gap', 'learner_access']) {
      await expect(asAnalytics(`SELECT * FROM "${region.schemaName}".${table} LIMIT 1`)).rejects.toThrow(/permission denied/);
    }
    for (const table of ['exchange.referral', 'exchange.registration', 'platform.user_account', 'platform.audit_event', 'platform.region_membership']) {
      await expect(asAnalytics(`SELECT * FROM ${table} LIMIT 1`)).rejects.toThrow(/permission denied/);
    }
    await expect(asAnalytics('SELECT schema_name FROM platform.region LIMIT 1')).rejects.toThrow(/permission denied/);
    await expect(asAnalytics(`DELETE FROM analytics.indicator_fact WHERE region_id = '${region.id}'`)).rejects.toThrow(/permission denied/);
  });

  it('exports the same table as CSV and Excel (format or Accept), suppression applied', async () => {
    const json = (await central(`${both()}&groupBy=region`).expect(200)).body as Report;
    const csv = await central(`${both()}&groupBy=region&format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="leerwinkel-indicatoren-2025-01-01-2025-06-30\.csv"/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('indicator,region,month,category,category_label,measure,value,suppressed');
    expect(lines).toHaveLength(1 + json.indicators.reduce((sum, t) => sum + t.rows.length, 0));
    expect(lines.filter((line) => line.endsWith(',true')).every((line) => line.endsWith(',,true'))).toBe(true);
    const viaAccept = await request(server()).get(`/api/v1/central/indicators?${both()}`).set('authorization', analyst).set('accept', 'text/csv').expect(200);
    expect(viaAccept.headers['content-type']).toMatch(/^text\/csv/);
    const xlsx = await central(`${both()}&format=xlsx`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        done(null, Buffer.concat(chunks));
      });
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    ['from=2025-07-01&to=2025-01-01', 'from'],
    ['from=1970-01-01&to=2020-12-31', 'from'],
    ['from=2000-01-01&to=2026-01-01', 'to'],
    ['from=2025-02-30', 'from'],
    ['from=01-01-2025', 'from'],
    ['regions=no-such-region', 'regions'],
    ['regions=West Vlaanderen', 'regions'],
    [`regions=${Array.from({ length: 501 }, (_, i) => `r${String(i)}`).join(',')}`, 'regions'],
    ['groupBy=partner', 'groupBy'],
    ['format=pdf', 'format'],
    ['kind=everything', 'kind'],
  ])('answers a bad query with a clear 400 problem on its field (%#)', async (query, field) => {
    const response = await central(query);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((response.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
  });

  it('bounds the work of a breakdown by region and month', async () => {
    const many = Array.from({ length: 120 }, (_, i) => `r${String(i)}`);
    const response = await central(`from=2016-01-01&to=2025-12-31&groupBy=region,month&regions=${many.join(',')}`);
    expect(response.status).toBe(400);
    expect((response.body as { errors: { field: string; message: string }[] }).errors[0]).toMatchObject({ field: 'groupBy' });
  });
});
