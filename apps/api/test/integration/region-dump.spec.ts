import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FieldCipher } from '../../src/common/crypto/field-cipher.js';
import { latestTimestamp } from '../../src/database/migration-runner.js';
import { regionMigrations } from '../../src/database/migrations/region/index.js';
import { verifyAuditChainSnapshot } from '../../src/modules/audit/audit-chain.js';
import { dumpRegion } from '../../src/tenancy/region-dump.js';
import { DumpReader, DumpWriter, type Frame } from '../../src/tenancy/region-dump-format.js';
import { DumpKey } from '../../src/tenancy/region-dump-key.js';
import { quoteIdent } from '../../src/tenancy/region-naming.js';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { removeRegionIn } from '../../src/tenancy/region-removal.js';
import { restoreRegion, type RestoreReport } from '../../src/tenancy/region-restore.js';
import { ownTestDatabase } from '../support/own-database.js';
import { createTestContext, signIn, type TestContext, type TestUser } from '../support/test-context.js';

class FutureMigration1900000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE future_thing (id int PRIMARY KEY)');
  }
  async down(): Promise<void> {}
}

const INSZ = '85073003328';
type Snapshot = Record<string, unknown>;

describe('backup and restore of one region (region:dump / region:restore)', () => {
  let ctx: TestContext;
  let cipher: FieldCipher;
  let folder: string;
  let a: ProvisionedRegion;
  let b: ProvisionedRegion;
  let counsellorA: TestUser;
  let leaverA: TestUser;
  let learnerA: string;
  let centralPartner: { id: string };
  let dumpA: string;
  let beforeA: Snapshot;
  let beforeB: Snapshot;

  let databaseUrl: string;

  beforeAll(async () => {
    // A database of its own: the comparisons cover a region's derived rows too (analytics facts), which another
    // test file's indicator refresh (the endpoint, a job process starting) would recompute mid-comparison.
    databaseUrl = await ownTestDatabase('lw_region_dump_test');
    ctx = await createTestContext({ databaseUrl });
    cipher = new FieldCipher(ctx.config);
    folder = mkdtempSync(path.join(os.tmpdir(), 'leerwinkel-region-dump-'));
    [a, b] = await Promise.all([ctx.newRegion(), ctx.newRegion()]);
    centralPartner = await ctx.newPartner();
    counsellorA = await ctx.newUser({ regions: { [a.slug]: 'counsellor' } });
    leaverA = await ctx.newUser({ regions: { [a.slug]: 'coordinator' } });
    learnerA = await fill(a, counsellorA.id);
    await fill(b, (await ctx.newUser({ regions: { [b.slug]: 'counsellor' } })).id);
    beforeA = await snapshot(a);
    beforeB = await snapshot(b);
    dumpA = path.join(folder, 'a.lwdump');
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const options = (extra: { replace?: boolean } = {}) => ({
    prefix: ctx.identity.rolePrefix,
    roles: ctx.identity.roles,
    key: new DumpKey(ctx.config.fieldEncryptionKey),
    ...extra,
  });
  const dump = (region: ProvisionedRegion, file: string) => dumpRegion(ctx.owner, region.slug, createWriteStream(file), { key: new DumpKey(ctx.config.fieldEncryptionKey) });
  const restore = (file: string, extra: Parameters<typeof options>[0] & { regionMigrations?: typeof regionMigrations; key?: DumpKey } = {}): Promise<RestoreReport> =>
    restoreRegion(ctx.owner, createReadStream(file), { ...options(extra), ...extra });

  /** Removes a region through the path --replace uses. */
  async function drop(region: ProvisionedRegion): Promise<void> {
    await ctx.owner.transaction(async (manager) => {
      if (!manager.queryRunner) throw new Error('no query runner');
      await removeRegionIn(manager.queryRunner, region);
    });
  }

  /** One or more rows in every table of the region's schema and in every shared table that holds region rows. */
  async function fill(region: ProvisionedRegion, userId: string): Promise<string> {
    const s = quoteIdent(region.schemaName);
    const q = <T = unknown>(sql: string, params: unknown[] = []) => ctx.owner.query<T[]>(sql, params);
    const learner = randomUUID();
    const consent = randomUUID();
    const kase = randomUUID();
    const referral = randomUUID();
    await q(`UPDATE ${s}.region_settings SET insz_enabled = true, contact_email = 'info@leerwinkel.test', retention_info_months = 18`);
    await q(
      `INSERT INTO ${s}.learner (id, first_name, last_name, date_of_birth, gender, email, postal_code, native_language, dutch_level, education_level,
         employment_status, target_groups, referral_source, insz_encrypted, created_by)
       VALUES ($1, 'Samira', 'El Amrani', '1985-07-30', 'female', 'samira@voorbeeld.be', '8000', 'ar', 'A2', 'isced_2', 'job_seeker', '{low_qualified}', 'self', $2, $3),
              ($4, 'Jan', 'Peeters', '1970-01-02', 'male', NULL, NULL, 'nl', 'native', 'isced_3', 'employed', '{}', 'vdab', NULL, $3)`,
      [learner, cipher.encrypt(INSZ), userId, randomUUID()],
    );
    await q(`INSERT INTO ${s}.consent (id, learner_id, purpose, partner_id, text_version, given_at, registered_by) VALUES ($1, $2, 'partner_sharing', $3, 'v1', now(), $4)`, [
      consent,
      learner,
      centralPartner.id,
      userId,
    ]);
    // The access log's sequence goes past a row that is gone: the restore must not hand out its id again.
    await q(`INSERT INTO ${s}.learner_access (learner_id, user_id, parts) SELECT $1, $2, '{profile}' FROM generate_series(1, 3)`, [learner, userId]);
    await q(`DELETE FROM ${s}.learner_access WHERE id = (SELECT max(id) FROM ${s}.learner_access)`);
    await q(
      `INSERT INTO ${s}.guidance_case (id, learner_id, kind, status, counsellor_id, learning_question, themes, health_barrier) VALUES ($1, $2, 'guidance', 'guidance', $3, 'Zorgkundige worden', '{care}', $4)`,
      [kase, learner, userId, cipher.encrypt('rugklachten')],
    );
    await q(`INSERT INTO ${s}.case_transition (case_id, from_status, to_status, by_user) VALUES ($1, NULL, 'registered', $2), ($1, 'registered', 'guidance', $2)`, [kase, userId]);
    await q(`INSERT INTO ${s}.contact (case_id, occurred_at, duration_minutes, channel, kind, notes, counsellor_id) VALUES ($1, now(), 45, 'in_person', 'intake', E'tab\\there\\nnew line \\\\ backslash', $2)`, [kase, userId]);
    await q(`INSERT INTO ${s}.action_item (case_id, task, owner, due_date) VALUES ($1, 'Inschrijven', 'learner', '2027-01-15')`, [kase]);
    await q(`INSERT INTO ${s}.referral (id, case_id, consent_id, partner_id, shared, created_by) VALUES ($1, $2, $3, $4, '{"contactData": true}', $5)`, [referral, kase, consent, centralPartner.id, userId]);
    await q(`INSERT INTO ${s}.offer_gap (case_id, theme, description, signalled_by) VALUES ($1, 'care', 'Geen avondopleiding', $2)`, [kase, userId]);
    await q(`INSERT INTO ${s}.learner_history (learner_id, field, old_value, new_value, changed_by) VALUES ($1, 'email', NULL, 'samira@voorbeeld.be', $2)`, [learner, userId]);
    await q(`INSERT INTO ${s}.erasure_request (learner_id, ground, requested_by) VALUES ($1, 'consent_withdrawn', $2)`, [learner, userId]);

    const [org] = await q<{ id: string }>("INSERT INTO platform.organisation (region_id, name) VALUES ($1, 'CVO Test') RETURNING id", [region.id]);
    await q('UPDATE platform.region_membership SET organisation_id = $3 WHERE region_id = $1 AND user_id = $2', [region.id, userId, org?.id]);
    const [local] = await q<{ id: string }>("INSERT INTO platform.partner (name, type, owner_region_id) VALUES ($1, 'cvo', $2) RETURNING id", [`Lokaal ${region.slug}`, region.id]);
    await q("INSERT INTO platform.offer (partner_id, name, start_dates, cost_eur) VALUES ($1, 'Nederlands NT2', '{2027-02-01}', 12.50)", [local?.id]);
    await q("INSERT INTO platform.partner_client (client_id, partner_id, name, secret_hash, scopes) VALUES ($1, $2, 'SIS', 'hash', '{referrals:read}')", [`lc-${region.slug}`, local?.id]);
    await q('INSERT INTO platform.partner_region (partner_id, region_id) VALUES ($1, $3), ($2, $3)', [local?.id, centralPartner.id, region.id]);
    await q(
      `INSERT INTO exchange.referral (id, region_id, partner_id, packet, respond_by) VALUES ($1, $2, $3, '{"learner": {"firstName": "Samira"}}', now() + interval '14 days')`,
      [referral, region.id, centralPartner.id],
    );
    await q("INSERT INTO exchange.referral_event (referral_id, to_status, actor_kind, actor_id) VALUES ($1, 'sent', 'region', $2), ($1, 'accepted', 'partner', 'p')", [referral, userId]);
    await q(`INSERT INTO exchange.registration (region_id, partner_id, payload, consent_reference) VALUES ($1, $2, '{"firstName": "Olena"}', 'ref-1')`, [region.id, centralPartner.id]);
    const [endpoint] = await q<{ id: string }>(
      "INSERT INTO exchange.webhook_endpoint (region_id, url, event_types, secret) VALUES ($1, 'https://hooks.test/x', '{referral.updated}', $2) RETURNING id",
      [region.id, cipher.encrypt('whsec_test')],
    );
    const [partnerEndpoint] = await q<{ id: string }>(
      "INSERT INTO exchange.webhook_endpoint (partner_id, url, event_types, secret) VALUES ($1, 'https://partner.test/x', '{referral.sent}', $2) RETURNING id",
      [centralPartner.id, cipher.encrypt('whsec_partner')],
    );
    const [event] = await q<{ id: string }>("INSERT INTO exchange.webhook_event (type, region_id, partner_id, payload) VALUES ('referral.sent', $1, $2, '{}') RETURNING id", [region.id, centralPartner.id]);
    // Queued and tried once (a 500): still pending, its retry job in the job queue, which a dump does not hold.
    const [delivery] = await q<{ id: string }>(
      'INSERT INTO exchange.webhook_delivery (event_id, endpoint_id, region_id, queued_at) VALUES ($1, $2, $3, now()) RETURNING id',
      [event?.id, endpoint?.id, region.id],
    );
    await q('INSERT INTO exchange.webhook_delivery (event_id, endpoint_id, region_id, replay_of) VALUES ($1, $2, $3, $4)', [event?.id, endpoint?.id, region.id, delivery?.id]);
    await q('INSERT INTO exchange.webhook_delivery (event_id, endpoint_id, partner_id) VALUES ($1, $2, $3)', [event?.id, partnerEndpoint?.id, centralPartner.id]);
    await q('INSERT INTO exchange.webhook_attempt (delivery_id, response_status, duration_ms) VALUES ($1, 500, 12)', [delivery?.id]);
    await q("INSERT INTO analytics.indicator_fact (region_id, month, kind, metric, category, n) VALUES ($1, '2026-10-01', 'guidance', 'cases_opened', 'all', 7)", [region.id]);
    await q('INSERT INTO analytics.region_refresh (region_id, refreshed_at, duration_ms, fact_rows) VALUES ($1, now(), 5, 1)', [region.id]);
    await q("INSERT INTO platform.audit_event (action, region_id, details) VALUES ('region.created', $1, '{}')", [region.id]);
    return learner;
  }

  const rowsOf = async (sql: string, params: unknown[] = []): Promise<unknown> =>
    (await ctx.owner.query<[{ rows: unknown }]>(`SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]') AS rows FROM (${sql}) t`, params))[0].rows;

  /**
   * Everything of a region: every row of every table of its schema, its sequences, its catalog (columns,
   * constraints, indexes, grants, default privileges, role and memberships, RLS policies) and its rows in
   * shared tables — found by their region_id / owner_region_id columns and their children, not by the list
   * the dump uses. (Audit events are not region data: they stay, and are checked on their own.)
   */
  async function snapshot(region: ProvisionedRegion): Promise<Snapshot> {
    const s = region.schemaName;
    const shot: Snapshot = {};
    const tables = await ctx.owner.query<{ name: string }[]>("SELECT relname AS name FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'r' ORDER BY 1", [s]);
    for (const { name } of tables) {
      shot[`rows ${name}`] = name === 'migrations' ? await rowsOf(`SELECT "timestamp", name FROM ${quoteIdent(s)}.migrations`) : await rowsOf(`SELECT * FROM ${quoteIdent(s)}.${quoteIdent(name)}`);
    }
    shot.sequences = await rowsOf('SELECT sequencename, last_value, start_value, increment_by FROM pg_sequences WHERE schemaname = $1', [s]);
    shot.columns = await rowsOf(
      `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull, a.attgenerated, a.attidentity, pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relnamespace = $1::regnamespace AND a.attnum > 0 AND NOT a.attisdropped`,
      [s],
    );
    shot.constraints = await rowsOf(
      'SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid) AS def FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE c.relnamespace = $1::regnamespace',
      [s],
    );
    shot.indexes = await rowsOf('SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1', [s]);
    shot.grants = await rowsOf(
      `SELECT c.relname, x.grantee::regrole::text AS grantee, x.privilege_type FROM pg_class c, aclexplode(c.relacl) x WHERE c.relnamespace = $1::regnamespace`,
      [s],
    );
    shot.schemaGrants = await rowsOf('SELECT x.grantee::regrole::text AS grantee, x.privilege_type FROM pg_namespace n, aclexplode(n.nspacl) x WHERE n.nspname = $1', [s]);
    shot.defaultPrivileges = await rowsOf(
      'SELECT d.defaclobjtype, x.grantee::regrole::text AS grantee, x.privilege_type FROM pg_default_acl d, aclexplode(d.defaclacl) x WHERE d.defaclnamespace = $1::regnamespace',
      [s],
    );
    shot.role = await rowsOf('SELECT rolname, rolinherit, rolcanlogin, rolsuper FROM pg_roles WHERE rolname = $1', [region.roleName]);
    shot.memberships = await rowsOf(
      `SELECT m.roleid::regrole::text AS role, m.member::regrole::text AS member, m.admin_option, m.inherit_option, m.set_option FROM pg_auth_members m
        WHERE m.roleid = $1::regrole OR m.member = $1::regrole`,
      [region.roleName],
    );
    shot.policies = await rowsOf("SELECT schemaname, tablename, policyname, roles, qual, with_check FROM pg_policies WHERE schemaname IN ('exchange', 'analytics')");
    Object.assign(shot, await sharedRows(region.id));
    return shot;
  }

  /** Rows of shared tables that belong to the region. */
  async function sharedRows(regionId: string): Promise<Snapshot> {
    const shot: Snapshot = {};
    const tables = await ctx.owner.query<{ schema: string; table: string; column: string }[]>(
      `SELECT table_schema AS schema, table_name AS table, column_name AS column FROM information_schema.columns
        WHERE table_schema IN ('platform', 'exchange', 'analytics') AND column_name IN ('region_id', 'owner_region_id') AND table_name <> 'audit_event'
          AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')`,
    );
    for (const t of tables) shot[`${t.schema}.${t.table}`] = await rowsOf(`SELECT * FROM ${t.schema}.${t.table} WHERE ${t.column} = $1`, [regionId]);
    const local = 'SELECT id FROM platform.partner WHERE owner_region_id = $1';
    shot['platform.region'] = await rowsOf('SELECT * FROM platform.region WHERE id = $1', [regionId]);
    shot['local partners: offer'] = await rowsOf(`SELECT * FROM platform.offer WHERE partner_id IN (${local})`, [regionId]);
    shot['local partners: partner_client'] = await rowsOf(`SELECT * FROM platform.partner_client WHERE partner_id IN (${local})`, [regionId]);
    shot['exchange.referral_event'] = await rowsOf('SELECT * FROM exchange.referral_event WHERE referral_id IN (SELECT id FROM exchange.referral WHERE region_id = $1)', [regionId]);
    const deliveries = `SELECT id FROM exchange.webhook_delivery WHERE event_id IN (SELECT id FROM exchange.webhook_event WHERE region_id = $1)
      OR endpoint_id IN (SELECT id FROM exchange.webhook_endpoint WHERE region_id = $1)`;
    shot['exchange.webhook_delivery (of its events and endpoints)'] = await rowsOf(`SELECT * FROM exchange.webhook_delivery WHERE id IN (${deliveries})`, [regionId]);
    shot['exchange.webhook_attempt'] = await rowsOf(`SELECT * FROM exchange.webhook_attempt WHERE delivery_id IN (${deliveries})`, [regionId]);
    return shot;
  }

  async function traces(region: ProvisionedRegion): Promise<{ schema: number; role: number; rows: number }> {
    const [row] = await ctx.owner.query<[{ schema: number; role: number }]>(
      'SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = $1)::int AS schema, (SELECT count(*) FROM pg_roles WHERE rolname = $2)::int AS role',
      [region.schemaName, region.roleName],
    );
    const shared = await sharedRows(region.id);
    const rows = Object.values(shared).reduce<number>((sum, value) => sum + (value as unknown[]).length, 0);
    return { ...row, rows };
  }

  /** Rewrites a (decompressed) dump with fresh section checksums and a trailer sealed with `key`. */
  async function resealed(plain: Buffer, key: DumpKey): Promise<Buffer> {
    const reader = new DumpReader(Readable.from([plain])[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (chunk: Buffer) => parts.push(chunk));
    const writer = new DumpWriter(out);
    await writer.start();
    let hash = createHash('sha256');
    let sections = 0;
    for (let frame: Frame | null = await reader.next(); frame; frame = await reader.next()) {
      if (frame.type === 'D') {
        hash.update(frame.payload);
        await writer.data(frame.payload);
      } else if (frame.type === 'E') {
        const end = JSON.parse(frame.payload.toString()) as { rows: number };
        await writer.json('E', { rows: end.rows, sha256: hash.digest('hex') });
        hash = createHash('sha256');
        sections++;
      } else if (frame.type !== 'Z') {
        await writer.json(frame.type, JSON.parse(frame.payload.toString()));
      }
    }
    await writer.finish(sections, (sha256) => key.seal(sha256));
    out.end();
    return Buffer.concat(parts);
  }

  // The deliveries appear twice: by their region_id, and as the deliveries of the region's events and endpoints.
  const DELIVERIES = 'exchange.webhook_delivery (of its events and endpoints)';
  const DELIVERY_KEYS = ['exchange.webhook_delivery', DELIVERIES];
  type DeliveryRow = { id: string; status: string; queued_at: string | null };
  const mapDeliveries = (shot: Snapshot, map: (rows: DeliveryRow[]) => DeliveryRow[]): Snapshot => ({
    ...shot,
    ...Object.fromEntries(DELIVERY_KEYS.map((key) => [key, map(shot[key] as DeliveryRow[])])),
  });
  /** The deliveries in id order (the snapshot orders rows by their text, which a changed column reorders). */
  const byDeliveryId = (shot: Snapshot): Snapshot => mapDeliveries(shot, (rows) => [...rows].sort((x, y) => x.id.localeCompare(y.id)));
  /** A restore queues pending deliveries again: they come back unqueued, for the dispatcher's relay. */
  const requeued = (shot: Snapshot): Snapshot => byDeliveryId(mapDeliveries(shot, (rows) => rows.map((d) => (d.status === 'pending' ? { ...d, queued_at: null } : d))));

  const withoutMembershipOf = (shot: Snapshot, userId: string): Snapshot => ({
    ...shot,
    'platform.region_membership': (shot['platform.region_membership'] as { user_id: string }[]).filter((m) => m.user_id !== userId),
  });

  const auditActions = async (region: ProvisionedRegion): Promise<string[]> =>
    (await ctx.owner.query<[{ actions: string[] }]>('SELECT array_agg(action ORDER BY seq) AS actions FROM platform.audit_event WHERE region_id = $1', [region.id]))[0].actions;

  it('dump, drop, restore: the same rows, sequences, constraints, indexes and grants; the other region untouched', async () => {
    const summary = await dump(a, dumpA);
    expect(summary.sections.find((s) => s.name === 'learner')?.rows).toBe(2);
    // Every table of the schema (and every shared table) had rows to carry.
    expect(summary.sections.filter((s) => s.rows === 0)).toEqual([]);
    // A person who left meanwhile: the restore leaves out their membership.
    await ctx.owner.query('DELETE FROM platform.user_account WHERE id = $1', [leaverA.id]);
    // An erasure carried out after the dump (the audit names the request's pseudonym): the restore points at it.
    await ctx.owner.query(
      `INSERT INTO platform.audit_event (action, target_type, target_id, region_id) SELECT 'learner.erased', 'erasure', pseudonym::text, $1 FROM ${quoteIdent(a.schemaName)}.erasure_request`,
      [a.id],
    );

    await drop(a);
    expect(await traces(a)).toEqual({ schema: 0, role: 0, rows: 0 });
    expect(await snapshot(b)).toEqual(beforeB);

    const report = await restore(dumpA);
    expect(report).toMatchObject({ replaced: false, skipped: { 'platform.region_membership': 1 }, migratedForward: [], erasuresToReview: [learnerA], deliveriesRequeued: 1 });
    expect((beforeA[DELIVERIES] as DeliveryRow[]).filter((d) => d.queued_at !== null)).toHaveLength(1);
    expect(byDeliveryId(await snapshot(a))).toEqual(requeued(withoutMembershipOf(beforeA, leaverA.id)));
    expect(await snapshot(b)).toEqual(beforeB);
    beforeA = await snapshot(a);

    // The audit trail kept the region's events and gained the dump and the restore; the chain is intact.
    expect(await auditActions(a)).toEqual(['region.created', 'region.dumped', 'learner.erased', 'region.restored']);
    expect((await verifyAuditChainSnapshot(ctx.owner)).intact).toBe(true);
  });

  it('the API reads and writes the restored region as before (region role, encrypted INSZ)', async () => {
    const app: NestExpressApplication = await ctx.newApp();
    const auth = (await signIn(app, counsellorA)).authorization;
    const insz = await request(app.getHttpServer()).get(`/api/v1/regions/${a.slug}/learners/${learnerA}/insz`).set('authorization', auth).expect(200);
    expect(insz.body).toEqual({ insz: INSZ });
    await request(app.getHttpServer())
      .post(`/api/v1/regions/${a.slug}/learners`)
      .set('authorization', auth)
      .send({
        firstName: 'Nieuwe',
        lastName: 'Persoon',
        dateOfBirth: '1999-09-09',
        gender: 'female',
        nativeLanguage: 'nl',
        dutchLevel: 'native',
        educationLevel: 'isced_3',
        employmentStatus: 'employed',
        targetGroups: [],
        referralSource: 'self',
        confirmNewPerson: true,
      })
      .expect(201);
    // The new access-log rows continue after the restored sequence (no id handed out twice).
    const [log] = await ctx.owner.query<[{ ids: string[] }]>(`SELECT array_agg(id ORDER BY id)::text[] AS ids FROM ${quoteIdent(a.schemaName)}.learner_access`);
    expect(log.ids.map(Number)).toEqual([1, 2, 4]);
  });

  it('refuses to restore over an existing region; --replace removes it and restores in one transaction', async () => {
    await expect(restore(dumpA)).rejects.toMatchObject({ code: 'REGION.ALREADY_EXISTS', status: 409 });
    const report = await restore(dumpA, { replace: true });
    expect(report.replaced).toBe(true);
    expect(await snapshot(a)).toEqual(beforeA);
    expect(await snapshot(b)).toEqual(beforeB);
    // The learner added through the API is gone with the replaced data; the audit of what happened stays.
    expect(await auditActions(a)).toEqual(['region.created', 'region.dumped', 'learner.erased', 'region.restored', 'learner.insz.revealed', 'region.restored']);
    expect((await verifyAuditChainSnapshot(ctx.owner)).intact).toBe(true);
  });

  it('a damaged dump fails and leaves nothing behind (with --replace: the region as it was)', async () => {
    const bytes = readFileSync(dumpA);
    const truncated = path.join(folder, 'truncated.lwdump');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.9)));
    // A changed character in a learner's name: still valid COPY input, so only the checksum can tell.
    const plain = gunzipSync(bytes);
    const at = plain.indexOf('El Amrani');
    expect(at).toBeGreaterThan(0);
    plain[at] = 'A'.charCodeAt(0);
    const altered = path.join(folder, 'altered.lwdump');
    writeFileSync(altered, gzipSync(plain));

    // The same change with every checksum recomputed, by someone without the key: only the seal tells.
    const forged = path.join(folder, 'forged.lwdump');
    writeFileSync(forged, gzipSync(await resealed(plain, new DumpKey(randomBytes(32)))));

    await expect(restore(truncated, { replace: true })).rejects.toThrow(/unexpected end of file|truncated/);
    await expect(restore(altered, { replace: true })).rejects.toThrow('the checksum of section learner does not match');
    await expect(restore(forged, { replace: true })).rejects.toThrow('its seal does not match');
    expect(await snapshot(a)).toEqual(beforeA);

    await drop(a);
    await expect(restore(truncated)).rejects.toThrow(/unexpected end of file|truncated/);
    await expect(restore(altered)).rejects.toThrow('checksum');
    expect(await traces(a)).toEqual({ schema: 0, role: 0, rows: 0 });
    await restore(dumpA);
    expect(await snapshot(a)).toEqual(beforeA);
  });

  it('an older dump is migrated forward; a dump from newer code or under another field key is refused', async () => {
    const older = await ctx.newRegion({ migrations: regionMigrations.slice(0, -1) });
    await ctx.owner.query(
      `INSERT INTO ${quoteIdent(older.schemaName)}.learner (first_name, last_name, date_of_birth, gender, native_language, dutch_level, education_level, employment_status, referral_source, created_by)
       VALUES ('Oud', 'Formaat', '1960-06-06', 'male', 'nl', 'native', 'isced_1', 'retired', 'self', $1)`,
      [randomUUID()],
    );
    const olderFile = path.join(folder, 'older.lwdump');
    await dump(older, olderFile);
    await drop(older);
    const report = await restore(olderFile);
    expect(report.migratedForward).toEqual([regionMigrations.at(-1)?.name]);
    const [row] = await ctx.owner.query<[{ schema_version: string; learners: number }]>(
      `SELECT schema_version, (SELECT count(*) FROM ${quoteIdent(older.schemaName)}.learner WHERE anonymised_at IS NULL)::int AS learners FROM platform.region WHERE id = $1`,
      [older.id],
    );
    expect(row).toEqual({ schema_version: String(latestTimestamp(regionMigrations)), learners: 1 });

    const newer = await ctx.newRegion({ migrations: [...regionMigrations, FutureMigration1900000000000] });
    const newerFile = path.join(folder, 'newer.lwdump');
    await dump(newer, newerFile);
    await expect(restore(newerFile, { replace: true })).rejects.toThrow('FutureMigration1900000000000');
    await expect(restore(dumpA, { replace: true, key: new DumpKey(randomBytes(32)) })).rejects.toThrow('another FIELD_ENCRYPTION_KEY');
    expect(await snapshot(a)).toEqual(beforeA);
  });

  it('pnpm region:dump / region:restore: the command-line tools (exit codes, no overwrite)', async () => {
    const run = (script: string, args: string[]) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(process.execPath, [fileURLToPath(new URL(`../../dist/cli/${script}`, import.meta.url)), ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 }, (error, _stdout, stderr) => {
          resolve({ code: error ? Number(error.code ?? 1) : 0, stderr });
        });
      });
    const file = path.join(folder, 'cli.lwdump');
    expect(await run('region-dump.js', [b.slug, file])).toMatchObject({ code: 0, stderr: expect.stringContaining(`Dumped region ${b.slug}`) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await run('region-dump.js', [b.slug, file])).code).toBe(2);
    expect((await run('region-restore.js', [file])).stderr).toContain('needs --replace');
    expect(await run('region-restore.js', [file, '--replace'])).toMatchObject({ code: 0, stderr: expect.stringMatching(new RegExp(`Restored region ${b.slug}[\\s\\S]*1 webhook delivery\\(ies\\) pending at the dump queued again`)) });
    expect((await run('region-restore.js', [])).code).toBe(2);
    const [event] = await ctx.owner.query<[{ details: { operator: string; replaced: boolean } }]>(
      "SELECT details FROM platform.audit_event WHERE region_id = $1 AND action = 'region.restored' ORDER BY seq DESC LIMIT 1",
      [b.id],
    );
    expect(event.details).toMatchObject({ operator: `${os.userInfo().username}@${os.hostname()}`, replaced: true });
    expect(byDeliveryId(await snapshot(b))).toEqual(requeued(beforeB));
  });
});
