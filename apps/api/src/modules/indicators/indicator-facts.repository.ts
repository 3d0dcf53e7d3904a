import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { INDICATOR_REFRESH_LOCK_NAMESPACE } from '../../tenancy/advisory-locks.js';

/** Days are counted up to this cap (the last bucket means "this many or more"). */
export const DAYS_CAP = 365;

/** Month of an instant in Belgian time, as the first day of that month. */
const month = (column: string) => `date_trunc('month', ${column} AT TIME ZONE 'Europe/Brussels')::date`;
const day = (column: string) => `(${column} AT TIME ZONE 'Europe/Brussels')::date`;

/**
 * Every fact of a region, from its own tables, as (month, case kind, metric, category): one row per counted
 * thing. Definitions in docs/indicators.md; metric names are the `metric` column of analytics.indicator_fact.
 */
const FACTS = `
  WITH cases AS (
    SELECT c.id, c.kind, c.status, c.opened_at, c.closed_at, c.exit_reason, c.objectives_met,
           l.target_groups, l.education_level, l.referral_source
      FROM guidance_case c JOIN learner l ON l.id = c.learner_id
  ), contacts AS (
    SELECT case_id, count(*) AS n, min(occurred_at) AS first_at FROM contact GROUP BY case_id
  ), referrals AS (
    SELECT r.case_id, x.partner_id, x.sent_at,
           bool_or(e.to_status = 'accepted') AS accepted, bool_or(e.to_status = 'enrolled') AS enrolled,
           bool_or(e.to_status = 'started') AS started, bool_or(e.to_status = 'completed') AS completed
      FROM referral r JOIN exchange.referral x ON x.id = r.id LEFT JOIN exchange.referral_event e ON e.referral_id = r.id
     GROUP BY r.id, r.case_id, x.partner_id, x.sent_at
  )
  SELECT ${month('c.opened_at')} AS month, c.kind, 'new_cases' AS metric, c.kind AS category FROM cases c
  UNION ALL SELECT ${month('c.opened_at')}, c.kind, 'reach_target_group', g FROM cases c CROSS JOIN unnest(c.target_groups) g
  UNION ALL SELECT ${month('c.opened_at')}, c.kind, 'reach_education', c.education_level FROM cases c
  UNION ALL SELECT ${month('c.opened_at')}, c.kind, 'referral_source', c.referral_source FROM cases c
  UNION ALL SELECT ${month('c.opened_at')}, c.kind, 'contacts_per_case',
         CASE WHEN coalesce(t.n, 0) <= 3 THEN coalesce(t.n, 0)::text WHEN t.n <= 5 THEN '4-5' ELSE '6+' END
    FROM cases c LEFT JOIN contacts t ON t.case_id = c.id
  UNION ALL SELECT ${month('c.opened_at')}, c.kind, 'days_to_first_contact',
         least(${String(DAYS_CAP)}, greatest(0, ${day('t.first_at')} - ${day('c.opened_at')}))::text
    FROM cases c JOIN contacts t ON t.case_id = c.id
  UNION ALL SELECT ${month('c.opened_at')}, c.kind, 'days_to_first_referral',
         least(${String(DAYS_CAP)}, greatest(0, ${day('f.first_at')} - ${day('c.opened_at')}))::text
    FROM cases c JOIN (SELECT case_id, min(sent_at) AS first_at FROM referrals GROUP BY case_id) f ON f.case_id = c.id
  UNION ALL SELECT ${month('r.sent_at')}, c.kind, m.metric, r.partner_id::text
    FROM referrals r JOIN cases c ON c.id = r.case_id
    CROSS JOIN LATERAL (VALUES ('referrals_sent', true), ('referrals_accepted', r.accepted), ('referrals_enrolled', r.enrolled),
                               ('referrals_started', r.started), ('referrals_completed', r.completed)) m (metric, counted)
   WHERE m.counted
  UNION ALL SELECT ${month('c.closed_at')}, c.kind, 'exit_reason', c.exit_reason FROM cases c WHERE c.status = 'closed'
  UNION ALL SELECT ${month('c.closed_at')}, c.kind, 'objectives_met', c.objectives_met FROM cases c WHERE c.status = 'closed'
  UNION ALL SELECT ${month('a.done_at')}, c.kind, m.metric, a.follow_up_months::text
    FROM action_item a JOIN cases c ON c.id = a.case_id
    CROSS JOIN LATERAL (VALUES ('follow_up_done', true), ('follow_up_in_education', a.in_education IS TRUE),
                               ('follow_up_certificate', a.certificate_obtained IS TRUE), ('follow_up_employed', a.employed IS TRUE)) m (metric, counted)
   WHERE a.follow_up_months IS NOT NULL AND a.done_at IS NOT NULL AND m.counted
  UNION ALL SELECT ${month('g.signalled_at')}, c.kind, 'offer_gap', g.theme FROM offer_gap g JOIN cases c ON c.id = g.case_id`;

export interface FactRow {
  region: string | null;
  month: string | null;
  metric: string;
  category: string;
  n: number;
}

