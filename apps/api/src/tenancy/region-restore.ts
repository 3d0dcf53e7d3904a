import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';
import { ProblemCode } from '@leerwinkel/contracts';
import { DomainError } from '../common/problem/domain-error.js';
import { applyMigrations, latestTimestamp, type MigrationClass, migrationTimestamp } from '../database/migration-runner.js';
import { regionMigrations } from '../database/migrations/region/index.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { WEBHOOK_CHANNEL } from '../modules/webhooks/webhook-outbox.js';
import { LOCK_NAMESPACE, MIGRATION_LOCK_KEY, REGION_SCHEMA_LOCK_NAMESPACE } from './advisory-locks.js';
import { copyableColumns, qualified, regionTablesInLoadOrder } from './region-dump.js';
import {
  DUMP_FORMAT_VERSION,
  type DumpHeader,
  DumpFormatError,
  dumpHeaderSchema,
  DumpReader,
  type DumpSection,
  parseFrame,
  type SectionEnd,
  sectionEndSchema,
  sectionStartSchema,
  trailerSchema,
} from './region-dump-format.js';
import type { DumpKey } from './region-dump-key.js';
import { REGION_TABLE, RESTORED_REGION_COLUMNS, rowsOf, sharedTable } from './region-dump-scope.js';
import { type PlatformRoles, quoteIdent } from './region-naming.js';
import { RegionProvisioner } from './region-provisioner.js';
import { removeRegionIn } from './region-removal.js';

export interface RestoreOptions {
  prefix: string;
  roles: PlatformRoles;
  /** Derived from this installation's FIELD_ENCRYPTION_KEY: the dump must have been written under the same key. */
  key: DumpKey;
  /** Remove an existing region with the dump's slug or id first (in the same transaction). */
  replace?: boolean;
  /** The code's region migrations (tests pass their own). */
  regionMigrations?: readonly MigrationClass[];
  /** Who ran it (for the audit event), e.g. user@host. */
  operator?: string;
}

export interface RestoreReport {
  region: { id: string; slug: string };
  replaced: boolean;
  /** Rows restored per section. */
  rows: Record<string, number>;
  /** Rows of shared tables left out because what they point to no longer exists (e.g. a deleted user's membership). */
  skipped: Record<string, number>;
  /** Region migrations newer than the dump, applied after loading. */
  migratedForward: string[];
  /**
   * Learners back in the region although the audit trail records, after the dump, an erasure request, an
   * erasure or an anonymisation for them: review each and erase again where it was carried out.
   */
  erasuresToReview: string[];
  /** Webhook deliveries still pending at the dump: queued again, so the dispatcher sends them after the restore. */
  deliveriesRequeued: number;
}

/**
 * Restores a region from a dump (region-dump.ts) in ONE transaction on the owner connection: provisions the
 * registry row (same id), role and schema by running the dump's own region migrations, loads every section
 * with COPY … FROM STDIN (region tables in foreign-key order; shared rows through a temporary table and a
 * filter), sets the sequences, checks every checksum and the trailer, migrates the schema forward to the
 * code's version and records `region.restored` in the audit trail. Any failure — a damaged file, a checksum,
 * a constraint — rolls everything back, including the removal of the region that `replace` asked for.
 */
