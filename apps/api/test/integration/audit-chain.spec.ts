import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { createOwnerDataSource } from '../../src/database/data-sources.js';
import { ChainAudit1765267200000 } from '../../src/database/migrations/platform/1765267200000-chain-audit.js';
import { type AuditChainFinding, type AuditChainReport, describeAuditChainReport, verifyAuditChain, verifyAuditChainSnapshot } from '../../src/modules/audit/audit-chain.js';
import { AuditService } from '../../src/modules/audit/audit.service.js';
import { platformRoles, quoteIdent } from '../../src/tenancy/region-naming.js';
import { migrateDatabase } from '../../src/tenancy/schema-migrator.js';
import { createTestContext, signIn, type TestContext, uniqueSlug } from '../support/test-context.js';

interface OwnRow {
  id: string;
  seq: string;
}

/**
 * The audit trail is a hash chain. Other test files write audit events at the same time, so tampering
 * happens inside a transaction that is rolled back after the verifier ran in it: the shared chain stays
 * intact. That transaction first locks the chain head, so nothing is appended until it ends.
 */
describe('tamper-evident audit trail', () => {
  let ctx: TestContext;
  let app: NestExpressApplication;
  let audit: AuditService;

  beforeAll(async () => {
    ctx = await createTestContext();
    app = await ctx.newApp({ poolSize: 20 });
    audit = app.get(AuditService);
  });
  afterAll(async () => {
    await ctx.close();
  });

  /** Five events of our own; then, in a transaction holding the chain head, `tamper` as the owner, the verifier, rollback. */
  async function tamperedChain(tamper: (manager: EntityManager, rows: OwnRow[]) => Promise<unknown>): Promise<{ rows: OwnRow[]; report: AuditChainReport }> {
    const marker = uniqueSlug('tamper');
    await ctx.owner.transaction(async (m) => {
      for (let i = 0; i < 5; i++) {
        await m.query("INSERT INTO platform.audit_event (action, target_type, target_id, details) VALUES ('partner.updated', 'tamper-test', $1, $2)", [marker, JSON.stringify({ i })]);
      }
    });
    const rows = await ctx.owner.query<OwnRow[]>('SELECT id::text AS id, seq::text AS seq FROM platform.audit_event WHERE target_id = $1 ORDER BY seq', [marker]);
    const runner = ctx.owner.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query('SELECT seq FROM platform.audit_chain_head FOR UPDATE');
      await tamper(runner.manager, rows);
      return { rows, report: await verifyAuditChain(runner.manager) };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  const finding = (kind: AuditChainFinding['kind'], row: OwnRow | { seq: string; id: null }) => ({ kind, seq: row.seq, id: row.id, message: expect.any(String) as unknown });
  const own = (rows: OwnRow[], index: number): OwnRow => rows[index] as OwnRow;

  it('events written by the API form an intact chain in insertion order', async () => {
    const user = await ctx.newUser();
    await signIn(app, user);
    const marker = uniqueSlug('chain');
    await audit.record({ action: 'partner.updated', targetType: 'chain-test', targetId: marker, details: { note: "quote ' pipe | backslash \\ é" } });
    const rows = await ctx.owner.query<{ seq: string; action: string }[]>(
      'SELECT seq::text AS seq, action FROM platform.audit_event WHERE actor_user_id = $1 OR target_id = $2 ORDER BY seq',
      [user.id, marker],
    );
    expect(rows.map((row) => row.action)).toEqual(['auth.login.succeeded', 'partner.updated']);
    const [login, recorded] = rows.map((row) => BigInt(row.seq));
    expect(recorded).toBeGreaterThan(login ?? 0n);

    const report = await verifyAuditChainSnapshot(ctx.owner, { batchSize: 7 });
    expect(report.findings).toEqual([]);
    expect(report.intact).toBe(true);
    expect(BigInt(report.lastSeq)).toBeGreaterThanOrEqual(recorded ?? 0n);
    expect(report.events).toBe(Number(report.lastSeq));
    expect(describeAuditChainReport(report)[0]).toBe(`audit chain intact: ${report.events} events, last seq ${report.lastSeq}`);
  });

  it('200 concurrent inserts from separate connections still make one chain', async () => {
    const marker = uniqueSlug('burst');
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => audit.record({ action: 'partner.updated', targetType: 'burst-test', targetId: marker, details: { i } })),
    );
    const [{ n, distinct }] = await ctx.owner.query<[{ n: number; distinct: number }]>(
      'SELECT count(*)::int AS n, count(DISTINCT seq)::int AS distinct FROM platform.audit_event WHERE target_id = $1',
      [marker],
    );
    expect({ n, distinct }).toEqual({ n: 200, distinct: 200 });
    const report = await verifyAuditChainSnapshot(ctx.owner);
    expect(report.findings).toEqual([]);
    expect(report.intact).toBe(true);
  });

  it('names the one row whose content was changed', async () => {
    const { rows, report } = await tamperedChain((m, r) => m.query(`UPDATE platform.audit_event SET details = '{"i": 99}' WHERE id = $1`, [own(r, 1).id]));
    expect(report.findings).toEqual([finding('modified', own(rows, 1))]);
    expect(report.intact).toBe(false);
  });

  it('an edited row given a fresh hash breaks the link to the next row', async () => {
    const { rows, report } = await tamperedChain((m, r) =>
      m.query(
        `UPDATE platform.audit_event e SET action = 'partner.created',
                hash = sha256(e.prev_hash || convert_to(platform.audit_canonical(jsonb_populate_record(e, '{"action": "partner.created"}')), 'UTF8'))
         WHERE id = $1`,
        [own(r, 1).id],
      ),
    );
    expect(report.findings).toEqual([finding('reordered', own(rows, 2))]);
  });

  it('reports a deleted row as a gap at its place', async () => {
    const { rows, report } = await tamperedChain((m, r) => m.query('DELETE FROM platform.audit_event WHERE id = $1', [own(r, 2).id]));
    expect(report.findings).toEqual([finding('deleted', { seq: own(rows, 2).seq, id: null })]);
    expect(report.findings[0]?.message).toContain(`between seq ${own(rows, 1).seq} (id ${own(rows, 1).id}) and seq ${own(rows, 3).seq} (id ${own(rows, 3).id})`);
  });

  it('reports the newest events removed (the head is further than the last row)', async () => {
    const { rows, report } = await tamperedChain((m, r) => m.query('DELETE FROM platform.audit_event WHERE seq >= $1', [own(r, 3).seq]));
    expect(report.findings).toEqual([finding('deleted', { seq: own(rows, 3).seq, id: null })]);
    expect(report.findings[0]?.message).toContain('truncated');
  });

  it('reports two rows whose contents were swapped as re-ordered', async () => {
    const { rows, report } = await tamperedChain((m, r) =>
      m.query(
        `UPDATE platform.audit_event e
         SET occurred_at = o.occurred_at, action = o.action, actor_user_id = o.actor_user_id, actor_client_id = o.actor_client_id,
             target_type = o.target_type, target_id = o.target_id, region_id = o.region_id, ip = o.ip, request_id = o.request_id, details = o.details
         FROM platform.audit_event o
         WHERE (e.id, o.id) IN (($1::bigint, $2::bigint), ($2::bigint, $1::bigint))`,
        [own(r, 1).id, own(r, 3).id],
      ),
    );
    expect(report.findings).toEqual([finding('reordered', own(rows, 1)), finding('reordered', own(rows, 3))]);
    expect(report.findings[0]?.message).toContain(`holds the event written at seq ${own(rows, 3).seq}`);
  });

  it('reports two whole rows that swapped seq as re-ordered, without the broken links around them', async () => {
    const { rows, report } = await tamperedChain(async (m, r) => {
      const swap = 'UPDATE platform.audit_event SET seq = $2 WHERE id = $1';
      await m.query(swap, [own(r, 1).id, '9000000000000000000']);
      await m.query(swap, [own(r, 3).id, own(r, 1).seq]);
      await m.query(swap, [own(r, 1).id, own(r, 3).seq]);
    });
    // seq 1 now holds the row with id 3 and the other way round.
    expect(report.findings).toEqual([finding('reordered', { seq: own(rows, 1).seq, id: own(rows, 3).id }), finding('reordered', { seq: own(rows, 3).seq, id: own(rows, 1).id })]);
    expect(report.findings[0]?.message).toContain('re-numbered');
  });

  it('one transaction with thousands of events and a rolled-back savepoint keeps the chain gapless', async () => {
    const marker = uniqueSlug('bulk');
    const insert = (m: EntityManager, n: number) =>
      m.query("INSERT INTO platform.audit_event (action, target_type, target_id, details) SELECT 'partner.updated', 'bulk-test', $1, jsonb_build_object('i', i) FROM generate_series(1, $2::int) i", [marker, n]);
    const started = performance.now();
    await ctx.owner.transaction(async (m) => {
      await insert(m, 3_000);
      await m.query('SAVEPOINT undone');
      await insert(m, 10);
      await m.query('ROLLBACK TO SAVEPOINT undone');
      for (let i = 0; i < 20; i++) await insert(m, 1);
    });
    const elapsed = performance.now() - started;
    const [{ n, first, last }] = await ctx.owner.query<[{ n: number; first: string; last: string }]>(
      'SELECT count(*)::int AS n, min(seq)::text AS first, max(seq)::text AS last FROM platform.audit_event WHERE target_id = $1',
      [marker],
    );
    expect({ n, span: Number(BigInt(last) - BigInt(first)) + 1 }).toEqual({ n: 3_020, span: 3_020 });
    expect((await verifyAuditChainSnapshot(ctx.owner)).findings).toEqual([]);
    // The head moves once per transaction, not once per event (which costs quadratic time).
    expect(elapsed).toBeLessThan(5_000);
  });

  it('the API role can add events but never change, remove or forge them, nor touch the chain head', async () => {
    const api = app.get<DataSource>(getDataSourceToken());
    const denied = /permission denied for table (audit_event|audit_chain_head)/;
    await expect(api.query("UPDATE platform.audit_event SET details = '{}'")).rejects.toThrow(denied);
    await expect(api.query('DELETE FROM platform.audit_event')).rejects.toThrow(denied);
    await expect(api.query('TRUNCATE platform.audit_event')).rejects.toThrow(denied);
    await expect(api.query("INSERT INTO platform.audit_event (action, seq, prev_hash, hash) VALUES ('x', 1, '\\x00', '\\x00')")).rejects.toThrow(denied);
    await expect(api.query("INSERT INTO platform.audit_event (action, occurred_at) VALUES ('x', '2000-01-01')")).rejects.toThrow(denied);
    await expect(api.query('SELECT * FROM platform.audit_chain_head')).rejects.toThrow(denied);
    await expect(api.query('UPDATE platform.audit_chain_head SET seq = 0')).rejects.toThrow(denied);
    const [row] = await api.query<[{ seq: string }]>("INSERT INTO platform.audit_event (action) VALUES ('partner.updated') RETURNING seq::text AS seq");
    expect(BigInt(row.seq)).toBeGreaterThan(0n);
  });

  it('hashes a canonical text in which no text can move between fields', async () => {
    const canonical = (fields: Record<string, unknown>) =>
      ctx.owner
        .query<[{ text: string }]>('SELECT platform.audit_canonical(jsonb_populate_record(NULL::platform.audit_event, $1)) AS text', [JSON.stringify(fields)])
        .then(([row]) => row.text);
    const base = { seq: 7, occurred_at: '2025-03-30T01:30:00.123456+02:00', action: 'user.updated', details: { a: 1 } };
    expect(await canonical({ ...base, target_type: "it's|a", target_id: 'b' })).toBe(
      `audit-v1|seq='7'|occurred_at='2025-03-29T23:30:00.123456Z'|action='user.updated'|actor_user_id=NULL|actor_client_id=NULL|target_type='it''s|a'|target_id='b'|region_id=NULL|ip=NULL|request_id=NULL|details='{"a": 1}'`,
    );
    const moved = await Promise.all([
      canonical({ ...base, target_type: 'a|b', target_id: 'c' }),
      canonical({ ...base, target_type: 'a', target_id: 'b|c' }),
      canonical({ ...base, target_type: 'a', target_id: null }),
      canonical({ ...base, target_type: 'a', target_id: '' }),
    ]);
    expect(new Set(moved).size).toBe(4);
  });

  it('the migration chains the events that were there before it, oldest first (and its down() undoes it)', async () => {
    const database = `lwchain_${randomBytes(4).toString('hex')}_test`;
    const roles = platformRoles(database.slice(0, 16));
    const url = new URL(ctx.identity.ownerUrl);
    url.pathname = `/${database}`;
    await ctx.owner.query(`CREATE DATABASE ${quoteIdent(database)}`);
    const owner = createOwnerDataSource({ ...ctx.config.database, url: url.toString() }, 2);
    try {
      await owner.initialize();
      const migrate = () => migrateDatabase(owner, { roles, appPassword: 'chain-test', concurrency: 1, regionMigrations: [] });
      await migrate();
      // Back to the version before the chain, with events written then.
      await owner.transaction(async (m) => {
        await m.query("SELECT set_config('search_path', 'platform', true)");
        await new ChainAudit1765267200000().down(m.queryRunner as QueryRunner);
        await m.query('DELETE FROM platform.migrations WHERE "timestamp" = 1765267200000');
      });
      await owner.query(
        `INSERT INTO platform.audit_event (occurred_at, action, details) VALUES
           ('2025-01-02T10:00:00Z', 'second', '{}'), ('2025-01-01T10:00:00Z', 'first', '{}'), ('2025-01-03T10:00:00Z', 'third', '{}')`,
      );
      expect((await migrate()).platform).toEqual(['ChainAudit1765267200000']);
      await owner.query("INSERT INTO platform.audit_event (action) VALUES ('fourth')");
      const chained = await owner.query<{ seq: string; action: string }[]>('SELECT seq::text AS seq, action FROM platform.audit_event ORDER BY seq');
      expect(chained).toEqual([
        { seq: '1', action: 'first' },
        { seq: '2', action: 'second' },
        { seq: '3', action: 'third' },
        { seq: '4', action: 'fourth' },
      ]);
      expect(await verifyAuditChainSnapshot(owner)).toMatchObject({ intact: true, events: 4, lastSeq: '4' });
    } finally {
      if (owner.isInitialized) await owner.destroy();
      await ctx.owner.query(`DROP DATABASE ${quoteIdent(database)} WITH (FORCE)`);
      for (const role of [roles.app, roles.regionBase, roles.partner, roles.webhooks, roles.analytics]) await ctx.owner.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
    }
  });

  it('leaves the shared chain intact after the tampering above was rolled back', async () => {
    const report = await verifyAuditChainSnapshot(ctx.owner);
    expect(report.findings).toEqual([]);
  });
});
