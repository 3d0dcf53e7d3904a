import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';
import { AuditService } from '../modules/audit/audit.service.js';
import { LOCK_NAMESPACE, MIGRATION_LOCK_KEY, REGION_SCHEMA_LOCK_NAMESPACE } from './advisory-locks.js';
import { DUMP_FORMAT, DUMP_FORMAT_VERSION, type DumpColumn, type DumpHeader, type DumpSection, type DumpSequence, DumpWriter } from './region-dump-format.js';
import type { DumpKey } from './region-dump-key.js';
import { REGION_TABLE, rowsOf, SHARED_TABLES, type SharedTable, sharedTable } from './region-dump-scope.js';
import { quoteIdent } from './region-naming.js';

export interface DumpSummary {
  region: { id: string; slug: string };
  sections: { name: string; rows: number }[];
  sequences: number;
}

type Queryable = Pick<QueryRunner, 'query'>;

/**
 * Writes a logical dump of one region to `out` (gzip, format in region-dump-format.ts): the rows of every
 * table of its schema, its sequences, and its rows in shared tables (region-dump-scope.ts), all read from ONE
 * snapshot (REPEATABLE READ, read only) on the owner connection, with COPY … TO STDOUT. The schema's DDL is
 * not dumped: the restore recreates it from the recorded migrations. Holds shared advisory locks, so neither
 * db:migrate nor a migration of this region runs meanwhile (other dumps and the API do). Records
 * `region.dumped` in the audit trail once the data is written.
 */
export async function dumpRegion(
  owner: DataSource,
  slug: string,
  out: Writable,
  options: { key: DumpKey; /** Who ran it (for the audit event), e.g. user@host. */ operator?: string },
): Promise<DumpSummary> {
  const gzip = createGzip();
  const written = pipeline(gzip, out);
  written.catch(() => undefined); // awaited below; a failure before that is reported by the dump itself
  const runner = owner.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  let summary: DumpSummary;
  try {
    // Session locks, taken before the snapshot starts, so that the snapshot sees no half-migrated schema.
    await runner.query('SELECT pg_advisory_lock_shared($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK_KEY]);
    await runner.query('SELECT pg_advisory_lock_shared($1, hashtext($2))', [REGION_SCHEMA_LOCK_NAMESPACE, slug]);
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        summary = await writeDump(runner, client, slug, new DumpWriter(gzip), options.key);
      } finally {
        await runner.query('COMMIT');
      }
    } finally {
      await runner.query('SELECT pg_advisory_unlock_all()');
    }
  } catch (error) {
    gzip.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  } finally {
    await runner.release();
  }
  gzip.end();
  await written;
  await new AuditService(owner).record({
    action: 'region.dumped',
    targetType: 'region',
    targetId: summary.region.id,
    regionId: summary.region.id,
    details: { slug, operator: options.operator ?? null, rows: Object.fromEntries(summary.sections.map((s) => [s.name, s.rows])) },
  });
  return summary;
}

async function writeDump(runner: QueryRunner, client: PoolClient, slug: string, writer: DumpWriter, key: DumpKey): Promise<DumpSummary> {
  const [region] = (await runner.query('SELECT id, slug, display_name, schema_name FROM platform.region WHERE slug = $1', [slug])) as {
    id: string;
    slug: string;
    display_name: string;
    schema_name: string;
  }[];
  if (!region) throw new Error(`No region with slug "${slug}".`);
  await refuseUnknownRegionReferences(runner);
  const schema = region.schema_name;
  const tables = await regionTablesInLoadOrder(runner, schema);
  const sections: DumpSection[] = [];
  for (const table of tables) sections.push({ name: table, kind: 'region', columns: await copyableColumns(runner, schema, table) });
  for (const shared of SHARED_TABLES) {
    const [schemaName = '', table = ''] = shared.table.split('.');
    sections.push({ name: shared.table, kind: 'shared', columns: await copyableColumns(runner, schemaName, table) });
  }
  const header: DumpHeader = {
    format: DUMP_FORMAT,
    formatVersion: DUMP_FORMAT_VERSION,
    // The snapshot's time (not the clock at writing): the restore looks for erasures recorded after it.
    createdAt: new Date(((await runner.query('SELECT now() AS now')) as [{ now: Date }])[0].now).toISOString(),
    region: { id: region.id, slug: region.slug, displayName: region.display_name },
    regionMigrations: (
      (await runner.query(`SELECT "timestamp", name FROM ${quoteIdent(schema)}.migrations ORDER BY "timestamp"`)) as { timestamp: string; name: string }[]
    ).map((m) => ({ timestamp: Number(m.timestamp), name: m.name })),
    platformVersion: Number(
      ((await runner.query('SELECT coalesce(max("timestamp"), 0) AS version FROM platform.migrations')) as [{ version: string }])[0].version,
    ),
    server: ((await runner.query('SHOW server_version')) as [{ server_version: string }])[0].server_version,
    fieldKeyFingerprint: key.fingerprint(),
    sections,
    sequences: await sequencesOf(runner, schema),
  };

  await writer.start();
  await writer.json('H', header);
  const counts: DumpSummary['sections'] = [];
  for (const section of sections) {
    const columns = section.columns.map((c) => quoteIdent(c.name)).join(', ');
    const source =
      section.kind === 'region'
        ? `${quoteIdent(schema)}.${quoteIdent(section.name)} (${columns})`
        : `(SELECT ${columns} FROM ${qualified(section.name)} WHERE ${rowsOf(sharedOrThrow(section.name), region.id)})`;
    await writer.json('S', { name: section.name });
    const hash = createHash('sha256');
    const stream = client.query(copyTo(`COPY ${source} TO STDOUT`));
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      await writer.data(chunk);
    }
    await writer.json('E', { rows: stream.rowCount, sha256: hash.digest('hex') });
    counts.push({ name: section.name, rows: stream.rowCount });
  }
  await writer.finish(sections.length, (sha256) => key.seal(sha256));
  return { region: { id: region.id, slug: region.slug }, sections: counts, sequences: header.sequences.length };
}