export async function restoreRegion(owner: DataSource, input: Readable, options: RestoreOptions): Promise<RestoreReport> {
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  try {
    const reader = new DumpReader(gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
    const header = parseFrame(await reader.expect('H'), dumpHeaderSchema);
    const code = options.regionMigrations ?? regionMigrations;
    const dumpMigrations = compatibleMigrations(header, code, options.key.fingerprint());
    const runner = owner.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction();
      const report = await restoreIn(owner, runner, client, reader, header, { ...options, code, dumpMigrations });
      await runner.commitTransaction();
      return report;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  } finally {
    input.unpipe(gunzip);
    input.destroy();
    gunzip.destroy();
  }
}

/** The code's migration classes that made the dumped schema; refuses a dump this code cannot read. */
function compatibleMigrations(header: DumpHeader, code: readonly MigrationClass[], fieldKeyFingerprint: string): MigrationClass[] {
  if (header.formatVersion !== DUMP_FORMAT_VERSION) {
    throw new Error(`The dump has format version ${header.formatVersion}; this code reads version ${DUMP_FORMAT_VERSION}.`);
  }
  if (header.fieldKeyFingerprint !== fieldKeyFingerprint) {
    throw new Error(
      'The dump was written under another FIELD_ENCRYPTION_KEY: its encrypted fields (INSZ, health barrier, webhook secrets) ' +
        'could not be read here. Restore with the key of the source installation.',
    );
  }
  const byTimestamp = new Map(code.map((m) => [migrationTimestamp(m), m]));
  const unknown = header.regionMigrations.filter((m) => byTimestamp.get(m.timestamp)?.name !== m.name);
  if (unknown.length > 0) {
    throw new Error(
      `The dump's schema has region migrations this code does not know (${unknown.map((m) => m.name).join(', ')}): ` +
        'restore it with the version of the code that wrote it, or a newer one.',
    );
  }
  return header.regionMigrations.map((m) => byTimestamp.get(m.timestamp)).filter((m): m is MigrationClass => m !== undefined);
}

interface RestoreContext extends RestoreOptions {
  code: readonly MigrationClass[];
  dumpMigrations: MigrationClass[];
}

async function restoreIn(
  owner: DataSource,
  runner: QueryRunner,
  client: PoolClient,
  reader: DumpReader,
  header: DumpHeader,
  options: RestoreContext,
): Promise<RestoreReport> {
  const { id, slug, displayName } = header.region;
  await runner.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK_KEY]);
  await runner.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [REGION_SCHEMA_LOCK_NAMESPACE, slug]);
  const [{ version }] = (await runner.query('SELECT coalesce(max("timestamp"), 0)::text AS version FROM platform.migrations')) as [{ version: string }];
  if (header.platformVersion > Number(version)) {
    throw new Error(`The dump comes from a newer platform (migration ${header.platformVersion}; this database is at ${version}): upgrade first.`);
  }

  const existing = (await runner.query(
    'SELECT id, slug, schema_name AS "schemaName", role_name AS "roleName" FROM platform.region WHERE slug = $1 OR id = $2',
    [slug, id],
  )) as { id: string; slug: string; schemaName: string; roleName: string }[];
  if (existing.length > 0 && !options.replace) {
    throw new DomainError(
      ProblemCode.REGION_ALREADY_EXISTS,
      409,
      'Region already exists',
      `Region "${slug}" (or id ${id}) exists; restoring over it needs --replace, which removes it first.`,
    );
  }
  if (existing.length > 1) throw new Error(`The dump's slug "${slug}" and id ${id} belong to two different regions; remove one first.`);
  for (const region of existing) await removeRegionIn(runner, region);

  const provisioner = new RegionProvisioner(owner, options.prefix, options.roles, options.dumpMigrations);
  const region = await provisioner.provisionIn(runner, slug, displayName, id);
  const schema = region.schemaName;
  await checkSchemaMatches(runner, schema, header.sections);
  // Migrations may seed rows (the settings row): the dump's rows replace them.
  const tables = header.sections.filter((s) => s.kind === 'region').map((s) => `${quoteIdent(schema)}.${quoteIdent(s.name)}`);
  if (tables.length > 0) await runner.query(`TRUNCATE ${tables.join(', ')}`);

  const rows: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  for (const [index, section] of header.sections.entries()) {
    const start = parseFrame(await reader.expect('S'), sectionStartSchema);
    if (start.name !== section.name) throw new DumpFormatError(`section "${start.name}" where "${section.name}" was expected`);
    const columns = section.columns.map((c) => quoteIdent(c.name)).join(', ');
    if (section.kind === 'region') {
      rows[section.name] = await copyIn(client, reader, `COPY ${quoteIdent(schema)}.${quoteIdent(section.name)} (${columns}) FROM STDIN`, section.name);
      continue;
    }
    const shared = sharedTable(section.name);
    if (!shared) throw new DumpFormatError(`unknown shared table ${section.name}`);
    const temp = `restore_${index}`;
    await runner.query(`CREATE TEMPORARY TABLE ${temp} ON COMMIT DROP AS SELECT ${columns} FROM ${qualified(section.name)} WITH NO DATA`);
    const copied = await copyIn(client, reader, `COPY ${temp} (${columns}) FROM STDIN`, section.name);
    let inserted: number;
    if (shared.table === REGION_TABLE) {
      const set = RESTORED_REGION_COLUMNS.map((c) => `${c} = t.${c}`).join(', ');
      inserted = await affected(runner, `UPDATE platform.region r SET ${set} FROM ${temp} t WHERE r.id = t.id AND t.id = $1`, [id]);
      if (copied !== 1 || inserted !== 1) throw new DumpFormatError(`the registry row of ${slug} is not in the dump`);
    } else {
      const list = section.columns.map((c) => `t.${quoteIdent(c.name)}`).join(', ');
      inserted = await affected(
        runner,
        `INSERT INTO ${qualified(section.name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM ${temp} t WHERE ${shared.keep ?? 'true'}`,
      ).catch((error: unknown) => {
        throw new Error(`Restoring ${section.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      });
    }
    rows[section.name] = inserted;
    if (copied > inserted) skipped[section.name] = copied - inserted;
  }
  const trailer = parseFrame(await reader.expect('Z'), trailerSchema);
  if (trailer.sha256 !== reader.hashBefore || trailer.sections !== header.sections.length) {
    throw new DumpFormatError('the checksum of the whole file does not match (damaged or altered)');
  }
  if (trailer.seal !== options.key.seal(trailer.sha256)) {
    throw new DumpFormatError('its seal does not match: it was altered, or written by an installation without this FIELD_ENCRYPTION_KEY');
  }
  if (await reader.next()) throw new DumpFormatError('data after the trailer');

  for (const sequence of header.sequences) {
    await runner.query('SELECT setval(($1 || \'.\' || $2)::regclass, $3::bigint, $4)', [quoteIdent(schema), quoteIdent(sequence.name), sequence.lastValue, sequence.isCalled]);
  }

  // An older dump: bring its schema (and the loaded rows) to the code's version.
  await runner.query("SELECT set_config('search_path', $1, true), set_config('leerwinkel.region_role', $2, true)", [quoteIdent(schema), region.roleName]);
  const forward = await applyMigrations(runner, quoteIdent(schema), options.code);
  await runner.query("SELECT set_config('search_path', '', true)");
  if (forward.length > 0) {
    await runner.query('UPDATE platform.region SET schema_version = $2, updated_at = now() WHERE id = $1', [id, latestTimestamp(options.code)]);
  }

  const erasuresToReview = await erasedSince(runner, schema, id, header.createdAt);
  const deliveriesRequeued = await requeuePendingDeliveries(runner, id);
  const replaced = existing.length > 0;
  await new AuditService(owner).record(
    {
      action: 'region.restored',
      targetType: 'region',
      targetId: id,
      regionId: id,
      details: {
        slug,
        operator: options.operator ?? null,
        replaced,
        dumpCreatedAt: header.createdAt,
        dumpSha256: trailer.sha256,
        skipped,
        migratedForward: forward.map((m) => m.name),
        erasuresToReview,
        deliveriesRequeued,
      },
    },
    runner.manager,
  );
  return { region: { id, slug }, replaced, rows, skipped, migratedForward: forward.map((m) => m.name), erasuresToReview, deliveriesRequeued };
}

/**
 * The dump holds no jobs: a delivery pending at the dump had its job in the job queue, which a restore does not
 * bring back. Marking it unqueued hands it to the dispatcher's relay (woken by the NOTIFY when this transaction
 * commits, else within a minute), which queues it with a fresh retry budget.
 */
async function requeuePendingDeliveries(runner: QueryRunner, regionId: string): Promise<number> {
  const deliveries = sharedTable('exchange.webhook_delivery');
  if (!deliveries) throw new Error('exchange.webhook_delivery is not in the dump scope');
  const requeued = await affected(
    runner,
    `UPDATE exchange.webhook_delivery SET queued_at = NULL WHERE status = 'pending' AND queued_at IS NOT NULL AND id IN (SELECT id FROM exchange.webhook_delivery WHERE ${rowsOf(deliveries, regionId)})`,
  );
  if (requeued > 0) await runner.query('SELECT pg_notify($1, $2)', [WEBHOOK_CHANNEL, 'restore']);
  return requeued;
}

/**
 * A restore brings back what was erased after the dump. The audit trail says for whom: erasure requests and
 * anonymisations name the learner, a carried-out erasure names the pseudonym of its request. (Each event is
 * recorded after its change committed, so an event after the snapshot's time covers every change it missed.)
 */
async function erasedSince(runner: QueryRunner, schema: string, regionId: string, since: string): Promise<string[]> {
  const s = quoteIdent(schema);
  const rows = (await runner.query(
    `SELECT l.id FROM ${s}.learner l
      WHERE l.anonymised_at IS NULL AND EXISTS (
        SELECT 1 FROM platform.audit_event e
         WHERE e.region_id = $1 AND e.occurred_at > $2::timestamptz
           AND ((e.action IN ('learner.erasure.requested', 'learner.erased', 'retention.anonymised') AND e.target_id = l.id::text)
             OR (e.action = 'learner.erased' AND e.target_id IN (SELECT r.pseudonym::text FROM ${s}.erasure_request r WHERE r.learner_id = l.id))))
      ORDER BY l.id`,
    [regionId, since],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}

/** The schema made from the dump's migrations must have exactly the dumped tables and columns. */
async function checkSchemaMatches(runner: QueryRunner, schema: string, sections: DumpSection[]): Promise<void> {
  const dumped = sections.filter((s) => s.kind === 'region');
  const tables = await regionTablesInLoadOrder(runner, schema);
  const problems: string[] = [];
  const names = new Set(dumped.map((s) => s.name));
  for (const table of tables) if (!names.has(table)) problems.push(`table ${table} is not in the dump`);
  for (const section of dumped) {
    if (!tables.includes(section.name)) {
      problems.push(`the dump has a table ${section.name} that its migrations do not create`);
      continue;
    }
    const columns = await copyableColumns(runner, schema, section.name);
    if (JSON.stringify(columns) !== JSON.stringify(section.columns)) problems.push(`the columns of ${section.name} differ`);
  }
  // Parents before children: the dump's order must be a load order of this schema.
  const order = dumped.map((s) => s.name);
  if (problems.length === 0 && !sameLoadOrder(order, tables)) problems.push('the tables are not in foreign-key order');
  if (problems.length > 0) throw new DumpFormatError(`the schema made from its migrations differs from the dump (${problems.join('; ')})`);
}

function sameLoadOrder(dumped: string[], computed: string[]): boolean {
  return dumped.length === computed.length && dumped.every((table, i) => table === computed[i]);
}

/** Streams one section's D frames into a COPY … FROM STDIN, checking its row count and checksum. */
async function copyIn(client: PoolClient, reader: DumpReader, sql: string, name: string): Promise<number> {
  const hash = createHash('sha256');
  let end: SectionEnd | undefined;
  async function* chunks(): AsyncGenerator<Buffer> {
    for (;;) {
      const frame = await reader.next();
      if (!frame) throw new DumpFormatError(`the file ends inside section ${name} (truncated)`);
      if (frame.type === 'E') {
        end = parseFrame(frame, sectionEndSchema);
        if (end.sha256 !== hash.digest('hex')) throw new DumpFormatError(`the checksum of section ${name} does not match (damaged or altered)`);
        return;
      }
      if (frame.type !== 'D') throw new DumpFormatError(`a "${frame.type}" frame inside section ${name}`);
      hash.update(frame.payload);
      yield frame.payload;
    }
  }
  const stream = client.query(copyFrom(sql));
  try {
    await pipeline(Readable.from(chunks()), stream);
  } catch (error) {
    if (error instanceof DumpFormatError) throw error;
    throw new Error(`Restoring ${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!end || stream.rowCount !== end.rows) throw new DumpFormatError(`section ${name} has ${stream.rowCount} rows, its record says ${end?.rows ?? '?'}`);
  return stream.rowCount;
}

async function affected(runner: QueryRunner, sql: string, parameters: unknown[] = []): Promise<number> {
  const result = await runner.query(sql, parameters, true);
  return result.affected ?? 0;
}
