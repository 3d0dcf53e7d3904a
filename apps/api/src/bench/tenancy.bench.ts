import os from 'node:os';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOwnerDataSource, databaseIdentity } from '../database/data-sources.js';
import { regionMigrations } from '../database/migrations/region/index.js';
import { RegionProvisioner } from '../tenancy/region-provisioner.js';
import { migrateDatabase } from '../tenancy/schema-migrator.js';
import { openThrowawayDatabase } from './throwaway-database.js';

/**
 * `pnpm bench:tenancy`: provisioning time per region and `db:migrate` over 200 regions, on a throw-away
 * embedded PostgreSQL. The baseline, measured in the same run, is the bare DDL of a region (CREATE SCHEMA
 * + the same tables, no role, grants, registry or migration bookkeeping). Goals: ≤ 1 s per region,
 * ≤ 60 s for 200 regions.
 */
const REGIONS = Number(process.argv[2] ?? 200);

class AddColumnToSettings1900000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE region_settings ADD COLUMN bench_note text');
  }
  async down(): Promise<void> {}
}

const database = await openThrowawayDatabase();
try {
  const { config } = database;
  const identity = databaseIdentity(config.database);
  const owner = createOwnerDataSource(config.database);
  await owner.initialize();
  const options = { roles: identity.roles, appPassword: config.database.appPassword, concurrency: config.database.migrationConcurrency };
  await migrateDatabase(owner, options);

  const provisioner = new RegionProvisioner(owner, identity.rolePrefix, identity.roles);
  const timings: number[] = [];
  let started = performance.now();
  for (let i = 0; i < REGIONS; i++) {
    started = performance.now();
    await provisioner.provision(`bench-${String(i).padStart(3, '0')}`, `Bench region ${i}`);
    timings.push(performance.now() - started);
  }
  // Baseline, measured after provisioning (same warm server): the bare DDL of one region.
  const baselineRuns = 21;
  const baselineTimings: number[] = [];
  for (let i = 0; i < baselineRuns; i++) {
    started = performance.now();
    await owner.transaction(async (m) => {
      await m.query(`CREATE SCHEMA bare_${i}`);
      await m.query(`SET LOCAL search_path = bare_${i}`);
      await m.query("SELECT set_config('leerwinkel.region_role', current_user, true)");
      for (const migration of regionMigrations) await new migration().up(m.queryRunner as QueryRunner);
    });
    baselineTimings.push(performance.now() - started);
  }
  baselineTimings.sort((a, b) => a - b);
  const baselineMs = baselineTimings[Math.floor(baselineRuns / 2)] ?? 0;

  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)] ?? 0;
  const p95 = timings[Math.floor(timings.length * 0.95)] ?? 0;

  started = performance.now();
  const withNew = await migrateDatabase(owner, { ...options, regionMigrations: [...regionMigrations, AddColumnToSettings1900000000000] });
  const migrateMs = performance.now() - started;
  started = performance.now();
  await migrateDatabase(owner, { ...options, regionMigrations: [...regionMigrations, AddColumnToSettings1900000000000] });
  const noopMs = performance.now() - started;
  await owner.destroy();

  const lines = [
    `bench:tenancy — ${new Date().toISOString()} — ${os.cpus().length} cores, PostgreSQL embedded, migration concurrency ${options.concurrency}`,
    `baseline: bare region DDL, no role/grants/registry (median of ${baselineRuns})   ${baselineMs.toFixed(1)} ms`,
    `provision one region: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms   ratio to baseline ${(median / baselineMs).toFixed(2)}x   goal ≤ 1000 ms: ${median <= 1000 ? 'met' : 'MISSED'}`,
    `db:migrate ${REGIONS} regions with one new migration: ${(migrateMs / 1000).toFixed(2)} s (${(migrateMs / REGIONS).toFixed(1)} ms/region, ${withNew.failed.length} failed)   goal ≤ 60 s: ${migrateMs <= 60_000 ? 'met' : 'MISSED'}`,
    `db:migrate ${REGIONS} regions, nothing to do: ${(noopMs / 1000).toFixed(2)} s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await database.stop();
}