function sharedOrThrow(name: string): SharedTable {
  const table = sharedTable(name);
  if (!table) throw new Error(`${name} is not a shared table of a region dump`);
  return table;
}

/** `schema.table` from the scope list, quoted part by part. */
export function qualified(name: string): string {
  const [schema = '', table = ''] = name.split('.');
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

/** A new table referencing platform.region must be added to the dump's scope before a dump can miss it. */
async function refuseUnknownRegionReferences(runner: Queryable): Promise<void> {
  const rows = (await runner.query(
    `SELECT DISTINCT n.nspname || '.' || c.relname AS name
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND k.confrelid = $1::regclass`,
    [REGION_TABLE],
  )) as { name: string }[];
  const unknown = rows.map((r) => r.name).filter((name) => !SHARED_TABLES.some((t) => t.table === name));
  if (unknown.length > 0) {
    throw new Error(`Tables referencing ${REGION_TABLE} that the region dump does not cover: ${unknown.join(', ')} (add them to tenancy/region-dump-scope.ts)`);
  }
}

/** The columns COPY can write (generated columns are recomputed), in table order. */
export async function copyableColumns(runner: Queryable, schema: string, table: string): Promise<DumpColumn[]> {
  const columns = (await runner.query(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a
      WHERE a.attrelid = (quote_ident($1) || '.' || quote_ident($2))::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [schema, table],
  )) as DumpColumn[];
  if (columns.length === 0) throw new Error(`No table ${schema}.${table}`);
  return columns;
}

/**
 * The tables of a region's schema (without its migrations table), parents before children, so that a restore
 * can load them one after the other with every foreign key checked. A reference across tables in a cycle
 * could not be loaded this way, and is refused.
 */
export async function regionTablesInLoadOrder(runner: Queryable, schema: string): Promise<string[]> {
  const tables = (
    (await runner.query(
      `SELECT c.relname AS name FROM pg_class c
        WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'r' AND c.relname <> 'migrations' ORDER BY c.relname`,
      [schema],
    )) as { name: string }[]
  ).map((t) => t.name);
  const references = (await runner.query(
    `SELECT c.relname AS child, p.relname AS parent, p.relnamespace = c.relnamespace AS local
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND c.relnamespace = $1::regnamespace AND k.conrelid <> k.confrelid`,
    [schema],
  )) as { child: string; parent: string; local: boolean }[];
  const outside = references.filter((r) => !r.local);
  if (outside.length > 0) throw new Error(`Region tables reference tables outside the schema: ${outside.map((r) => r.child).join(', ')}`);
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => references.every((r) => r.child !== t || !pending.has(r.parent)));
    if (ready.length === 0) throw new Error(`Region tables reference each other in a cycle: ${[...pending].join(', ')}`);
    for (const table of ready) {
      ordered.push(table);
      pending.delete(table);
    }
  }
  return ordered;
}

/** The schema's sequences (identity columns), without the migrations table's, with their state. */
async function sequencesOf(runner: Queryable, schema: string): Promise<DumpSequence[]> {
  const names = (
    (await runner.query(
      `SELECT s.relname AS name FROM pg_class s
         LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.deptype IN ('a', 'i')
         LEFT JOIN pg_class t ON t.oid = d.refobjid
        WHERE s.relnamespace = $1::regnamespace AND s.relkind = 'S' AND t.relname IS DISTINCT FROM 'migrations'
        ORDER BY s.relname`,
      [schema],
    )) as { name: string }[]
  ).map((s) => s.name);
  const sequences: DumpSequence[] = [];
  for (const name of names) {
    const [state] = (await runner.query(`SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${quoteIdent(schema)}.${quoteIdent(name)}`)) as [
      { lastValue: string; isCalled: boolean },
    ];
    sequences.push({ name, ...state });
  }
  return sequences;
}