export interface ActiveRegion {
  id: string;
  slug: string;
  displayName: string;
}

/** The aggregate rows behind the indicators: written per region, read by the analytics role or a region. */
@Injectable()
export class IndicatorFactsRepository {
  /**
   * Recomputes the region's facts in the caller's region unit of work (replaces them atomically). Refreshes of one
   * region take turns (the job on several processes, the admin's refresh): two at once deadlocked on the rows.
   */
  async refresh(manager: EntityManager, regionId: string): Promise<number> {
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [INDICATOR_REFRESH_LOCK_NAMESPACE, regionId]);
    const started = performance.now();
    await manager.query('DELETE FROM analytics.indicator_fact WHERE region_id = $1', [regionId]);
    const [{ n }] = await manager.query<[{ n: number }]>(
      `WITH written AS (
         INSERT INTO analytics.indicator_fact (region_id, month, kind, metric, category, n)
         SELECT $1, month, kind, metric, category, count(*) FROM (${FACTS}) f GROUP BY month, kind, metric, category RETURNING 1
       ) SELECT count(*)::int AS n FROM written`,
      [regionId],
    );
    await manager.query(
      `INSERT INTO analytics.region_refresh (region_id, refreshed_at, duration_ms, fact_rows) VALUES ($1, now(), $2, $3)
       ON CONFLICT (region_id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, duration_ms = EXCLUDED.duration_ms, fact_rows = EXCLUDED.fact_rows`,
      [regionId, Math.round(performance.now() - started), n],
    );
    return n;
  }

  /**
   * Sums of the facts of the given regions and months, per metric and category, for each requested breakdown
   * (by region and/or month) and for the whole selection. Partner ids become partner types. Rows with
   * `region`/`month` null are the totals over that dimension.
   */
  async sums(
    manager: EntityManager,
    query: { regionIds: string[]; from: string; to: string; kind: string | null; byRegion: boolean; byMonth: boolean },
  ): Promise<FactRow[]> {
    const sets = ['(metric, category)'];
    if (query.byRegion) sets.push('(region, metric, category)');
    if (query.byMonth) sets.push('(month, metric, category)');
    if (query.byRegion && query.byMonth) sets.push('(region, month, metric, category)');
    // Sum over kinds (and months, unless broken down) first: the joins and the grouping sets then work on a
    // few thousand rows instead of every monthly fact.
    const keys = ['metric', 'category', ...(query.byRegion ? ['region_id'] : []), ...(query.byMonth ? ['month'] : [])].join(', ');
    return manager.query<FactRow[]>(
      `WITH summed AS (
         SELECT ${keys}, sum(n)::int AS n FROM analytics.indicator_fact
          WHERE region_id = ANY ($1::uuid[]) AND month BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR kind = $4)
          GROUP BY ${keys}
       ), named AS (
         SELECT ${query.byRegion ? 'r.slug' : 'NULL::text'} AS region, ${query.byMonth ? "to_char(s.month, 'YYYY-MM')" : 'NULL::text'} AS month, s.metric,
                CASE WHEN s.metric LIKE 'referrals\\_%' THEN coalesce(p.type, 'other') ELSE s.category END AS category, s.n
           FROM summed s
           ${query.byRegion ? 'JOIN platform.region r ON r.id = s.region_id' : ''}
           LEFT JOIN platform.partner p ON s.metric LIKE 'referrals\\_%' AND p.id::text = s.category
       )
       SELECT ${query.byRegion ? 'region' : 'NULL::text AS region'}, ${query.byMonth ? 'month' : 'NULL::text AS month'}, metric, category, sum(n)::int AS n
         FROM named GROUP BY GROUPING SETS (${sets.join(', ')})`,
      [query.regionIds, query.from, query.to, query.kind],
    );
  }

  /** The active regions (what the analytics role may know of them: id, slug, name). */
  async activeRegions(manager: EntityManager): Promise<ActiveRegion[]> {
    return manager.query<ActiveRegion[]>(`SELECT id, slug, display_name AS "displayName" FROM platform.region WHERE status = 'active' ORDER BY slug`);
  }

  /**
   * How fresh these regions' facts are: the oldest refresh (null when one was never computed), and a version that
   * changes whenever any of them is refreshed (the key of cached answers).
   */
  async freshness(manager: EntityManager, regionIds: string[]): Promise<{ refreshedAt: Date | null; version: string }> {
    const [row] = await manager.query<[{ oldest: Date | null; missing: boolean; version: string }]>(
      `SELECT min(x.refreshed_at) AS oldest, bool_or(x.refreshed_at IS NULL) AS missing,
              concat_ws('/', count(x.region_id), max(x.refreshed_at), sum(x.fact_rows)) AS version
         FROM unnest($1::uuid[]) AS s (id) LEFT JOIN analytics.region_refresh x ON x.region_id = s.id`,
      [regionIds],
    );
    return { refreshedAt: row.missing ? null : row.oldest, version: row.version };
  }
}
